// The demo seed on a real, freshly migrated database: runs once, keeps every constraint and rule.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, testDatabaseUrl } from "./db";
import { migrate } from "@/scripts/lib/migrate";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { validateIin } from "@/lib/domain/iin";
import { parseSettingValue, SETTING_KEYS } from "@/lib/domain/settings";
import { SEEDED_SETTINGS_FROM, seedDatabase } from "@/prisma/seed-database";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import { DEMO_USER_LIST } from "@/prisma/demo-users";

let prisma: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createDatabase(testDatabaseUrl(), `nk_seed_${randomUUID().slice(0, 8)}`);
  drop = database.drop;
  await migrate(database.url, { log: () => undefined });
  prisma = createPrismaClient(database.url, 2);
});

afterAll(async () => {
  await prisma.$disconnect();
  await drop();
});

describe("seedDatabase", () => {
  it("seeds once and reports 'already seeded' the second time", async () => {
    const first = await seedDatabase(prisma);
    expect(first.status).toBe("seeded");
    const families = await prisma.family.count();
    expect(families).toBeGreaterThanOrEqual(190);
    expect(await seedDatabase(prisma)).toEqual({ status: "already-seeded" });
    expect(await prisma.family.count()).toBe(families);
  });

  it("creates all 20 regions and one active account per demo user, hashed with argon2id, with a Latin name", async () => {
    expect(await prisma.region.count()).toBe(20);
    const users = await prisma.user.findMany({
      select: { email: true, passwordHash: true, isActive: true, fullName: true, fullNameLatin: true },
    });
    expect(users.map((user) => user.email).sort()).toEqual(DEMO_USER_LIST.map((user) => user.email).sort());
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(user.isActive).toBe(true);
      expect(user.fullNameLatin).toBe(transliterateKazakh(user.fullName));
    }
  });

  it("gives every person with an IIN a valid one and every family exactly one head", async () => {
    const persons = await prisma.person.findMany({ select: { iin: true } });
    for (const { iin } of persons) if (iin) expect(validateIin(iin).ok, iin).toBe(true);
    const headless = await prisma.family.count({ where: { members: { none: { isHead: true } } } });
    expect(headless).toBe(0);
  });

  it("keeps each quota's allocated count equal to its active allocations and within the total", async () => {
    const quotas = await prisma.quota.findMany({ include: { allocations: { where: { status: "ACTIVE" } } } });
    expect(quotas.length).toBeGreaterThan(0);
    for (const quota of quotas) {
      expect(quota.allocations.reduce((sum, allocation) => sum + allocation.persons, 0)).toBe(quota.allocated);
      expect(quota.allocated).toBeLessThanOrEqual(quota.total);
    }
    const totals = await prisma.quota.groupBy({ by: ["pool"], where: { year: 2026 }, _sum: { total: true } });
    expect(Object.fromEntries(totals.map((row) => [row.pool, row._sum.total]))).toEqual({
      KANDAS: 2281,
      SETTLER: 5997,
    });
  });

  it("starts every demo quota's history with the demo order, which has its number and date", async () => {
    const order = await prisma.quotaOrder.findFirstOrThrow({
      where: { year: 2026, isAmendment: false },
      select: {
        reference: true,
        orderDate: true,
        amendments: { select: { oldTotal: true, newTotal: true, quota: true } },
      },
    });
    expect(order.reference).toBe("№ 14");
    expect(order.orderDate.toISOString().slice(0, 10)).toBe("2026-01-15");
    const quotas = await prisma.quota.count({ where: { year: 2026 } });
    expect(order.amendments).toHaveLength(quotas);
    for (const line of order.amendments) expect(line).toMatchObject({ oldTotal: 0, newTotal: line.quota.total });
  });

  it("ends every family's status history in its current status", async () => {
    const families = await prisma.family.findMany({
      select: {
        status: true,
        events: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { toStatus: true } },
      },
    });
    for (const family of families) expect(family.events[0]?.toStatus).toBe(family.status);
  });

  it("keeps every programme setting as a version the catalogue accepts, set by the administrator, and the MCI by year", async () => {
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const versions = await prisma.settingVersion.findMany({ orderBy: { id: "asc" } });
    expect(versions.map((version) => version.key)).toEqual(SETTING_KEYS);
    for (const version of versions) {
      expect(version, version.key).toMatchObject({ effectiveFrom: SEEDED_SETTINGS_FROM, changedById: admin.id });
      expect(parseSettingValue(version.key as (typeof SETTING_KEYS)[number], version.value).ok, version.key).toBe(true);
    }
    const rates = await prisma.mciRate.findMany({ orderBy: { year: "asc" } });
    expect(rates.map((rate) => [rate.year, rate.amountTenge, rate.updatedById])).toEqual([
      [2024, 3692, admin.id],
      [2025, 3932, admin.id],
      [2026, 4325, admin.id],
    ]);
  });

  it("has families in both demo regions so each regional account has work", async () => {
    expect(await prisma.family.count({ where: { targetRegionId: "KZ-55" } })).toBeGreaterThanOrEqual(40);
    expect(await prisma.family.count({ where: { targetRegionId: "KZ-11" } })).toBeGreaterThanOrEqual(20);
  });
});
