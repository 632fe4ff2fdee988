// Login: argon2id hashes, one answer for every kind of failure, throttling shared through PostgreSQL.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/db/audit";
import { authenticate } from "@/lib/db/users/authenticate";
import { ACCOUNT_THROTTLE, IP_THROTTLE } from "@/lib/domain/login-throttle";
import { createStaffUser, prisma } from "./fixtures";

const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

describe("authenticate", () => {
  it("accepts the right password and stores only argon2id hashes with OWASP parameters", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", "KZ-55");
    const result = await authenticate(user.email.toUpperCase(), user.password, uniqueIp());
    expect(result).toEqual({
      ok: true,
      actor: { id: user.id, role: "CASEWORKER", regionId: "KZ-55" },
      sessionGeneration: 0,
    });
    const hashes = await prisma.user.findMany({
      where: { passwordHash: { not: null } },
      select: { passwordHash: true },
    });
    expect(hashes.length).toBeGreaterThan(0);
    for (const { passwordHash } of hashes) expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    for (const { passwordHash } of hashes) {
      const [, memory, time] = /m=(\d+),t=(\d+)/.exec(passwordHash ?? "") ?? [];
      expect(Number(memory)).toBeGreaterThanOrEqual(19_456);
      expect(Number(time)).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives a wrong password, an unknown account and a deactivated account's wrong password the same answer", async () => {
    const user = await createStaffUser(prisma, "ADMIN");
    const inactive = await createStaffUser(prisma, "ANALYST");
    await prisma.user.update({ where: { id: inactive.id }, data: { isActive: false } });
    expect(await authenticate(user.email, "wrong", uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(`nobody-${randomUUID()}@test.kz`, "wrong", uniqueIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(inactive.email, "wrong", uniqueIp())).toEqual({ ok: false, reason: "invalid" });
  });

  it("tells a deactivated person so only with the right password, and audits it", async () => {
    const inactive = await createStaffUser(prisma, "CASEWORKER", "KZ-55");
    await prisma.user.update({ where: { id: inactive.id }, data: { isActive: false } });
    expect(await authenticate(inactive.email, inactive.password, uniqueIp())).toEqual({
      ok: false,
      reason: "deactivated",
    });
    const audit = await prisma.auditLog.findFirst({
      where: { action: "auth.login.deactivated", entityId: String(inactive.id) },
    });
    expect(audit).not.toBeNull();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: inactive.id } })).toMatchObject({ lastLoginAt: null });
  });

  it("locks an account after repeated failures, even from different addresses, and refuses the right password then", async () => {
    const user = await createStaffUser(prisma, "COORDINATOR", "KZ-11");
    for (let attempt = 0; attempt < ACCOUNT_THROTTLE.maxFailures; attempt++) {
      expect(await authenticate(user.email, `wrong-${attempt}`, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await authenticate(user.email, user.password, uniqueIp());
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (!locked.ok && locked.reason === "throttled")
      expect(locked.retryAfterMinutes).toBeGreaterThanOrEqual(ACCOUNT_THROTTLE.lockMinutes - 1);
  });

  it("locks an address that sprays many accounts", async () => {
    const ip = uniqueIp();
    for (let attempt = 0; attempt < IP_THROTTLE.maxFailures; attempt++) {
      await authenticate(`spray-${randomUUID()}@test.kz`, "guess", ip);
    }
    const victim = await createStaffUser(prisma, "CASEWORKER", "KZ-55");
    expect(await authenticate(victim.email, victim.password, ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate(victim.email, victim.password, uniqueIp())).toMatchObject({ ok: true });
  });

  it("counts concurrent failures exactly (the counter is one atomic statement)", async () => {
    const email = `race-${randomUUID()}@test.kz`;
    await Promise.all(Array.from({ length: 4 }, () => authenticate(email, "x", uniqueIp())));
    const row = await prisma.loginThrottle.findUnique({ where: { key: `account:${email}` } });
    expect(row?.failures).toBe(4);
  });
});

describe("audit log", () => {
  it("is append-only: the database refuses to change or delete an entry", async () => {
    await recordAudit({ actor: null, action: "test.entry", entity: "test", entityId: randomUUID() });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "test.entry" }, orderBy: { id: "desc" } });
    await expect(prisma.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
