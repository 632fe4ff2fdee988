// Staff accounts (issue 13): an administrator creates an account and hands over a one-time link, the
// person chooses a password with it; role and region changes apply on the next request; a reset ends
// the old password and every session; the last active administrator stays; nobody else administers.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashAccountToken, openAccountLink, setPasswordWithLink, type IssuedLink } from "@/lib/db/users/account-links";
import { authenticate } from "@/lib/db/users/authenticate";
import { changeOwnPassword } from "@/lib/db/users/change-own-password";
import { changeStaffAssignment } from "@/lib/db/users/change-staff-assignment";
import { createStaffAccount } from "@/lib/db/users/create-staff-account";
import { getStaffMember } from "@/lib/db/users/get-staff-member";
import { listUsers } from "@/lib/db/users/list-users";
import { loadSessionUser } from "@/lib/db/users/load-session-user";
import { resetStaffPassword } from "@/lib/db/users/reset-password";
import { setUserActive } from "@/lib/db/users/set-user-active";
import { ACCOUNT_THROTTLE } from "@/lib/domain/login-throttle";
import type { StaffRole } from "@/lib/domain/permissions";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, PAVLODAR, prisma, sessionOf, type StaffActor } from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

const GOOD_PASSWORD = "Steppe-Falcon-Morning-7";
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

type Cast = { admin: StaffActor; analyst: StaffActor; coordinator: StaffActor; caseworker: StaffActor };
let cast: Cast;

beforeAll(async () => {
  cast = {
    admin: await createStaffUser(prisma, "ADMIN"),
    analyst: await createStaffUser(prisma, "ANALYST"),
    coordinator: await createStaffUser(prisma, "COORDINATOR", AKMOLA),
    caseworker: await createStaffUser(prisma, "CASEWORKER", AKMOLA),
  };
});

/** A new account's form as the administrator fills it in, with a unique e-mail. */
function newAccount(role: StaffRole = "CASEWORKER", regionId: string | null = AKMOLA) {
  const tag = randomUUID().slice(0, 8);
  return {
    fullName: "Тұрсынова Әсел Ғалымқызы",
    fullNameLatin: "Tursynova Assel Galymkyzy",
    email: `a.tursynova-${tag}@test.nurlykosh.kz`,
    phone: "+77012345678",
    role,
    regionId,
  };
}

/** Creates an account and activates it with GOOD_PASSWORD; returns the account and its session claims. */
async function activatedAccount(role: StaffRole = "CASEWORKER", regionId: string | null = AKMOLA) {
  const input = newAccount(role, regionId);
  const { userId, link } = await createStaffAccount(cast.admin, input);
  await setPasswordWithLink({ token: link.token, password: GOOD_PASSWORD });
  const login = await authenticate(input.email, GOOD_PASSWORD, ip());
  if (!login.ok) throw new Error(`the new account could not sign in: ${login.reason}`);
  const session = await sessionOf({ id: userId }, login.sessionGeneration);
  return { ...input, id: userId, role, regionId, session };
}

const auditOf = (action: string, userId: number) =>
  prisma.auditLog.findMany({ where: { action, entityId: String(userId) }, orderBy: { id: "asc" } });

/** Sets every other active administrator aside for `body`, so that `keep` are the only ones. */
async function withOnlyAdministrators(keep: number[], body: () => Promise<void>) {
  const others = await prisma.user.findMany({
    where: { role: "ADMIN", isActive: true, id: { notIn: keep } },
    select: { id: true },
  });
  const otherIds = others.map((other) => other.id);
  await prisma.user.updateMany({ where: { id: { in: otherIds } }, data: { isActive: false } });
  try {
    await body();
  } finally {
    await prisma.user.updateMany({ where: { id: { in: otherIds } }, data: { isActive: true } });
  }
}

