// Case workflow on a real PostgreSQL: every status change stores status, case event and audit entry
// together or not at all; refusals change nothing; quota places are taken and given back atomically.
import { beforeAll, describe, expect, it } from "vitest";
import { listExpiringStatuses } from "@/lib/db/families/list-expiring";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { allocateQuotaPlaces, releaseQuotaPlaces } from "@/lib/db/quotas/allocate";
import { programmeToday, statusValidUntil } from "@/lib/domain/status-validity";
import { crossRegionTest } from "./cross-region";
import {
  AKMOLA,
  createFamily as createBareFamily,
  createStaffUser,
  insertQuotaOrder,
  PAVLODAR,
  prisma,
  verifyChecklist,
} from "./fixtures";
import { NOT_FOUND } from "./refusals";

const TODAY = programmeToday();
const YEAR = TODAY.getUTCFullYear();
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(TODAY.getTime() + days * DAY_MS);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A family with its checklist complete and verified: these tests are about the lifecycle, not the checklist gate. */
async function createFamily(...args: Parameters<typeof createBareFamily>) {
  const family = await createBareFamily(...args);
  await verifyChecklist(prisma, family.id, args[2]);
  return family;
}

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let admin: Actor;
let analyst: Actor;
let caseworker: Actor;
let coordinator: Actor;
let akmolaCoordinator: Actor;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  await prisma.user.update({ where: { id: coordinator.id }, data: { fullName: "Әсел Coordinator-Pavlodar" } });
  await prisma.user.update({ where: { id: caseworker.id }, data: { fullName: "Данияр Caseworker-Pavlodar" } });
});

/** A quota for this year's region and pool with the given total and nothing allocated (created or reset). */
async function quotaOf(regionId: string, pool: "KANDAS" | "SETTLER", total: number) {
  const order = await insertQuotaOrder(prisma, YEAR, admin.id);
  return prisma.quota.upsert({
    where: { year_regionId_pool: { year: YEAR, regionId, pool } },
    create: { year: YEAR, regionId, pool, total, allocated: 0, orderId: order.id },
    update: { total, allocated: 0, orderId: order.id },
  });
}

/** A kandas family in APPROVED with `members` people and a status valid until `validUntil`. */
async function approvedFamily(regionId: string, members = 1, validUntil: Date | null = inDays(200)) {
  const family = await createFamily(prisma, regionId, caseworker.id, "UNDER_REVIEW");
  for (let position = 2; position <= members; position++) {
    await prisma.person.create({
      data: {
        familyId: family.id,
        position,
        relationship: "CHILD",
        surnameCyr: "Тестова",
        givenNameCyr: "Айгүл",
        surnameLat: "Testova",
        givenNameLat: "Aigul",
        birthDate: new Date(Date.UTC(2010, 4, position)),
        sex: "F",
        citizenship: "UZ",
      },
    });
  }
  await verifyChecklist(prisma, family.id, caseworker.id);
  return prisma.family.update({
    where: { id: family.id },
    data: {
      status: "APPROVED",
      decisionNumber: "T-1",
      decisionDate: inDays(-30),
      statusValidUntil: validUntil,
      version: 2,
    },
  });
}

async function snapshot(familyId: number) {
  const [family, events, audits, allocations] = await Promise.all([
    prisma.family.findUniqueOrThrow({ where: { id: familyId } }),
    prisma.caseEvent.count({ where: { familyId } }),
    prisma.auditLog.count({ where: { entity: "family", entityId: String(familyId), action: "family.transition" } }),
    prisma.allocation.findMany({ where: { familyId } }),
  ]);
  return { status: family.status, version: family.version, updatedAt: family.updatedAt, events, audits, allocations };
}

async function lastEvent(familyId: number) {
  return prisma.caseEvent.findFirstOrThrow({ where: { familyId }, orderBy: { id: "desc" } });
}

