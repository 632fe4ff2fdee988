// Quota orders, amendments and allocation on a real PostgreSQL (issue 4): places are never given out
// beyond the order under any number of simultaneous requests, releases return exactly what was taken,
// and an amendment can never set a quota below what is already allocated.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { allocateQuotaPlaces, releaseQuotaPlaces } from "@/lib/db/quotas/allocate";
import { amendQuota, createQuotaOrder, listQuotaHistory } from "@/lib/db/quotas/orders";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { labourSurplusRegions } from "@/lib/domain/regions";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createQuotaStaff, PAVLODAR, prisma, type StaffActor } from "./fixtures";
import { FORBIDDEN } from "./refusals";

// Years no other test file uses; each describe block owns one.
const RACE_YEAR = 2091;
const ORDER_YEAR = 2092;
const RELEASE_YEAR = 2093;
const dayIn = (year: number) => new Date(Date.UTC(year, 5, 1));
// Allocations of one quota queue on its row lock (timeout as in transition-family.ts). 800 attempts share
// the pool of DATABASE_POOL_SIZE connections, so the wait for a connection is longer than the app's 10 s:
// a slow CI machine must not turn the queue for connections into failures that say nothing about quotas.
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 15_000 };

type Actor = StaffActor;
type Pool = "KANDAS" | "SETTLER";
let admin: Actor;
let analyst: Actor;
let caseworker: Actor;
let pavlodarCoordinator: Actor;
let akmolaCoordinator: Actor;

beforeAll(async () => {
  ({ admin, analyst, caseworker, pavlodarCoordinator, akmolaCoordinator } = await createQuotaStaff(prisma));
});

const reference = () => `T-${randomUUID().slice(0, 8)}`;
const coordinatorOf = (regionId: string) => (regionId === PAVLODAR ? pavlodarCoordinator : akmolaCoordinator);

let caseSequence = 500_000 + Math.floor(Math.random() * 400_000);

/**
 * Approved families of the given sizes in a region, in bulk: kandas families have a status valid
 * through the year, settlers have none to lapse. Members carry no IIN (none is needed here).
 */
async function approvedFamilies(regionId: string, category: Pool, year: number, sizes: number[]) {
  const caseNumbers = sizes.map(() => formatCaseNumber(year, ++caseSequence));
  await prisma.family.createMany({
    data: caseNumbers.map((caseNumber) => ({
      caseNumber,
      category,
      // The CHECK family_origin_matches_category: kandas come from abroad, settlers from a labour-surplus region.
      originCountry: category === "KANDAS" ? "UZ" : null,
      originRegionId: category === "SETTLER" ? labourSurplusRegions()[0]!.id : null,
      status: "APPROVED" as const,
      targetRegionId: regionId,
      applicationDate: new Date(Date.UTC(year, 0, 15)),
      decisionNumber: "T-1",
      decisionDate: new Date(Date.UTC(year, 0, 20)),
      statusValidUntil: category === "KANDAS" ? new Date(Date.UTC(year, 11, 31)) : null,
      version: 2,
      createdById: caseworker.id,
      updatedById: caseworker.id,
    })),
  });
  const families = await prisma.family.findMany({
    where: { caseNumber: { in: caseNumbers } },
    select: { id: true, caseNumber: true, category: true, targetRegionId: true, statusValidUntil: true },
  });
  const sizeOf = new Map(caseNumbers.map((caseNumber, index) => [caseNumber, sizes[index]!]));
  await prisma.person.createMany({
    data: families.flatMap((family) =>
      Array.from({ length: sizeOf.get(family.caseNumber)! }, (_, index) => ({
        familyId: family.id,
        position: index + 1,
        isHead: index === 0,
        relationship: index === 0 ? ("HEAD" as const) : ("CHILD" as const),
        surnameCyr: "Тестов",
        givenNameCyr: "Нұрлан",
        surnameLat: "Testov",
        givenNameLat: "Nurlan",
        birthDate: new Date(Date.UTC(1980 + index, 0, 1)),
        sex: "M" as const,
        citizenship: "UZ",
      })),
    ),
  });
  return families.map((family) => ({ ...family, size: sizeOf.get(family.caseNumber)! }));
}

