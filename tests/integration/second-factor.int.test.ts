// The second factor: enrolment, the code after the password (counted by the sign-in throttle like a
// wrong password), codes accepted once, recovery codes spent once, the administrator's reset.
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { secondFactorChallengeError, signInSecondStep } from "@/lib/auth/second-factor-sign-in";
import { authenticate, type PendingSignIn } from "@/lib/db/users/authenticate";
import { confirmSecondFactorEnrolment, secondFactorEnrolmentOffer } from "@/lib/db/users/enrol-second-factor";
import { loadSessionUser } from "@/lib/db/users/load-session-user";
import { renewRecoveryCodes } from "@/lib/db/users/renew-recovery-codes";
import { resetSecondFactor } from "@/lib/db/users/reset-second-factor";
import { rolesRequiringSecondFactor } from "@/lib/db/users/second-factor-policy";
import { secondFactorStatus } from "@/lib/db/users/second-factor-status";
import { signInWithSecondFactor } from "@/lib/db/users/sign-in-second-factor";
import { ACCOUNT_THROTTLE } from "@/lib/domain/login-throttle";
import { mustEnrolSecondFactor, TOTP_PERIOD_SECONDS } from "@/lib/domain/second-factor";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, PAVLODAR, prisma, sessionOf, type StaffActor } from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

/** The app's code `steps` periods from now (0: the current one), as a phone would show it then. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * TOTP_PERIOD_SECONDS });

/** A staff member who has set up a second factor with the current code (so the next period's code is free). */
async function enrolled(role: StaffActor["role"], regionId: string | null = null) {
  const user = await createStaffUser(prisma, role, regionId);
  const { secret, offer } = secondFactorEnrolmentOffer(user);
  const { recoveryCodes } = await confirmSecondFactorEnrolment(user, { offer, code: await codeAt(secret) });
  return { user, secret, recoveryCodes };
}

/** The right password of an account with a second factor: the pending sign-in that waits for the code. */
async function passwordStep(user: StaffActor, ip = uniqueIp()): Promise<PendingSignIn> {
  const result = await authenticate(user.email, user.password, ip);
  if (result.ok || result.reason !== "secondFactor") throw new Error("expected the code step");
  return result.pending;
}