describe("transitionFamily: the whole lifecycle", () => {
  it("writes status, version, decision data, event and audit entry with each step", async () => {
    const quota = await quotaOf(PAVLODAR, "KANDAS", 1000);
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    const steps = [
      { actor: caseworker, to: "UNDER_REVIEW" as const },
      {
        actor: coordinator,
        to: "APPROVED" as const,
        decisionNumber: " 55-КС/2026-0042 ",
        decisionDate: isoDay(inDays(-3)),
      },
      { actor: coordinator, to: "QUOTA_ALLOCATED" as const },
      { actor: caseworker, to: "RESETTLED" as const, arrivalDate: isoDay(TODAY) },
      { actor: caseworker, to: "SUPPORTED" as const },
      {
        actor: admin,
        to: "CLOSED" as const,
        settlementDocument: "CITIZENSHIP" as const,
        settlementNumber: "048123456",
        settlementDate: isoDay(TODAY),
      },
    ];
    let version = family.version;
    let from = "REGISTERED";
    for (const { actor, ...step } of steps) {
      const result = await transitionFamily(actor, { familyId: family.id, version, ...step });
      expect(result).toMatchObject({ from, to: step.to, version: version + 1 });
      const stored = await prisma.family.findUniqueOrThrow({ where: { id: family.id } });
      expect(stored).toMatchObject({ status: step.to, version: version + 1, updatedById: actor.id });
      const event = await lastEvent(family.id);
      expect(event).toMatchObject({ id: result.eventId, fromStatus: from, toStatus: step.to, actorId: actor.id });
      const audit = await prisma.auditLog.findFirstOrThrow({
        where: { action: "family.transition", entityId: String(family.id) },
        orderBy: { id: "desc" },
      });
      expect(audit).toMatchObject({ actorId: actor.id, actorRole: actor.role, regionId: PAVLODAR });
      expect(audit.changes).toMatchObject({ eventId: event.id, changes: { status: { from, to: step.to } } });
      version += 1;
      from = step.to;
    }

    const stored = await prisma.family.findUniqueOrThrow({ where: { id: family.id } });
    expect(stored.decisionNumber).toBe("55-КС/2026-0042");
    expect(isoDay(stored.decisionDate!)).toBe(isoDay(inDays(-3)));
    // No setting row in the test database: the default of 12 months applies.
    expect(stored.statusValidUntil).toEqual(statusValidUntil(inDays(-3), 12));
    expect(isoDay(stored.arrivalDate!)).toBe(isoDay(TODAY));
    const events = await prisma.caseEvent.findMany({ where: { familyId: family.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.toStatus)).toEqual(["REGISTERED", ...steps.map((step) => step.to)]);
    expect(events[2]?.data).toEqual({
      decisionNumber: "55-КС/2026-0042",
      decisionDate: isoDay(inDays(-3)),
      statusValidUntil: isoDay(stored.statusValidUntil!),
    });
    expect(events[3]?.data).toEqual({ year: YEAR, persons: 1, pool: "KANDAS" });
    expect(events[4]?.data).toEqual({ arrivalDate: isoDay(TODAY) });
    const allocation = await prisma.allocation.findUniqueOrThrow({
      where: { familyId_year: { familyId: family.id, year: YEAR } },
    });
    expect(allocation).toMatchObject({ quotaId: quota.id, persons: 1, status: "ACTIVE", createdById: coordinator.id });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(1);
  });

  it("takes the status validity in force on the decision day, and none for settlers", async () => {
    // 6 months for decisions from 1 January 2026, 9 months from 1 March 2026 (written directly: the
    // settings page refuses days in the past).
    const versions = await prisma.settingVersion.createManyAndReturn({
      data: [
        { key: "status.validityMonths", value: 6, effectiveFrom: new Date(Date.UTC(2026, 0, 1)) },
        { key: "status.validityMonths", value: 9, effectiveFrom: new Date(Date.UTC(2026, 2, 1)) },
      ],
      select: { id: true },
    });
    try {
      const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
      await transitionFamily(coordinator, {
        familyId: family.id,
        version: 1,
        to: "APPROVED",
        decisionNumber: "55-6",
        decisionDate: "2026-01-31",
      });
      expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).statusValidUntil).toEqual(
        new Date(Date.UTC(2026, 6, 31)),
      );

      const settler = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
      await prisma.family.update({
        where: { id: settler.id },
        data: { category: "SETTLER", originCountry: null, originRegionId: "KZ-61" },
      });
      await transitionFamily(coordinator, {
        familyId: settler.id,
        version: 1,
        to: "APPROVED",
        decisionNumber: "55-7",
        decisionDate: "2026-01-31",
      });
      expect((await prisma.family.findUniqueOrThrow({ where: { id: settler.id } })).statusValidUntil).toBeNull();
      const later = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
      await transitionFamily(coordinator, {
        familyId: later.id,
        version: 1,
        to: "APPROVED",
        decisionNumber: "55-8",
        decisionDate: "2026-03-01",
      });
      expect((await prisma.family.findUniqueOrThrow({ where: { id: later.id } })).statusValidUntil).toEqual(
        new Date(Date.UTC(2026, 11, 1)),
      );
    } finally {
      await prisma.settingVersion.deleteMany({ where: { id: { in: versions.map((version) => version.id) } } });
    }
  });

  it("keeps the reason of a rejection with the event", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await transitionFamily(coordinator, {
      familyId: family.id,
      version: 1,
      to: "REJECTED",
      reason: "  Ұлтын растайтын құжат жоқ  ",
    });
    expect(await lastEvent(family.id)).toMatchObject({
      toStatus: "REJECTED",
      reason: "Ұлтын растайтын құжат жоқ",
      data: null,
    });
  });
});