describe("creating an account", () => {
  it("stores no password and only the SHA-256 of the link's token, and audits both steps", async () => {
    const input = newAccount();
    const { userId, link } = await createStaffAccount(cast.admin, input);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.purpose).toBe("ACTIVATION");
    const hoursValid = (link.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(71.9);
    expect(hoursValid).toBeLessThanOrEqual(72);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: input.email, passwordHash: null, role: "CASEWORKER", regionId: AKMOLA });
    const tokens = await prisma.accountToken.findMany({ where: { userId } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).toBe(hashAccountToken(link.token));
    expect(JSON.stringify(tokens)).not.toContain(link.token);

    const [created] = await auditOf("user.create", userId);
    expect(created?.actorId).toBe(cast.admin.id);
    expect(created?.changes).toMatchObject({ changes: { role: { from: null, to: "CASEWORKER" } } });
    // Identifiers are masked in the log.
    expect(JSON.stringify(created?.changes)).not.toContain(input.email);
    const [issued] = await auditOf("account.link.issue", userId);
    expect(issued?.changes).toMatchObject({ purpose: "ACTIVATION", retired: 0 });
    expect(JSON.stringify(issued?.changes)).not.toContain(link.token);
  });

  it("refuses an e-mail that is taken in another case, at the e-mail field", async () => {
    const input = newAccount();
    await createStaffAccount(cast.admin, input);
    const again = { ...newAccount(), email: input.email.toUpperCase() };
    await expect(createStaffAccount(cast.admin, again)).rejects.toMatchObject({
      code: "users.errors.emailTaken",
      field: "email",
      status: 409,
    });
    expect(await prisma.user.count({ where: { email: input.email } })).toBe(1);
  });

  it("creates one account when two administrators add the same e-mail at once", async () => {
    const input = newAccount();
    const results = await Promise.allSettled([
      createStaffAccount(cast.admin, input),
      createStaffAccount(cast.admin, { ...input, email: input.email.toUpperCase() }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "users.errors.emailTaken" });
  });

  it("requires a region for a caseworker and none for an analyst", async () => {
    await expect(createStaffAccount(cast.admin, newAccount("CASEWORKER", null))).rejects.toMatchObject({
      code: "users.errors.regionRequired",
      field: "regionId",
    });
    await expect(createStaffAccount(cast.admin, newAccount("ANALYST", AKMOLA))).rejects.toMatchObject({
      code: "users.errors.regionRequired",
    });
  });

  crossRegionTest(createStaffAccount, "lets only the administrator create accounts, in any region", async () => {
    for (const actor of [cast.coordinator, cast.caseworker, cast.analyst]) {
      const input = newAccount("CASEWORKER", AKMOLA);
      await expect(createStaffAccount(actor, input)).rejects.toThrow(FORBIDDEN);
      expect(await prisma.user.count({ where: { email: input.email } })).toBe(0);
    }
  });
});

