// What the operators' endpoints read from the real PostgreSQL (issue 14): /api/ready's rule, the gauges
// /api/metrics reads at scrape time (backups, the WAL archiver, the connection pool), and the quota
// counters where allocation refuses and where it meets a concurrent change.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkReadiness, migrationFolders, updateDatabaseGauges } from "@/lib/db/observability";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { allocateQuotaPlaces } from "@/lib/db/quotas/allocate";
import { metrics } from "@/lib/observability/metrics";
import { migrate } from "../../scripts/lib/migrate";
import { AKMOLA, createFamily, createStaffUser, insertQuotaOrder, PAVLODAR, prisma } from "./fixtures";
import { createDatabase, testDatabaseUrl } from "./db";

/** The current value of a metric without labels (or of the given labels). */
async function valueOf(metric: { get(): Promise<{ values: { value: number; labels: object }[] }> }, labels = {}) {
  const { values } = await metric.get();
  return values.find((entry) => JSON.stringify(entry.labels) === JSON.stringify(labels))?.value;
}

// A fresh, empty database on the same server: no migration, no backup.
let empty: { url: string; drop: () => Promise<void> };
let emptyClient: PrismaClient;
// Nothing listens on port 1: a database that does not answer.
const unreachable = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none", 1);

beforeAll(async () => {
  empty = await createDatabase(testDatabaseUrl(), `nk_observe_${randomBytes(4).toString("hex")}`);
  emptyClient = createPrismaClient(empty.url, 2);
});
afterAll(async () => {
  await emptyClient.$disconnect();
  await unreachable.$disconnect().catch(() => undefined);
  await empty.drop();
});

describe("readiness (/api/ready)", () => {
  it("is ready when the database answers and every shipped migration is finished", async () => {
    expect(migrationFolders().length).toBeGreaterThan(10);
    await expect(checkReadiness({ client: prisma })).resolves.toEqual({ isReady: true });
  });

  it("is not ready while a shipped migration is not applied", async () => {
    const folders = [...migrationFolders(), "29991231235959_not_yet"];
    await expect(checkReadiness({ client: prisma, folders })).resolves.toEqual({
      isReady: false,
      reason: "1 migration(s) not applied",
    });
  });

  it("is not ready on a database nothing was migrated into", async () => {
    await expect(checkReadiness({ client: emptyClient })).resolves.toEqual({
      isReady: false,
      reason: `${migrationFolders().length} migration(s) not applied`,
    });
  });

  it("is not ready, naming no secret, when the database does not answer", async () => {
    await expect(checkReadiness({ client: unreachable })).resolves.toEqual({
      isReady: false,
      reason: "database unavailable",
    });
  });
});