describe("transitionFamily: refusals change nothing", () => {
  it("refuses a decision by a caseworker, a jump over a step, a terminal case and missing data", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    const before = await snapshot(family.id);
    const attempts: [Actor, Parameters<typeof transitionFamily>[1], string][] = [
      [
        caseworker,
        { familyId: family.id, version: 1, to: "APPROVED", decisionNumber: "1", decisionDate: "2026-01-01" },
        "role-not-allowed",
      ],
      [
        coordinator,
        { familyId: family.id, version: 1, to: "RESETTLED", arrivalDate: "2026-01-01" },
        "no-such-transition",
      ],
      [coordinator, { familyId: family.id, version: 1, to: "REJECTED", reason: "   " }, "reason-required"],
      [coordinator, { familyId: family.id, version: 1, to: "APPROVED", decisionNumber: "1" }, "decision-date-required"],
    ];
    for (const [actor, input, reason] of attempts) {
      const error = await transitionFamily(actor, input).catch((caught: unknown) => caught);
      // The refusal's log text names the lifecycle rule that refused it.
      expect((error as Error).message, reason).toMatch(new RegExp(`^workflow\\.errors\\.\\w+: ${reason}$`));
    }
    expect(await snapshot(family.id)).toEqual(before);

    await transitionFamily(coordinator, {
      familyId: family.id,
      version: 1,
      to: "WITHDRAWN",
      reason: "Отбасы бас тартты",
    });
    const error = await transitionFamily(admin, { familyId: family.id, version: 2, to: "UNDER_REVIEW" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: "workflow.errors.notPossible",
      message: "workflow.errors.notPossible: terminal-status",
    });
  });

  it("refuses a stale version and names who changed the case and when", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await transitionFamily(coordinator, {
      familyId: family.id,
      version: 1,
      to: "APPROVED",
      decisionNumber: "55-1",
      decisionDate: isoDay(TODAY),
    });
    const before = await snapshot(family.id);

    const error = await transitionFamily(caseworker, {
      familyId: family.id,
      version: 1,
      to: "WITHDRAWN",
      reason: "Бас тартты",
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "workflow.errors.conflict",
      values: { name: "Әсел Coordinator-Pavlodar", at: { dateTime: before.updatedAt } },
      details: { isConflict: true },
    });
    expect(await snapshot(family.id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous changes from the same version through", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    const results = await Promise.allSettled([
      transitionFamily(caseworker, { familyId: family.id, version: 1, to: "UNDER_REVIEW" }),
      transitionFamily(coordinator, { familyId: family.id, version: 1, to: "WITHDRAWN", reason: "Бас тартты" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "workflow.errors.conflict" });
    const after = await snapshot(family.id);
    expect(after).toMatchObject({ version: 2, events: 2, audits: 1 });
  });

  crossRegionTest(
    transitionFamily,
    "answers another region's family, a missing one and an analyst with not found, and audits the attempt",
    async () => {
      const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
      const before = await snapshot(family.id);
      const input = {
        familyId: family.id,
        version: 1,
        to: "APPROVED" as const,
        decisionNumber: "11-1",
        decisionDate: isoDay(TODAY),
      };
      await expect(transitionFamily(akmolaCoordinator, input)).rejects.toThrow(NOT_FOUND);
      await expect(transitionFamily(analyst, input)).rejects.toThrow(NOT_FOUND);
      await expect(transitionFamily(akmolaCoordinator, { ...input, familyId: 2_000_000_000 })).rejects.toThrow(
        NOT_FOUND,
      );
      expect(await snapshot(family.id)).toEqual(before);
      const denied = await prisma.auditLog.findFirst({
        where: { action: "family.transition.denied", entityId: String(family.id), actorId: akmolaCoordinator.id },
      });
      expect(denied).not.toBeNull();
      // The administrator reaches every region.
      await expect(transitionFamily(admin, input)).resolves.toMatchObject({ to: "APPROVED" });
    },
  );
});