type Family = Awaited<ReturnType<typeof approvedFamilies>>[number];

/** The real allocation path: allocateQuotaPlaces in its own transaction, as transitionFamily runs it. */
function allocate(actor: Actor, family: Family, year: number) {
  return db().$transaction((tx) => allocateQuotaPlaces(actor, tx, family, dayIn(year)), TRANSACTION_OPTIONS);
}

function release(actor: Actor, family: Family) {
  return db().$transaction((tx) => releaseQuotaPlaces(actor, tx, family), TRANSACTION_OPTIONS);
}

async function quotaState(year: number, regionId: string, pool: Pool) {
  const quota = await prisma.quota.findUniqueOrThrow({ where: { year_regionId_pool: { year, regionId, pool } } });
  const active = await prisma.allocation.aggregate({
    where: { quotaId: quota.id, status: "ACTIVE" },
    _sum: { persons: true },
    _count: true,
  });
  return {
    total: quota.total,
    allocated: quota.allocated,
    activePersons: active._sum.persons ?? 0,
    activeRows: active._count,
  };
}

describe("concurrent allocation", () => {
  it("never gives out more than 50 places per pool: 200 simultaneous requests on each of 4 pools", async () => {
    const pools = [
      { regionId: PAVLODAR, pool: "KANDAS" as const },
      { regionId: PAVLODAR, pool: "SETTLER" as const },
      { regionId: AKMOLA, pool: "KANDAS" as const },
      { regionId: AKMOLA, pool: "SETTLER" as const },
    ];
    await createQuotaOrder(admin, {
      year: RACE_YEAR,
      reference: reference(),
      orderDate: `${RACE_YEAR}-01-10`,
      places: pools.map((place) => ({ ...place, total: 50 })),
    });
    const attempts = await Promise.all(
      pools.map(async (place) => {
        const sizes = Array.from({ length: 200 }, (_, index) => (index % 6) + 1).sort(() => Math.random() - 0.5);
        return { ...place, families: await approvedFamilies(place.regionId, place.pool, RACE_YEAR, sizes) };
      }),
    );

    const started = performance.now();
    const outcomes = await Promise.all(
      attempts.flatMap((place) =>
        place.families.map((family) =>
          allocate(coordinatorOf(place.regionId), family, RACE_YEAR).then(
            (result) => ({ place, family, ok: true as const, result }),
            (error: unknown) => ({ place, family, ok: false as const, error }),
          ),
        ),
      ),
    );
    console.log(
      `[quotas] 800 concurrent allocation attempts (4 pools × 200) in ${Math.round(performance.now() - started)} ms`,
    );

    for (const place of attempts) {
      const mine = outcomes.filter((outcome) => outcome.place === place);
      const granted = mine.filter((outcome) => outcome.ok);
      const refused = mine.filter((outcome) => !outcome.ok);
      const state = await quotaState(RACE_YEAR, place.regionId, place.pool);

      expect(state.allocated).toBeLessThanOrEqual(50);
      expect(state.allocated).toBe(state.activePersons);
      expect(state.activeRows).toBe(granted.length);
      expect(granted.reduce((sum, outcome) => sum + outcome.family.size, 0)).toBe(state.allocated);
      // Every refusal is the clear "no places left" answer with the figures, never anything else.
      for (const outcome of refused) {
        expect(outcome.error).toMatchObject({
          code: "workflow.errors.noPlacesLeft",
          values: { requested: outcome.family.size, year: RACE_YEAR, pool: { pool: place.pool } },
        });
        const { values } = outcome.error as { values: { remaining: number; requested: number } };
        expect(values.remaining).toBeLessThan(values.requested);
      }
      // No place is lost: whoever was refused did not fit into what is left at the end either.
      const remaining = 50 - state.allocated;
      for (const outcome of refused) expect(outcome.family.size).toBeGreaterThan(remaining);
      expect(granted.length + refused.length).toBe(200);
    }
    const audits = await prisma.auditLog.count({
      where: {
        action: "quota.allocate",
        entityId: {
          in: (await prisma.quota.findMany({ where: { year: RACE_YEAR } })).map((quota) => String(quota.id)),
        },
      },
    });
    expect(audits).toBe(outcomes.filter((outcome) => outcome.ok).length);
  }, 120_000);
});