describe("database gauges read at scrape time", () => {
  it("reports no backup as 0 recorded and an age of NaN", async () => {
    await migrate(empty.url, { log: () => undefined });
    await updateDatabaseGauges({ client: emptyClient });
    const gauges = metrics();
    expect(await valueOf(gauges.databaseUp)).toBe(1);
    expect(await valueOf(gauges.backupsRecorded)).toBe(0);
    expect(await valueOf(gauges.backupAge)).toBeNaN();
  });

  it("reports the age of the newest finished backup", async () => {
    // Later than any backup another test could record, so it is the newest.
    const finishedAt = new Date(Date.now() + 365 * 24 * 3600_000);
    const before = await prisma.baseBackup.count();
    await prisma.baseBackup.create({
      data: {
        kind: "manual",
        method: "physical",
        location: "/backups/observability-test",
        startedAt: new Date(finishedAt.getTime() - 60_000),
        finishedAt,
        bytes: 1234n,
      },
    });
    await updateDatabaseGauges({ client: prisma, now: new Date(finishedAt.getTime() + 5400_000) });
    expect(await valueOf(metrics().backupsRecorded)).toBe(before + 1);
    expect(await valueOf(metrics().backupAge)).toBe(5400);
  });

  it("reports the archiver as PostgreSQL sees it", async () => {
    await updateDatabaseGauges({ client: prisma });
    const [setting] = await prisma.$queryRaw<{ mode: string }[]>`SELECT current_setting('archive_mode') AS mode`;
    const isArchiving = setting?.mode === "on" || setting?.mode === "always";
    const gauges = metrics();
    expect(await valueOf(gauges.walArchiving)).toBe(isArchiving ? 1 : 0);
    const lag = await valueOf(gauges.walArchiveLag);
    if (isArchiving) expect(lag).toBeGreaterThanOrEqual(0);
    else expect(lag).toBeNaN();
    expect(Number.isInteger(await valueOf(gauges.walArchiveFailures))).toBe(true);
    expect([0, 1]).toContain(await valueOf(gauges.walArchiveFailing));
  });

  it("does not fail when the database does not answer: its gauges read NaN", async () => {
    await expect(updateDatabaseGauges({ client: unreachable })).resolves.toBeUndefined();
    const gauges = metrics();
    expect(await valueOf(gauges.databaseUp)).toBe(0);
    for (const gauge of [gauges.backupAge, gauges.backupsRecorded, gauges.walArchiving, gauges.walArchiveLag]) {
      expect(await valueOf(gauge)).toBeNaN();
    }
  });

  it("reads the app's pool: its size, the connections in use during a transaction and the idle ones after", async () => {
    const gauges = metrics();
    const inUse = await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      return valueOf(gauges.poolInUse);
    });
    expect(inUse).toBeGreaterThanOrEqual(1);
    expect(await valueOf(gauges.poolIdle)).toBeGreaterThanOrEqual(1);
    expect(await valueOf(gauges.poolWaiting)).toBe(0);
    expect(await valueOf(gauges.poolMax)).toBe(10);
  });
});

describe("quota counters", () => {
  // A year no other test file uses (tests/integration/fixtures.ts lists them).
  const YEAR = 2071;
  const today = new Date(Date.UTC(YEAR, 5, 1));

  async function validFamily(regionId: string, createdById: number) {
    const family = await createFamily(prisma, regionId, createdById);
    return prisma.family.update({
      where: { id: family.id },
      data: { statusValidUntil: new Date(Date.UTC(YEAR + 1, 0, 1)) },
      select: { id: true, category: true, targetRegionId: true, statusValidUntil: true },
    });
  }

  it("counts refusals for want of places and the allocation a repeated request meets", async () => {
    const admin = await createStaffUser(prisma, "ADMIN");
    const order = await insertQuotaOrder(prisma, YEAR, admin.id);
    await prisma.quota.create({ data: { year: YEAR, regionId: AKMOLA, pool: "KANDAS", total: 1, orderId: order.id } });
    const [first, second, elsewhere] = [
      await validFamily(AKMOLA, admin.id),
      await validFamily(AKMOLA, admin.id),
      await validFamily(PAVLODAR, admin.id),
    ];
    const allocate = (family: typeof first) =>
      prisma.$transaction((tx) => allocateQuotaPlaces(admin, tx, family, today));
    const counters = metrics();
    const before = {
      noPlacesLeft: await valueOf(counters.quotaRefusals, { reason: "noPlacesLeft" }),
      noQuota: await valueOf(counters.quotaRefusals, { reason: "noQuota" }),
      conflicts: await valueOf(counters.quotaConflicts),
    };

    await allocate(first);
    await expect(allocate(first)).rejects.toMatchObject({ code: "workflow.errors.alreadyAllocated" });
    await expect(allocate(second)).rejects.toMatchObject({ code: "workflow.errors.noPlacesLeft" });
    await expect(allocate(elsewhere)).rejects.toMatchObject({ code: "workflow.errors.noQuota" });

    expect(await valueOf(counters.quotaConflicts)).toBe((before.conflicts ?? 0) + 1);
    expect(await valueOf(counters.quotaRefusals, { reason: "noPlacesLeft" })).toBe((before.noPlacesLeft ?? 0) + 1);
    expect(await valueOf(counters.quotaRefusals, { reason: "noQuota" })).toBe((before.noQuota ?? 0) + 1);
  });
});