describe("quota allocation", () => {
  it("refuses cleanly when the quota has too few places left, with the number left", async () => {
    const quota = await quotaOf("KZ-23", "KANDAS", 4);
    const small = await approvedFamily("KZ-23", 2);
    await transitionFamily(admin, { familyId: small.id, version: 2, to: "QUOTA_ALLOCATED" });
    const big = await approvedFamily("KZ-23", 3);
    const before = await snapshot(big.id);
    const error = await transitionFamily(admin, { familyId: big.id, version: 2, to: "QUOTA_ALLOCATED" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: "workflow.errors.noPlacesLeft",
      values: { remaining: 2, requested: 3, year: YEAR, pool: { pool: "KANDAS" } },
    });
    expect(await snapshot(big.id)).toEqual(before);
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(2);
  });

  it("refuses a region without a quota for the year and a kandas family whose status has lapsed", async () => {
    const noQuota = await approvedFamily("KZ-35", 1);
    await expect(
      transitionFamily(admin, { familyId: noQuota.id, version: 2, to: "QUOTA_ALLOCATED" }),
    ).rejects.toMatchObject({
      code: "workflow.errors.noQuota",
      values: { region: { region: "KZ-35" }, year: YEAR, pool: { pool: "KANDAS" } },
    });
    const quota = await quotaOf("KZ-27", "KANDAS", 30);
    const lapsed = await approvedFamily("KZ-27", 1, inDays(-1));
    const before = await snapshot(lapsed.id);
    await expect(
      transitionFamily(admin, { familyId: lapsed.id, version: 2, to: "QUOTA_ALLOCATED" }),
    ).rejects.toMatchObject({ code: "workflow.errors.statusNotValid", values: { date: { date: inDays(-1) } } });
    expect(await snapshot(lapsed.id)).toEqual(before);
    // The last day of validity still counts.
    const lastDay = await approvedFamily("KZ-27", 2, TODAY);
    await transitionFamily(admin, { familyId: lastDay.id, version: 2, to: "QUOTA_ALLOCATED" });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(2);
  });

  it("counts the members arriving from the adaptation plan", async () => {
    const quota = await quotaOf("KZ-39", "KANDAS", 50);
    const family = await approvedFamily("KZ-39", 4);
    await prisma.adaptationPlan.create({
      data: { familyId: family.id, membersArriving: 3, updatedById: caseworker.id },
    });
    const result = await transitionFamily(admin, { familyId: family.id, version: 2, to: "QUOTA_ALLOCATED" });
    expect(result.allocation).toEqual({ year: YEAR, persons: 3 });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(3);
  });

  it("never allocates past the total under 20 simultaneous inclusions into one small quota", async () => {
    const quota = await quotaOf("KZ-10", "KANDAS", 15);
    const families = [];
    for (let index = 0; index < 20; index++) families.push(await approvedFamily("KZ-10", (index % 2) + 1));
    const results = await Promise.allSettled(
      families.map((family) => transitionFamily(admin, { familyId: family.id, version: 2, to: "QUOTA_ALLOCATED" })),
    );
    const failures = results.filter((result) => result.status === "rejected");
    for (const failure of failures) expect(failure.reason).toMatchObject({ code: "workflow.errors.noPlacesLeft" });
    const taken = results.flatMap((result) =>
      result.status === "fulfilled" ? [result.value.allocation?.persons ?? 0] : [],
    );
    const stored = await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } });
    expect(stored.allocated).toBeLessThanOrEqual(stored.total);
    expect(stored.allocated).toBe(taken.reduce((sum, persons) => sum + persons, 0));
    expect(stored.allocated).toBeGreaterThanOrEqual(14); // only a two-person family can be left out with one place free
    const active = await prisma.allocation.aggregate({
      where: { quotaId: quota.id, status: "ACTIVE" },
      _sum: { persons: true },
    });
    expect(active._sum.persons).toBe(stored.allocated);
    const allocatedFamilies = await prisma.family.count({
      where: { id: { in: families.map((family) => family.id) }, status: "QUOTA_ALLOCATED" },
    });
    expect(allocatedFamilies).toBe(taken.length);
  });

  it("gives back exactly the family's places on withdrawal and on expiry", async () => {
    const quota = await quotaOf("KZ-63", "KANDAS", 20);
    const withdrawing = await approvedFamily("KZ-63", 3);
    const expiring = await approvedFamily("KZ-63", 2);
    const staying = await approvedFamily("KZ-63", 1);
    for (const family of [withdrawing, expiring, staying])
      await transitionFamily(admin, { familyId: family.id, version: 2, to: "QUOTA_ALLOCATED" });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(6);

    const withdrawn = await transitionFamily(admin, {
      familyId: withdrawing.id,
      version: 3,
      to: "WITHDRAWN",
      reason: "Қоныс аударудан бас тартты",
    });
    expect(withdrawn.released).toEqual([{ year: YEAR, persons: 3 }]);
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(3);
    const allocation = await prisma.allocation.findUniqueOrThrow({
      where: { familyId_year: { familyId: withdrawing.id, year: YEAR } },
    });
    expect(allocation.status).toBe("RELEASED");
    expect(allocation.releasedAt).not.toBeNull();
    expect((await lastEvent(withdrawing.id)).data).toEqual({ released: [{ year: YEAR, persons: 3 }] });

    // The day after the status's last valid day (200 days ahead): expiry is allowed only then.
    await transitionFamily(admin, { familyId: expiring.id, version: 3, to: "EXPIRED" }, { now: inDays(201) });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(1);
    const audits = await prisma.auditLog.count({ where: { action: "quota.release", entityId: String(quota.id) } });
    expect(audits).toBe(2);
  });

  it("reactivates a released allocation of the same year instead of adding a second one", async () => {
    const quota = await quotaOf("KZ-59", "KANDAS", 10);
    const family = await approvedFamily("KZ-59", 2);
    const old = await prisma.allocation.create({
      data: {
        quotaId: quota.id,
        familyId: family.id,
        year: YEAR,
        persons: 5,
        status: "RELEASED",
        releasedAt: new Date(),
        createdById: admin.id,
      },
    });
    await transitionFamily(admin, { familyId: family.id, version: 2, to: "QUOTA_ALLOCATED" });
    const allocations = await prisma.allocation.findMany({ where: { familyId: family.id } });
    expect(allocations).toHaveLength(1);
    expect(allocations[0]).toMatchObject({ id: old.id, status: "ACTIVE", persons: 2, releasedAt: null });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(2);
  });

  crossRegionTest(allocateQuotaPlaces, "allocates only families in the actor's scope", async () => {
    const family = await approvedFamily("KZ-59", 1);
    await expect(
      prisma.$transaction((tx) => allocateQuotaPlaces(akmolaCoordinator, tx, family, TODAY)),
    ).rejects.toThrow(NOT_FOUND);
    expect(await prisma.allocation.count({ where: { familyId: family.id } })).toBe(0);
  });

  crossRegionTest(releaseQuotaPlaces, "gives back only places of families in the actor's scope", async () => {
    // KZ-71: no other test gives places there.
    const quota = await quotaOf("KZ-71", "KANDAS", 5);
    const family = await approvedFamily("KZ-71", 2);
    await transitionFamily(admin, { familyId: family.id, version: 2, to: "QUOTA_ALLOCATED" });
    await expect(prisma.$transaction((tx) => releaseQuotaPlaces(akmolaCoordinator, tx, family))).rejects.toThrow(
      NOT_FOUND,
    );
    expect(
      await prisma.allocation.findMany({ where: { familyId: family.id }, select: { status: true, persons: true } }),
    ).toEqual([{ status: "ACTIVE", persons: 2 }]);
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(2);
    // The administrator's scope holds the family: the same call gives the places back.
    expect(await prisma.$transaction((tx) => releaseQuotaPlaces(admin, tx, family))).toEqual([
      { year: YEAR, persons: 2, quotaId: quota.id },
    ]);
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).allocated).toBe(0);
  });
});