describe("release and repeated requests", () => {
  beforeAll(async () => {
    await createQuotaOrder(admin, {
      year: RELEASE_YEAR,
      reference: reference(),
      orderDate: `${RELEASE_YEAR}-01-10`,
      places: [{ regionId: PAVLODAR, pool: "KANDAS", total: 20 }],
    });
  });

  it("returns exactly the released places, and a repeated release gives nothing back twice", async () => {
    const [first, second] = await approvedFamilies(PAVLODAR, "KANDAS", RELEASE_YEAR, [3, 5]);
    const before = (await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS")).allocated;
    await allocate(pavlodarCoordinator, first!, RELEASE_YEAR);
    await allocate(pavlodarCoordinator, second!, RELEASE_YEAR);
    expect((await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS")).allocated).toBe(before + first!.size + second!.size);

    expect(await release(pavlodarCoordinator, first!)).toEqual([
      expect.objectContaining({ year: RELEASE_YEAR, persons: first!.size }),
    ]);
    let state = await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS");
    expect(state.allocated).toBe(before + second!.size);
    expect(state.allocated).toBe(state.activePersons);

    expect(await release(pavlodarCoordinator, first!)).toEqual([]);
    await Promise.all([release(pavlodarCoordinator, second!), release(pavlodarCoordinator, second!)]);
    state = await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS");
    expect(state.allocated).toBe(before);
    expect(state.allocated).toBe(state.activePersons);
    expect(
      await prisma.auditLog.count({
        where: { action: "quota.release", changes: { path: ["familyId"], equals: second!.id } },
      }),
    ).toBe(1);
  });

  it("allocates once when the same request is repeated, one after another or at the same moment", async () => {
    const [family, other] = await approvedFamilies(PAVLODAR, "KANDAS", RELEASE_YEAR, [4, 2]);
    const before = (await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS")).allocated;

    await allocate(pavlodarCoordinator, family!, RELEASE_YEAR);
    await expect(allocate(pavlodarCoordinator, family!, RELEASE_YEAR)).rejects.toMatchObject({
      code: "workflow.errors.alreadyAllocated",
      values: { year: RELEASE_YEAR },
    });
    expect((await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS")).allocated).toBe(before + family!.size);

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => allocate(pavlodarCoordinator, other!, RELEASE_YEAR)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const state = await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS");
    expect(state.allocated).toBe(before + family!.size + other!.size);
    expect(state.allocated).toBe(state.activePersons);
    expect(await prisma.allocation.count({ where: { familyId: other!.id } })).toBe(1);

    // After a release the family's allocation of the year is reactivated, not duplicated.
    await release(pavlodarCoordinator, family!);
    await allocate(pavlodarCoordinator, family!, RELEASE_YEAR);
    expect(await prisma.allocation.findMany({ where: { familyId: family!.id }, select: { status: true } })).toEqual([
      { status: "ACTIVE" },
    ]);
    expect((await quotaState(RELEASE_YEAR, PAVLODAR, "KANDAS")).allocated).toBe(before + family!.size + other!.size);
  });
});

describe("quota orders and amendments", () => {
  let originalReference: string;

  beforeAll(async () => {
    originalReference = reference();
    await createQuotaOrder(admin, {
      year: ORDER_YEAR,
      reference: originalReference,
      orderDate: `${ORDER_YEAR}-01-10`,
      note: "  original order  ",
      places: [
        { regionId: PAVLODAR, pool: "KANDAS", total: 10 },
        { regionId: AKMOLA, pool: "SETTLER", total: 30 },
      ],
    });
  });

  it("stores the order, its quotas, the opening totals and the audit entry together", async () => {
    const order = await prisma.quotaOrder.findUniqueOrThrow({
      where: { year_reference: { year: ORDER_YEAR, reference: originalReference } },
      include: { quotas: true, amendments: true },
    });
    expect(order).toMatchObject({ isAmendment: false, note: "original order", createdById: admin.id });
    expect(
      order.quotas
        .map(({ regionId, pool, total, allocated }) => ({ regionId, pool, total, allocated }))
        .sort((a, b) => a.regionId.localeCompare(b.regionId)),
    ).toEqual([
      { regionId: AKMOLA, pool: "SETTLER", total: 30, allocated: 0 },
      { regionId: PAVLODAR, pool: "KANDAS", total: 10, allocated: 0 },
    ]);
    expect(order.amendments.map(({ oldTotal, newTotal }) => [oldTotal, newTotal]).sort()).toEqual([
      [0, 10],
      [0, 30],
    ]);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "quota.order.create", entityId: String(order.id) },
    });
    expect(audit?.actorId).toBe(admin.id);
  });

  it("refuses a second original order for the year, a taken reference and invalid lines, storing nothing", async () => {
    const orders = await prisma.quotaOrder.count({ where: { year: ORDER_YEAR } });
    const places = [{ regionId: PAVLODAR, pool: "SETTLER" as const, total: 5 }];
    await expect(
      createQuotaOrder(admin, { year: ORDER_YEAR, reference: reference(), orderDate: `${ORDER_YEAR}-02-01`, places }),
    ).rejects.toMatchObject({
      code: "quotas.errors.orderExists",
      values: { year: ORDER_YEAR, reference: originalReference },
    });
    await expect(
      amendQuota(admin, {
        year: ORDER_YEAR,
        reference: originalReference,
        orderDate: `${ORDER_YEAR}-02-01`,
        changes: places,
      }),
    ).rejects.toMatchObject({
      code: "quotas.errors.referenceTaken",
      fieldErrors: { reference: { code: "quotas.errors.referenceTaken" } },
    });
    await expect(
      amendQuota(admin, { year: 2094, reference: reference(), orderDate: "2094-02-01", changes: places }),
    ).rejects.toMatchObject({ code: "quotas.errors.orderMissing" });
    const invalid = createQuotaOrder(admin, {
      year: 2095,
      reference: reference(),
      orderDate: "2095-02-30",
      places: [
        { regionId: "KZ-75", pool: "KANDAS", total: 5 },
        { regionId: PAVLODAR, pool: "KANDAS", total: -1 },
        { regionId: PAVLODAR, pool: "KANDAS", total: 3 },
      ],
    });
    await expect(invalid).rejects.toMatchObject({
      code: "quotas.errors.invalidOrder",
      fieldErrors: {
        "places.0.total": { code: "quotas.validation.region" },
        "places.1.total": { code: "quotas.validation.total" },
        "places.2.total": { code: "quotas.validation.duplicate" },
        orderDate: { code: "quotas.validation.orderDate" },
      },
    });
    expect(await prisma.quotaOrder.count({ where: { year: ORDER_YEAR } })).toBe(orders);
    expect(await prisma.quotaOrder.count({ where: { year: { in: [2094, 2095] } } })).toBe(0);
    expect(await prisma.quota.count({ where: { year: { in: [2094, 2095] } } })).toBe(0);
  });

  crossRegionTest(
    createQuotaOrder,
    "lets only the administrator enter an order, not even for the coordinator's own region",
    async () => {
      for (const actor of [pavlodarCoordinator, analyst, caseworker]) {
        await expect(
          createQuotaOrder(actor, {
            year: 2096,
            reference: reference(),
            orderDate: "2096-01-10",
            places: [{ regionId: PAVLODAR, pool: "KANDAS", total: 5 }],
          }),
        ).rejects.toThrow(FORBIDDEN);
      }
      expect(await prisma.quotaOrder.count({ where: { year: 2096 } })).toBe(0);
    },
  );

  crossRegionTest(
    amendQuota,
    "lets only the administrator amend an order, not even for the coordinator's own region",
    async () => {
      for (const actor of [pavlodarCoordinator, analyst, caseworker]) {
        await expect(
          amendQuota(actor, {
            year: ORDER_YEAR,
            reference: reference(),
            orderDate: `${ORDER_YEAR}-03-01`,
            changes: [{ regionId: PAVLODAR, pool: "KANDAS", total: 50 }],
          }),
        ).rejects.toThrow(FORBIDDEN);
      }
      expect((await quotaState(ORDER_YEAR, PAVLODAR, "KANDAS")).total).toBe(10);
    },
  );

  it("refuses an amendment below the allocated places with the figures, and changes nothing", async () => {
    const [family] = await approvedFamilies(PAVLODAR, "KANDAS", ORDER_YEAR, [6]);
    await allocate(pavlodarCoordinator, family!, ORDER_YEAR);
    const amendmentsBefore = await prisma.quotaAmendment.count();
    const refusedReference = reference();

    const attempt = amendQuota(admin, {
      year: ORDER_YEAR,
      reference: refusedReference,
      orderDate: `${ORDER_YEAR}-04-01`,
      changes: [
        { regionId: AKMOLA, pool: "SETTLER", total: 40 },
        { regionId: PAVLODAR, pool: "KANDAS", total: 5 },
      ],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "quotas.errors.belowAllocated",
      values: { region: { region: PAVLODAR }, pool: { pool: "KANDAS" }, allocated: 6, requested: 5 },
      // The refused line is the second of the amendment as it was entered.
      fieldErrors: {
        "changes.1.total": { code: "quotas.errors.belowAllocatedField", values: { allocated: 6, requested: 5 } },
      },
    });

    expect(await prisma.quotaOrder.count({ where: { year: ORDER_YEAR, reference: refusedReference } })).toBe(0);
    expect(await prisma.quotaAmendment.count()).toBe(amendmentsBefore);
    expect((await quotaState(ORDER_YEAR, AKMOLA, "SETTLER")).total).toBe(30);
    expect(await quotaState(ORDER_YEAR, PAVLODAR, "KANDAS")).toMatchObject({ total: 10, allocated: 6 });
  });

  it("applies an amendment down to the allocated places or above, recording old → new, actor and order", async () => {
    const amendReference = reference();
    const result = await amendQuota(admin, {
      year: ORDER_YEAR,
      reference: amendReference,
      orderDate: `${ORDER_YEAR}-05-01`,
      note: "mid-year increase",
      changes: [
        { regionId: PAVLODAR, pool: "KANDAS", total: 6 },
        { regionId: PAVLODAR, pool: "SETTLER", total: 15 },
      ],
    });
    expect(
      result.changes.map(({ regionId, pool, oldTotal, newTotal }) => ({ regionId, pool, oldTotal, newTotal })),
    ).toEqual([
      { regionId: PAVLODAR, pool: "KANDAS", oldTotal: 10, newTotal: 6 },
      { regionId: PAVLODAR, pool: "SETTLER", oldTotal: 0, newTotal: 15 },
    ]);
    expect(await quotaState(ORDER_YEAR, PAVLODAR, "KANDAS")).toMatchObject({ total: 6, allocated: 6 });
    expect(await quotaState(ORDER_YEAR, PAVLODAR, "SETTLER")).toMatchObject({ total: 15, allocated: 0 });

    const second = await amendQuota(admin, {
      year: ORDER_YEAR,
      reference: reference(),
      orderDate: `${ORDER_YEAR}-06-01`,
      changes: [{ regionId: PAVLODAR, pool: "KANDAS", total: 25 }],
    });
    expect(second.changes[0]).toMatchObject({ oldTotal: 6, newTotal: 25, allocated: 6 });

    const order = await prisma.quotaOrder.findUniqueOrThrow({
      where: { year_reference: { year: ORDER_YEAR, reference: amendReference } },
      include: { amendments: { include: { quota: true } } },
    });
    expect(order).toMatchObject({ isAmendment: true, note: "mid-year increase", createdById: admin.id });
    expect(order.amendments.every((amendment) => amendment.actorId === admin.id)).toBe(true);
    const quota = await prisma.quota.findUniqueOrThrow({
      where: { year_regionId_pool: { year: ORDER_YEAR, regionId: PAVLODAR, pool: "KANDAS" } },
    });
    expect(quota.orderId).toBe(second.orderId);

    const audits = await prisma.auditLog.findMany({
      where: { action: "quota.order.amend", entityId: String(result.orderId) },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: admin.id, regionId: PAVLODAR });
    expect(audits[0]!.changes).toMatchObject({
      amendments: [
        { regionId: PAVLODAR, pool: "KANDAS", from: 10, to: 6 },
        { regionId: PAVLODAR, pool: "SETTLER", from: 0, to: 15 },
      ],
    });
  });

  crossRegionTest(
    listQuotaHistory,
    "shows the history to administrators and analysts for every region and to a coordinator for the own region",
    async () => {
      const akmolaOnly = reference();
      await amendQuota(admin, {
        year: ORDER_YEAR,
        reference: akmolaOnly,
        orderDate: `${ORDER_YEAR}-07-01`,
        changes: [{ regionId: AKMOLA, pool: "SETTLER", total: 35 }],
      });

      const lines = (history: Awaited<ReturnType<typeof listQuotaHistory>>) =>
        history.flatMap((order) =>
          order.amendments.map(
            (line) => `${order.reference} ${line.regionId} ${line.pool} ${line.oldTotal}→${line.newTotal}`,
          ),
        );

      for (const actor of [admin, analyst]) {
        const history = await listQuotaHistory(actor, ORDER_YEAR);
        expect(history[0]).toMatchObject({ reference: originalReference, isAmendment: false });
        expect(history.map((order) => order.orderDate.toISOString().slice(0, 10))).toEqual(
          [...history.map((order) => order.orderDate.toISOString().slice(0, 10))].sort(),
        );
        expect(lines(history)).toEqual(
          expect.arrayContaining([
            `${originalReference} ${AKMOLA} SETTLER 0→30`,
            `${originalReference} ${PAVLODAR} KANDAS 0→10`,
            `${akmolaOnly} ${AKMOLA} SETTLER 30→35`,
          ]),
        );
      }

      const pavlodar = await listQuotaHistory(pavlodarCoordinator, ORDER_YEAR);
      expect(pavlodar.map((order) => order.reference)).not.toContain(akmolaOnly);
      expect(pavlodar.flatMap((order) => order.amendments.map((line) => line.regionId))).toEqual(
        expect.arrayContaining([PAVLODAR]),
      );
      expect(new Set(pavlodar.flatMap((order) => order.amendments.map((line) => line.regionId)))).toEqual(
        new Set([PAVLODAR]),
      );

      const akmola = await listQuotaHistory(akmolaCoordinator, ORDER_YEAR);
      expect(lines(akmola)).toEqual([
        `${originalReference} ${AKMOLA} SETTLER 0→30`,
        `${akmolaOnly} ${AKMOLA} SETTLER 30→35`,
      ]);

      await expect(listQuotaHistory(caseworker, ORDER_YEAR)).rejects.toThrow(FORBIDDEN);
    },
  );
});