describe("setting up a second factor", () => {
  it("stores the key sealed and 10 recovery codes as digests once a code of the app confirms it", async () => {
    const user = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    const { secret, uri, offer } = secondFactorEnrolmentOffer(user);
    expect(uri).toBe(
      `otpauth://totp/Nurly%20Kosh:${encodeURIComponent(user.email)}?secret=${secret}&issuer=Nurly%20Kosh`,
    );
    expect(offer).not.toContain(secret);
    expect(await secondFactorStatus(user)).toEqual({ enabledAt: null, recoveryCodesLeft: 0 });

    const { recoveryCodes } = await confirmSecondFactorEnrolment(user, { offer, code: await codeAt(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mfaSecret).toMatch(/^v1\./);
    expect(row.mfaSecret).not.toContain(secret);
    expect(row.mfaEnabledAt).not.toBeNull();
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) {
      expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.some((code) => codeHash.includes(code.replace("-", "")))).toBe(false);
    }
    expect((await secondFactorStatus(user)).recoveryCodesLeft).toBe(10);
    const audit = await prisma.auditLog.findFirst({ where: { action: "auth.mfa.enrol", entityId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: user.id, regionId: PAVLODAR });
  });

  it("refuses a wrong code, an expired offer and a second enrolment, and stores nothing then", async () => {
    const user = await createStaffUser(prisma, "ADMIN");
    const { secret, offer } = secondFactorEnrolmentOffer(user);
    const wrong = (await codeAt(secret)) === "000000" ? "111111" : "000000";
    await expect(confirmSecondFactorEnrolment(user, { offer, code: wrong })).rejects.toMatchObject({
      code: "secondFactor.errors.wrongCode",
      field: "code",
    });
    const expired = secondFactorEnrolmentOffer(user, new Date(Date.now() - 31 * 60_000));
    await expect(
      confirmSecondFactorEnrolment(user, { offer: expired.offer, code: await codeAt(expired.secret) }),
    ).rejects.toMatchObject({ code: "secondFactor.errors.offerExpired" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      mfaSecret: null,
      mfaEnabledAt: null,
    });

    await confirmSecondFactorEnrolment(user, { offer, code: await codeAt(secret) });
    const again = secondFactorEnrolmentOffer(user);
    await expect(
      confirmSecondFactorEnrolment(user, { offer: again.offer, code: await codeAt(again.secret) }),
    ).rejects.toMatchObject({ code: "secondFactor.errors.alreadyEnrolled" });
  });
});

describe("signing in with a second factor", () => {
  it("asks for the code after the right password, and signs in only with it", async () => {
    const { user, secret } = await enrolled("COORDINATOR", AKMOLA);
    const pending = await passwordStep(user);
    expect(pending).toEqual({ userId: user.id, generation: 0 });
    // The password alone signs nobody in.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lastLoginAt: null });

    const result = await signInWithSecondFactor(pending, { code: await codeAt(secret, 1) }, uniqueIp());
    expect(result).toEqual({
      ok: true,
      actor: { id: user.id, role: "COORDINATOR", regionId: AKMOLA },
      sessionGeneration: 0,
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    const login = await prisma.auditLog.findFirst({ where: { action: "auth.login", entityId: String(user.id) } });
    expect(login?.changes).toMatchObject({ secondFactor: "totp" });
  });

  it("gives a wrong password the same answer as ever, without asking for a code", async () => {
    const { user } = await enrolled("ADMIN");
    expect(await authenticate(user.email, "wrong", uniqueIp())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code that was accepted already, even when two requests bring it at once", async () => {
    const { user, secret } = await enrolled("COORDINATOR", PAVLODAR);
    const code = await codeAt(secret, 1);
    const pending = await passwordStep(user);
    const results = await Promise.all([
      signInWithSecondFactor(pending, { code }, uniqueIp()),
      signInWithSecondFactor(pending, { code }, uniqueIp()),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await signInWithSecondFactor(pending, { code }, uniqueIp())).toEqual({ ok: false, reason: "wrongCode" });
    const replays = await prisma.auditLog.findMany({
      where: { action: "auth.login.failed", entityId: String(user.id) },
    });
    expect(replays).toHaveLength(2);
    for (const replay of replays) expect(replay.changes).toMatchObject({ reason: "wrong-code", isReplay: true });
  });

  it("refuses the code used to confirm the enrolment", async () => {
    const user = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    const { secret, offer } = secondFactorEnrolmentOffer(user);
    const code = await codeAt(secret);
    await confirmSecondFactorEnrolment(user, { offer, code });
    expect(await signInWithSecondFactor(await passwordStep(user), { code }, uniqueIp())).toEqual({
      ok: false,
      reason: "wrongCode",
    });
  });

  it("counts wrong codes towards the throttle like wrong passwords; a new password step does not forget them", async () => {
    const { user, secret } = await enrolled("COORDINATOR", AKMOLA);
    const wrong = async () => {
      const right = await codeAt(secret, 1);
      return right === "123456" ? "654321" : "123456";
    };
    for (let attempt = 1; attempt < ACCOUNT_THROTTLE.maxFailures; attempt++) {
      const pending = await passwordStep(user);
      expect(await signInWithSecondFactor(pending, { code: await wrong() }, uniqueIp())).toEqual({
        ok: false,
        reason: "wrongCode",
      });
    }
    const pending = await passwordStep(user);
    expect(await signInWithSecondFactor(pending, { code: await wrong() }, uniqueIp())).toEqual({
      ok: false,
      reason: "wrongCode",
    });
    // Locked now: the right code and the right password are both refused, from any address.
    const locked = await signInWithSecondFactor(pending, { code: await codeAt(secret, 1) }, uniqueIp());
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate(user.email, user.password, uniqueIp())).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    const failures = await prisma.auditLog.findMany({
      where: { action: "auth.login.failed", entityId: String(user.id) },
    });
    expect(failures).toHaveLength(ACCOUNT_THROTTLE.maxFailures);
    for (const failure of failures) expect(failure.changes).toMatchObject({ reason: "wrong-code" });
  });

  it("counts wrong codes per address too", async () => {
    const { user, secret } = await enrolled("ADMIN");
    const ip = uniqueIp();
    const pending = await passwordStep(user);
    const right = await codeAt(secret, 1);
    await signInWithSecondFactor(pending, { code: right === "000000" ? "999999" : "000000" }, ip);
    const row = await prisma.loginThrottle.findUnique({ where: { key: `ip:${ip}` } });
    expect(row?.failures).toBe(1);
  });

  it("lets a recovery code in once, however it is typed, and spends it even when used twice at once", async () => {
    const { user, recoveryCodes } = await enrolled("COORDINATOR", PAVLODAR);
    const [first, second] = recoveryCodes;
    const pending = await passwordStep(user);
    const results = await Promise.all([
      signInWithSecondFactor(pending, { recoveryCode: first! }, uniqueIp()),
      signInWithSecondFactor(pending, { recoveryCode: first!.toUpperCase().replace("-", " ") }, uniqueIp()),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await signInWithSecondFactor(pending, { recoveryCode: first! }, uniqueIp())).toEqual({
      ok: false,
      reason: "wrongCode",
    });
    expect((await signInWithSecondFactor(pending, { recoveryCode: second! }, uniqueIp())).ok).toBe(true);

    expect((await secondFactorStatus(user)).recoveryCodesLeft).toBe(8);
    const used = await prisma.auditLog.findMany({
      where: { action: "auth.mfa.recoveryCodeUsed", entityId: String(user.id) },
      orderBy: { id: "asc" },
    });
    expect(used.map((entry) => (entry.changes as { left: number }).left)).toEqual([9, 8]);
    const failed = await prisma.auditLog.findMany({
      where: { action: "auth.login.failed", entityId: String(user.id) },
    });
    expect(failed).toHaveLength(2);
    for (const entry of failed) expect(entry.changes).toMatchObject({ reason: "wrong-recovery-code" });
  });

  it("lets the challenge carry the sign-in only while it is fresh and unaltered", async () => {
    const { user, secret } = await enrolled("ADMIN");
    const challengeOf = (message: string) => message.replace(/^secondFactor:/, "");
    const pending = await passwordStep(user);
    const fresh = challengeOf(secondFactorChallengeError(pending));
    const stale = challengeOf(secondFactorChallengeError(pending, new Date(Date.now() - 6 * 60_000)));
    const forged = fresh.slice(0, -4) + (fresh.endsWith("AAAA") ? "BBBB" : "AAAA");
    const code = await codeAt(secret, 1);

    await expect(signInSecondStep({ challenge: stale, code }, uniqueIp())).rejects.toThrow(/^restart$/);
    await expect(signInSecondStep({ challenge: forged, code }, uniqueIp())).rejects.toThrow(/^restart$/);
    await expect(signInSecondStep({ challenge: fresh, code: "12345" }, uniqueIp())).rejects.toThrow(/^wrongCode$/);
    expect(await signInSecondStep({ challenge: fresh, code }, uniqueIp())).toMatchObject({
      actor: { id: user.id },
    });
    await expect(signInSecondStep({ challenge: fresh, code }, uniqueIp())).rejects.toThrow(/^wrongCode$/);
  });
});

describe("who must have a second factor", () => {
  it("requires it of administrators and coordinators; caseworkers and analysts sign in with the password alone", async () => {
    const roles = await rolesRequiringSecondFactor();
    expect([...roles].sort()).toEqual(["ADMIN", "COORDINATOR"]);
    for (const [role, regionId, isRequired] of [
      ["ADMIN", null, true],
      ["COORDINATOR", PAVLODAR, true],
      ["CASEWORKER", PAVLODAR, false],
      ["ANALYST", null, false],
    ] as const) {
      const user = await createStaffUser(prisma, role, regionId);
      // Without a factor the password signs in; the session then leads to setting one up where required.
      expect(await authenticate(user.email, user.password, uniqueIp())).toMatchObject({ ok: true });
      const session = await loadSessionUser(await sessionOf(user));
      expect(session.user?.hasSecondFactor).toBe(false);
      expect(mustEnrolSecondFactor(session.user!, roles)).toBe(isRequired);
    }
  });

  it("asks a caseworker who set one up voluntarily for the code too", async () => {
    const { user, secret } = await enrolled("CASEWORKER", AKMOLA);
    expect((await loadSessionUser(await sessionOf(user))).user?.hasSecondFactor).toBe(true);
    const pending = await passwordStep(user);
    expect((await signInWithSecondFactor(pending, { code: await codeAt(secret, 1) }, uniqueIp())).ok).toBe(true);
  });
});

describe("resetting a second factor", () => {
  it("clears the key and the codes, ends every session and a sign-in under way, and is audited", async () => {
    const admin = await createStaffUser(prisma, "ADMIN");
    const { user, secret } = await enrolled("COORDINATOR", PAVLODAR);
    const session = await sessionOf(user);
    expect((await loadSessionUser(session)).user?.id).toBe(user.id);
    const pending = await passwordStep(user);

    await resetSecondFactor(admin, user.id);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, sessionGeneration: 1 });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await loadSessionUser(session)).toEqual({ user: null, ended: "signedOut" });
    expect(await signInWithSecondFactor(pending, { code: await codeAt(secret, 1) }, uniqueIp())).toEqual({
      ok: false,
      reason: "restart",
    });
    const audit = await prisma.auditLog.findFirst({ where: { action: "auth.mfa.reset", entityId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", regionId: PAVLODAR });

    // The password signs in again, and the session leads to setting up a new factor.
    expect(await authenticate(user.email, user.password, uniqueIp())).toMatchObject({ ok: true });
    await expect(resetSecondFactor(admin, user.id)).rejects.toMatchObject({
      code: "secondFactor.errors.noneToReset",
    });
  });

  crossRegionTest(
    resetSecondFactor,
    "only an administrator resets another person's factor; coordinators, caseworkers and analysts are refused, and nobody resets their own",
    async () => {
      const { user: target } = await enrolled("COORDINATOR", PAVLODAR);
      for (const [role, regionId] of [
        ["COORDINATOR", PAVLODAR],
        ["COORDINATOR", AKMOLA],
        ["CASEWORKER", PAVLODAR],
        ["ANALYST", null],
      ] as const) {
        const actor = await createStaffUser(prisma, role, regionId);
        await expect(resetSecondFactor(actor, target.id)).rejects.toThrow(FORBIDDEN);
      }
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).mfaEnabledAt).not.toBeNull();
      const { user: admin } = await enrolled("ADMIN");
      await expect(resetSecondFactor(admin, admin.id)).rejects.toMatchObject({
        code: "secondFactor.errors.selfReset",
      });
      await expect(resetSecondFactor(admin, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
    },
  );
});

describe("the own second factor", () => {
  crossRegionTest(
    confirmSecondFactorEnrolment,
    "sets up only the acting person's own factor: a key offered to a colleague does not open",
    async () => {
      const owner = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
      const colleague = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
      const { secret, offer } = secondFactorEnrolmentOffer(owner);
      await expect(
        confirmSecondFactorEnrolment(colleague, { offer, code: await codeAt(secret) }),
      ).rejects.toMatchObject({ code: "secondFactor.errors.offerExpired" });
      for (const id of [owner.id, colleague.id])
        expect((await prisma.user.findUniqueOrThrow({ where: { id } })).mfaEnabledAt).toBeNull();
    },
  );

  crossRegionTest(secondFactorStatus, "reports only the acting person's own factor", async () => {
    const { user: enrolledCoordinator } = await enrolled("COORDINATOR", AKMOLA);
    const analyst = await createStaffUser(prisma, "ANALYST");
    expect(await secondFactorStatus(analyst)).toEqual({ enabledAt: null, recoveryCodesLeft: 0 });
    expect((await secondFactorStatus(enrolledCoordinator)).recoveryCodesLeft).toBe(10);
  });

  crossRegionTest(
    renewRecoveryCodes,
    "renews only the own codes against a current code; the old ones stop working, a colleague's keep working",
    async () => {
      const { user, secret, recoveryCodes: old } = await enrolled("COORDINATOR", PAVLODAR);
      const { user: colleague, recoveryCodes: colleagues } = await enrolled("COORDINATOR", PAVLODAR);
      const right = await codeAt(secret, 1);
      await expect(renewRecoveryCodes(user, { code: right === "000000" ? "111111" : "000000" })).rejects.toMatchObject({
        code: "secondFactor.errors.wrongCode",
        field: "code",
      });
      expect(await prisma.loginThrottle.findUnique({ where: { key: `account:${user.email}` } })).toMatchObject({
        failures: 1,
      });

      const { recoveryCodes } = await renewRecoveryCodes(user, { code: right });
      expect(recoveryCodes).toHaveLength(10);
      expect(recoveryCodes.filter((code) => old.includes(code))).toEqual([]);
      await expect(renewRecoveryCodes(user, { code: right })).rejects.toMatchObject({
        code: "secondFactor.errors.wrongCode",
      });
      expect(await signInWithSecondFactor(await passwordStep(user), { recoveryCode: old[0]! }, uniqueIp())).toEqual({
        ok: false,
        reason: "wrongCode",
      });
      const pending = await passwordStep(colleague);
      expect((await signInWithSecondFactor(pending, { recoveryCode: colleagues[0]! }, uniqueIp())).ok).toBe(true);
      const analyst = await createStaffUser(prisma, "ANALYST");
      await expect(renewRecoveryCodes(analyst, { code: right })).rejects.toMatchObject({
        code: "secondFactor.errors.notEnrolled",
      });
    },
  );
});