describe("listExpiringStatuses", () => {
  crossRegionTest(
    listExpiringStatuses,
    "lists the own region's kandas statuses ending within 30 days or already ended, soonest first",
    async () => {
      const expired = await approvedFamily(PAVLODAR, 1, inDays(-2));
      const soon = await approvedFamily(PAVLODAR, 1, inDays(10));
      const later = await approvedFamily(PAVLODAR, 1, inDays(45));
      const allocatedSoon = await approvedFamily(PAVLODAR, 1, inDays(30));
      await prisma.family.update({ where: { id: allocatedSoon.id }, data: { status: "QUOTA_ALLOCATED" } });
      const resettled = await approvedFamily(PAVLODAR, 1, inDays(5));
      await prisma.family.update({ where: { id: resettled.id }, data: { status: "RESETTLED" } });
      const akmola = await approvedFamily(AKMOLA, 1, inDays(3));

      const { items } = await listExpiringStatuses(coordinator);
      const ids = items.map((item) => item.id);
      expect(ids).toEqual(expect.arrayContaining([expired.id, soon.id, allocatedSoon.id]));
      expect(ids).not.toContain(later.id);
      expect(ids).not.toContain(resettled.id);
      expect(ids).not.toContain(akmola.id);
      const dates = items.map((item) => item.statusValidUntil.getTime());
      expect([...dates].sort((a, b) => a - b)).toEqual(dates);
      expect(ids.indexOf(expired.id)).toBeLessThan(ids.indexOf(soon.id));
      expect(new Set(items.map((item) => item.targetRegion.id))).toEqual(new Set([PAVLODAR]));

      expect((await listExpiringStatuses(analyst)).items).toEqual([]);
      expect((await listExpiringStatuses(admin)).items.map((item) => item.id)).toEqual(
        expect.arrayContaining([soon.id, akmola.id]),
      );
      const audit = await prisma.auditLog.findFirst({
        where: { action: "family.list", actorId: coordinator.id },
        orderBy: { id: "desc" },
      });
      expect(audit?.changes).toMatchObject({ view: "expiring-statuses" });
    },
  );

  it("is bounded and says when more exist", async () => {
    const page = await listExpiringStatuses(admin, { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.hasMore).toBe(true);
  });
});