describe("activation links", () => {
  it("let the person choose a password once; the account has none before", async () => {
    const input = newAccount();
    const { userId, link } = await createStaffAccount(cast.admin, input);
    // No password yet: sign-in fails exactly like a wrong password.
    expect(await authenticate(input.email, GOOD_PASSWORD, ip())).toEqual({ ok: false, reason: "invalid" });

    expect(await openAccountLink(link.token)).toEqual({
      fullName: input.fullName,
      fullNameLatin: input.fullNameLatin,
      purpose: "ACTIVATION",
    });
    await setPasswordWithLink({ token: link.token, password: GOOD_PASSWORD });
    expect(await authenticate(input.email, GOOD_PASSWORD, ip())).toMatchObject({ ok: true });

    await expect(setPasswordWithLink({ token: link.token, password: "Another-Steppe-Falcon-9" })).rejects.toMatchObject(
      { code: "activation.invalid" },
    );
    expect(await openAccountLink(link.token)).toBeNull();
    expect(await authenticate(input.email, GOOD_PASSWORD, ip())).toMatchObject({ ok: true });
    const refusals = await auditOf("account.link.refused", userId);
    expect(refusals.map((entry) => entry.changes)).toEqual([
      { state: "used", step: "use" },
      { state: "used", step: "open" },
    ]);
    expect((await auditOf("account.link.use", userId)).map((entry) => entry.actorId)).toEqual([userId]);
  });

  it("refuses an expired, an unknown and a malformed link alike", async () => {
    const { userId, link } = await createStaffAccount(cast.admin, newAccount());
    await prisma.accountToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = "A".repeat(43);
    for (const token of [link.token, unknown, "not-a-token", `${link.token}x`]) {
      expect(await openAccountLink(token)).toBeNull();
      await expect(setPasswordWithLink({ token, password: GOOD_PASSWORD })).rejects.toMatchObject({
        code: "activation.invalid",
        status: 410,
      });
    }
    expect((await auditOf("account.link.refused", userId)).map((entry) => entry.changes)).toEqual([
      { state: "expired", step: "open" },
      { state: "expired", step: "use" },
    ]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ passwordHash: null });
  });

  it("refuses a password against the policy with the account's e-mail, and the link stays usable", async () => {
    const input = newAccount();
    const { link } = await createStaffAccount(cast.admin, input);
    await expect(setPasswordWithLink({ token: link.token, password: "qwerty123456" })).rejects.toMatchObject({
      code: "account.password.common",
      field: "password",
    });
    // The browser of the link does not know the e-mail; the server checks its name.
    const withEmailName = `${input.email.split("@")[0]}-Falcon`;
    await expect(setPasswordWithLink({ token: link.token, password: withEmailName })).rejects.toMatchObject({
      code: "account.password.containsEmailName",
      field: "password",
    });
    await setPasswordWithLink({ token: link.token, password: GOOD_PASSWORD });
  });

  it("sets one password when the same link is submitted twice at once", async () => {
    const input = newAccount();
    const { link } = await createStaffAccount(cast.admin, input);
    const passwords = [GOOD_PASSWORD, "Another-Steppe-Falcon-9"];
    const results = await Promise.allSettled(
      passwords.map((password) => setPasswordWithLink({ token: link.token, password })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const winner = passwords[results.findIndex((result) => result.status === "fulfilled")] ?? "";
    const loser = passwords.find((password) => password !== winner) ?? "";
    expect(await authenticate(input.email, winner, ip())).toMatchObject({ ok: true });
    expect(await authenticate(input.email, loser, ip())).toEqual({ ok: false, reason: "invalid" });
  });

  it("stop working when the account is deactivated, and a deactivated account's link is refused", async () => {
    const { userId, link } = await createStaffAccount(cast.admin, newAccount());
    await setUserActive(cast.admin, { userId, isActive: false, reason: "Did not start the job" });
    await setUserActive(cast.admin, { userId, isActive: true });
    await expect(setPasswordWithLink({ token: link.token, password: GOOD_PASSWORD })).rejects.toMatchObject({
      code: "activation.invalid",
    });
  });
});

describe("resetting a password", () => {
  it("ends the old password and every session, retires the open link and issues a new one", async () => {
    const person = await activatedAccount();
    expect((await loadSessionUser(person.session)).user?.id).toBe(person.id);

    const first = await resetStaffPassword(cast.admin, { userId: person.id });
    expect(first.purpose).toBe("RESET");
    expect(await loadSessionUser(person.session)).toEqual({ user: null, ended: "signedOut" });
    expect(await authenticate(person.email, GOOD_PASSWORD, ip())).toEqual({ ok: false, reason: "invalid" });

    const second = await resetStaffPassword(cast.admin, { userId: person.id });
    await expect(
      setPasswordWithLink({ token: first.token, password: "Another-Steppe-Falcon-9" }),
    ).rejects.toMatchObject({ code: "activation.invalid" });
    await setPasswordWithLink({ token: second.token, password: "Another-Steppe-Falcon-9" });
    expect(await authenticate(person.email, "Another-Steppe-Falcon-9", ip())).toMatchObject({ ok: true });

    const [reset] = await auditOf("user.password.reset", person.id);
    expect(reset?.changes).toEqual({ changes: { passwordHash: { from: "[changed]", to: null } } });
    const issues = await auditOf("account.link.issue", person.id);
    expect(issues.map((entry) => (entry.changes as { retired: number }).retired)).toEqual([0, 0, 1]);
  });

  it("gives an account that never signed in a new activation link instead", async () => {
    const { userId, link } = await createStaffAccount(cast.admin, newAccount());
    const renewed: IssuedLink = await resetStaffPassword(cast.admin, { userId });
    expect(renewed.purpose).toBe("ACTIVATION");
    expect(await openAccountLink(link.token)).toBeNull();
    expect(await openAccountLink(renewed.token)).toMatchObject({ purpose: "ACTIVATION" });
  });

  it("is not for the own account nor for a deactivated one", async () => {
    await expect(resetStaffPassword(cast.admin, { userId: cast.admin.id })).rejects.toMatchObject({
      code: "users.errors.selfReset",
    });
    const person = await activatedAccount();
    await setUserActive(cast.admin, { userId: person.id, isActive: false, reason: "On leave" });
    await expect(resetStaffPassword(cast.admin, { userId: person.id })).rejects.toMatchObject({
      code: "users.errors.resetDeactivated",
    });
  });

  crossRegionTest(
    resetStaffPassword,
    "lets only the administrator reset, even in the coordinator's own region",
    async () => {
      const person = await activatedAccount("CASEWORKER", AKMOLA);
      for (const actor of [cast.coordinator, cast.caseworker, cast.analyst]) {
        await expect(resetStaffPassword(actor, { userId: person.id })).rejects.toThrow(FORBIDDEN);
      }
      expect(await authenticate(person.email, GOOD_PASSWORD, ip())).toMatchObject({ ok: true });
      await expect(resetStaffPassword(cast.admin, { userId: 2_000_000_000 })).rejects.toThrow(NOT_FOUND);
    },
  );
});

describe("changing role and region", () => {
  it("applies on the person's next request and audits before and after", async () => {
    const person = await activatedAccount("CASEWORKER", AKMOLA);
    expect((await loadSessionUser(person.session)).user).toMatchObject({ role: "CASEWORKER", regionId: AKMOLA });

    expect(
      await changeStaffAssignment(cast.admin, { userId: person.id, role: "CASEWORKER", regionId: PAVLODAR }),
    ).toEqual({ changed: true });
    expect((await loadSessionUser(person.session)).user).toMatchObject({ role: "CASEWORKER", regionId: PAVLODAR });
    await changeStaffAssignment(cast.admin, { userId: person.id, role: "ANALYST", regionId: null });
    expect((await loadSessionUser(person.session)).user).toMatchObject({ role: "ANALYST", regionId: null });

    const entries = await auditOf("user.assignment.change", person.id);
    expect(entries.map((entry) => entry.changes)).toEqual([
      { changes: { regionId: { from: AKMOLA, to: PAVLODAR } } },
      { changes: { role: { from: "CASEWORKER", to: "ANALYST" }, regionId: { from: PAVLODAR, to: null } } },
    ]);
    // Saving what is there already changes and audits nothing.
    expect(await changeStaffAssignment(cast.admin, { userId: person.id, role: "ANALYST", regionId: null })).toEqual({
      changed: false,
    });
    expect(await auditOf("user.assignment.change", person.id)).toHaveLength(2);
  });

  it("refuses a regional role without a region", async () => {
    const person = await activatedAccount("ANALYST", null);
    await expect(
      changeStaffAssignment(cast.admin, { userId: person.id, role: "COORDINATOR", regionId: null }),
    ).rejects.toMatchObject({ code: "users.errors.regionRequired", field: "regionId" });
  });

  it("lets nobody demote themself, and never the last active administrator, even two at once", async () => {
    await expect(
      changeStaffAssignment(cast.admin, { userId: cast.admin.id, role: "ANALYST", regionId: null }),
    ).rejects.toMatchObject({ code: "users.errors.selfDemotion", field: "role" });

    const first = await createStaffUser(prisma, "ADMIN");
    const second = await createStaffUser(prisma, "ADMIN");
    await withOnlyAdministrators([first.id, second.id], async () => {
      const results = await Promise.allSettled([
        changeStaffAssignment(first, { userId: second.id, role: "ANALYST", regionId: null }),
        changeStaffAssignment(second, { userId: first.id, role: "COORDINATOR", regionId: AKMOLA }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "users.errors.lastAdministratorRole", status: 409 });
      expect(await prisma.user.count({ where: { id: { in: [first.id, second.id] }, role: "ADMIN" } })).toBe(1);
    });
  });

  it("never leaves no administrator when one demotes and another deactivates at the same moment", async () => {
    const first = await createStaffUser(prisma, "ADMIN");
    const second = await createStaffUser(prisma, "ADMIN");
    await withOnlyAdministrators([first.id, second.id], async () => {
      const results = await Promise.allSettled([
        changeStaffAssignment(first, { userId: second.id, role: "ANALYST", regionId: null }),
        setUserActive(second, { userId: first.id, isActive: false, reason: "Moved to another ministry" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const administrators = await prisma.user.count({
        where: { id: { in: [first.id, second.id] }, role: "ADMIN", isActive: true },
      });
      expect(administrators).toBe(1);
    });
  });

  crossRegionTest(
    changeStaffAssignment,
    "lets only the administrator move people, even within the own region",
    async () => {
      const person = await activatedAccount("CASEWORKER", AKMOLA);
      for (const actor of [cast.coordinator, cast.caseworker, cast.analyst]) {
        await expect(
          changeStaffAssignment(actor, { userId: person.id, role: "COORDINATOR", regionId: AKMOLA }),
        ).rejects.toThrow(FORBIDDEN);
      }
      expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ role: "CASEWORKER" });
      await expect(
        changeStaffAssignment(cast.admin, { userId: 2_000_000_000, role: "ANALYST", regionId: null }),
      ).rejects.toThrow(NOT_FOUND);
    },
  );
});

describe("deactivating and reactivating", () => {
  it("keeps the reason, ends the sessions for good and clears the reason on reactivation", async () => {
    const person = await activatedAccount();
    await setUserActive(cast.admin, { userId: person.id, isActive: false, reason: "Left the employment centre" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      isActive: false,
      deactivationReason: "Left the employment centre",
      deactivatedAt: expect.any(Date),
    });
    expect(await authenticate(person.email, GOOD_PASSWORD, ip())).toEqual({ ok: false, reason: "deactivated" });

    await setUserActive(cast.admin, { userId: person.id, isActive: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      isActive: true,
      deactivationReason: null,
      deactivatedAt: null,
    });
    // A cookie from before the deactivation does not come back to life.
    expect(await loadSessionUser(person.session)).toEqual({ user: null, ended: "signedOut" });
    expect(await authenticate(person.email, GOOD_PASSWORD, ip())).toMatchObject({ ok: true });

    expect((await auditOf("user.deactivate", person.id)).map((entry) => entry.changes)).toEqual([
      {
        changes: {
          isActive: { from: true, to: false },
          deactivationReason: { from: null, to: "Left the employment centre" },
        },
      },
    ]);
    expect((await auditOf("user.activate", person.id)).map((entry) => entry.changes)).toEqual([
      {
        changes: {
          isActive: { from: false, to: true },
          deactivationReason: { from: "Left the employment centre", to: null },
        },
      },
    ]);
  });

  it("refuses to deactivate the last active administrator, whoever asks", async () => {
    const only = await createStaffUser(prisma, "ADMIN");
    const other = await createStaffUser(prisma, "ADMIN");
    await withOnlyAdministrators([only.id, other.id], async () => {
      await setUserActive(other, { userId: only.id, isActive: false, reason: "Test" });
      // `other` is now the only active administrator; the deactivated one cannot act any more, and the
      // rule holds for anyone who still could.
      await expect(
        setUserActive(cast.admin, { userId: other.id, isActive: false, reason: "Test" }),
      ).rejects.toMatchObject({ code: "errors.lastAdministrator", status: 409 });
    });
  });
});

describe("changing the own password", () => {
  it("requires the current password, counts a wrong one toward the account's throttle and locks like sign-in", async () => {
    const person = await activatedAccount();
    const key = `account:${person.email}`;
    await expect(
      changeOwnPassword(person, {
        currentPassword: "wrong",
        password: "Another-Steppe-Falcon-9",
        sessionId: person.session.sessionId,
      }),
    ).rejects.toMatchObject({ code: "account.password.wrongCurrent", field: "currentPassword" });
    expect(await prisma.loginThrottle.findUnique({ where: { key } })).toMatchObject({ failures: 1 });
    expect(await auditOf("user.password.change.refused", person.id)).toHaveLength(1);

    for (let failure = 1; failure < ACCOUNT_THROTTLE.maxFailures; failure++) {
      await changeOwnPassword(person, {
        currentPassword: "wrong",
        password: "Another-Steppe-Falcon-9",
        sessionId: person.session.sessionId,
      }).catch(() => undefined);
    }
    await expect(
      changeOwnPassword(person, {
        currentPassword: GOOD_PASSWORD,
        password: "Another-Steppe-Falcon-9",
        sessionId: person.session.sessionId,
      }),
    ).rejects.toMatchObject({ code: "login.throttled", status: 429 });
    expect(await authenticate(person.email, GOOD_PASSWORD, ip())).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("refuses a new password against the policy or equal to the current one", async () => {
    const person = await activatedAccount();
    const attempt = (password: string) =>
      changeOwnPassword(person, { currentPassword: GOOD_PASSWORD, password, sessionId: person.session.sessionId });
    await expect(attempt("password1234")).rejects.toMatchObject({ code: "account.password.common", field: "password" });
    await expect(attempt(`${person.email.split("@")[0]}!x`)).rejects.toMatchObject({
      code: "account.password.containsEmailName",
    });
    await expect(attempt(GOOD_PASSWORD)).rejects.toMatchObject({ code: "account.password.sameAsCurrent" });
  });

  it("sets the new password, ends the other sessions and clears failed attempts", async () => {
    const person = await activatedAccount();
    const otherDevice = await sessionOf({ id: person.id }, person.session.generation);
    await changeOwnPassword(person, { currentPassword: "wrong", password: "x", sessionId: "s" }).catch(() => undefined);

    await changeOwnPassword(person, {
      currentPassword: GOOD_PASSWORD,
      password: "Another-Steppe-Falcon-9",
      sessionId: person.session.sessionId,
    });
    expect(await loadSessionUser(otherDevice)).toEqual({ user: null, ended: "signedOut" });
    // The session that changed the password goes on.
    expect((await loadSessionUser(person.session)).user?.id).toBe(person.id);
    expect(await prisma.loginThrottle.findUnique({ where: { key: `account:${person.email}` } })).toBeNull();
    expect(await authenticate(person.email, GOOD_PASSWORD, ip())).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(person.email, "Another-Steppe-Falcon-9", ip())).toMatchObject({ ok: true });
    const [changed] = await auditOf("user.password.change", person.id);
    expect(changed?.actorId).toBe(person.id);
    expect(JSON.stringify(changed?.changes)).not.toContain("argon2");
  });

  crossRegionTest(changeOwnPassword, "changes the acting person's own password and nobody else's", async () => {
    const person = await activatedAccount("CASEWORKER", AKMOLA);
    const colleague = await activatedAccount("CASEWORKER", AKMOLA);
    await changeOwnPassword(person, {
      currentPassword: GOOD_PASSWORD,
      password: "Another-Steppe-Falcon-9",
      sessionId: person.session.sessionId,
    });
    expect(await authenticate(colleague.email, GOOD_PASSWORD, ip())).toMatchObject({ ok: true });
    expect((await loadSessionUser(colleague.session)).user?.id).toBe(colleague.id);
  });
});

describe("the staff list and a staff member's page", () => {
  crossRegionTest(getStaffMember, "opens a staff member for the administrator only, and audits the view", async () => {
    const person = await activatedAccount("CASEWORKER", AKMOLA);
    const member = await getStaffMember(cast.admin, person.id);
    expect(member).toMatchObject({ id: person.id, state: "active", hasSecondFactor: false, openLink: null });
    expect(member).not.toHaveProperty("passwordHash");
    expect(member).not.toHaveProperty("mfaSecret");
    expect((await auditOf("user.view", person.id)).at(-1)?.actorId).toBe(cast.admin.id);
    for (const actor of [cast.coordinator, cast.caseworker, cast.analyst]) {
      await expect(getStaffMember(actor, person.id)).rejects.toThrow(FORBIDDEN);
    }
    await expect(getStaffMember(cast.admin, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
  });

  it("shows an open link's purpose and expiry, never its token, and counts the other administrators", async () => {
    const { userId, link } = await createStaffAccount(cast.admin, newAccount());
    const member = await getStaffMember(cast.admin, userId);
    expect(member).toMatchObject({ state: "pending", openLink: { purpose: "ACTIVATION", expiresAt: link.expiresAt } });
    expect(JSON.stringify(member)).not.toContain(link.token);
    const administrators = await prisma.user.count({ where: { role: "ADMIN", isActive: true } });
    expect((await getStaffMember(cast.admin, cast.admin.id)).otherAdministrators).toBe(administrators - 1);
  });

  it("searches names in both alphabets and e-mails in any case, and filters by role, region and state", async () => {
    const tag = randomUUID().slice(0, 8);
    const make = (givenName: string, role: StaffRole, regionId: string | null) =>
      createStaffAccount(cast.admin, {
        fullName: `Жақсыбеков ${givenName === "Olzhas" ? "Олжас" : "Жандос"}`,
        fullNameLatin: `Zhaksybekov ${givenName} ${tag}`,
        email: `${givenName.toLowerCase()}_${tag}@test.nurlykosh.kz`,
        phone: null,
        role,
        regionId,
      });
    const pending = await make("Olzhas", "CASEWORKER", AKMOLA);
    const coordinator = await make("Zhandos", "COORDINATOR", PAVLODAR);
    await setPasswordWithLink({ token: coordinator.link.token, password: GOOD_PASSWORD });
    const ids = async (filters: Parameters<typeof listUsers>[1]) =>
      (await listUsers(cast.admin, filters)).items.map((item) => item.id).sort();

    expect(await ids({ q: tag.toUpperCase() })).toEqual([pending.userId, coordinator.userId].sort());
    expect(await ids({ q: `olzhas ${tag}` })).toEqual([pending.userId]);
    expect(await ids({ q: `ZHANDOS_${tag}@TEST` })).toEqual([coordinator.userId]);
    expect(await ids({ q: "жандос" })).toContain(coordinator.userId);
    expect(await ids({ q: tag, role: "COORDINATOR" })).toEqual([coordinator.userId]);
    expect(await ids({ q: tag, region: AKMOLA })).toEqual([pending.userId]);
    expect(await ids({ q: tag, state: "pending" })).toEqual([pending.userId]);
    expect(await ids({ q: tag, state: "active" })).toEqual([coordinator.userId]);
    expect(await ids({ q: tag, state: "deactivated" })).toEqual([]);
    // LIKE's wildcards are searched for literally.
    expect(await ids({ q: `olzhas%${tag}` })).toEqual([]);
    expect(await ids({ q: `olzhas__${tag.slice(1)}` })).toEqual([]);

    const [row] = (await listUsers(cast.admin, { q: `olzhas ${tag}` })).items;
    expect(row).toMatchObject({ state: "pending", hasSecondFactor: false, region: { id: AKMOLA } });
    expect(row).not.toHaveProperty("passwordHash");
  });

  it("pages by name, 50 to a page, without repeats", async () => {
    const all: number[] = [];
    for (let page = 1; ; page++) {
      const result = await listUsers(cast.admin, { page });
      all.push(...result.items.map((item) => item.id));
      if (!result.hasNextPage) break;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(await prisma.user.count());
  });
});
