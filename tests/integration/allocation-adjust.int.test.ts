// Adjusting a family's quota allocation when the number of arriving members changes (issue 4), on a
// real PostgreSQL: the adaptation plan and the household edit give back exactly the places no longer
// needed, take more only while the quota has them, and otherwise save nothing at all. Quota years
// 2083–2084 belong to this file; `allocated` must always equal the persons of the ACTIVE allocations.
import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAdaptationPlan } from "@/lib/db/case-file/adaptation-plan";
import { db } from "@/lib/db/client";
import { updateFamily } from "@/lib/db/families/save-family";
import { adjustAllocationToArrivingMembers, allocateQuotaPlaces, releaseQuotaPlaces } from "@/lib/db/quotas/allocate";
import { createQuotaOrder } from "@/lib/db/quotas/orders";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { emptyMember, familyUpdateSchema, type MemberFormValues } from "@/lib/validation/family-form";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, PAVLODAR, prisma } from "./fixtures";
import { NOT_FOUND } from "./refusals";

const PLAN_YEAR = 2083;
const RACE_YEAR = 2084;
const dayIn = (year: number) => new Date(Date.UTC(year, 5, 1));
// The concurrency test queues 20 plan saves on one quota row and on the connection pool.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 15_000 };

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let admin: Actor;
let pavlodarCoordinator: Actor;
let akmolaCoordinator: Actor;
let akmolaCaseworker: Actor;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  pavlodarCoordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  for (const [year, places] of [
    [
      PLAN_YEAR,
      [
        { regionId: PAVLODAR, total: 10 },
        { regionId: AKMOLA, total: 7 },
      ],
    ],
    [
      RACE_YEAR,
      [
        { regionId: PAVLODAR, total: 35 },
        { regionId: AKMOLA, total: 20 },
      ],
    ],
  ] as const) {
    await createQuotaOrder(admin, {
      year,
      reference: `T-${randomUUID().slice(0, 8)}`,
      orderDate: `${year}-01-10`,
      places: places.map((place) => ({ ...place, pool: "KANDAS" as const })),
    });
  }
});

// Names nobody else has, so that the household edit's duplicate search finds no one.
const LETTERS = "абвгдежзиклмнопрстуфхшқңөұүәі";
const LATIN = "abcdefghijklmnopqrstuvwxyz";
const randomWord = (alphabet: string) => Array.from({ length: 9 }, () => alphabet[randomInt(alphabet.length)]).join("");
const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
let caseSequence = 300_000 + randomInt(100_000);

/** An approved kandas family of `size` members whose status is valid through `year`. */
async function approvedFamily(regionId: string, size: number, year: number) {
  const family = await prisma.family.create({
    data: {
      caseNumber: formatCaseNumber(year, ++caseSequence),
      category: "KANDAS",
      originCountry: "UZ",
      status: "APPROVED",
      targetRegionId: regionId,
      applicationDate: new Date(Date.UTC(2026, 0, 15)),
      decisionNumber: "T-1",
      decisionDate: new Date(Date.UTC(2026, 0, 20)),
      statusValidUntil: new Date(Date.UTC(year, 11, 31)),
      version: 2,
      createdById: admin.id,
      updatedById: admin.id,
      members: {
        create: Array.from({ length: size }, (_, index) => ({
          position: index + 1,
          isHead: index === 0,
          relationship: index === 0 ? ("HEAD" as const) : ("CHILD" as const),
          surnameCyr: capital(randomWord(LETTERS)),
          givenNameCyr: capital(randomWord(LETTERS)),
          surnameLat: capital(randomWord(LATIN)),
          givenNameLat: capital(randomWord(LATIN)),
          birthDate: new Date(Date.UTC(1950 + randomInt(55), randomInt(12), 1 + randomInt(28))),
          sex: "M" as const,
          citizenship: "UZ",
        })),
      },
    },
    include: { members: { orderBy: { position: "asc" } } },
  });
  return family;
}

type Family = Awaited<ReturnType<typeof approvedFamily>>;

function allocate(actor: Actor, family: Family, year: number) {
  return db().$transaction((tx) => allocateQuotaPlaces(actor, tx, family, dayIn(year)), TRANSACTION_OPTIONS);
}

/** Saves the plan through the real data function, as the plan form does, with only members arriving set. */
async function savePlan(actor: Actor, familyId: number, membersArriving: number | null, job: string | null = null) {
  const current = await prisma.adaptationPlan.findUnique({ where: { familyId } });
  return saveAdaptationPlan(actor, {
    familyId,
    plannedArrival: null,
    transport: null,
    membersArriving,
    housing: null,
    job,
    training: null,
    loadedAt: current?.updatedAt.toISOString() ?? null,
  });
}

/** The household form as the editor sends it: the family's current members (by id) plus `added` new ones. */
async function saveHousehold(
  actor: Actor,
  familyId: number,
  keep: (members: Family["members"]) => Family["members"],
  added = 0,
) {
  const family = await prisma.family.findUniqueOrThrow({
    where: { id: familyId },
    include: { members: { orderBy: { position: "asc" } } },
  });
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  const formMember = (person: Family["members"][number] | null): MemberFormValues => ({
    ...emptyMember(person?.isHead ?? false),
    ...(person && { personId: person.id }),
    relationship: person?.relationship ?? "CHILD",
    surnameCyr: person?.surnameCyr ?? capital(randomWord(LETTERS)),
    givenNameCyr: person?.givenNameCyr ?? capital(randomWord(LETTERS)),
    surnameLat: person?.surnameLat ?? capital(randomWord(LATIN)),
    givenNameLat: person?.givenNameLat ?? capital(randomWord(LATIN)),
    birthDate: iso(person?.birthDate ?? new Date(Date.UTC(2000 + randomInt(20), randomInt(12), 1 + randomInt(28)))),
    sex: "M",
    citizenship: "UZ",
  });
  const members = [...keep(family.members).map(formMember), ...Array.from({ length: added }, () => formMember(null))];
  return updateFamily(
    actor,
    familyUpdateSchema.parse({
      category: "KANDAS",
      originCountry: "UZ",
      originRegionId: "",
      targetRegionId: "",
      targetDistrictId: "",
      contactPhone: "",
      contactEmail: "",
      address: "",
      applicationDate: iso(family.applicationDate),
      members,
      acknowledgeIinWarnings: true,
      duplicateDecisions: [],
      familyId,
      version: family.version,
    }),
  );
}

async function quotaState(year: number, regionId: string) {
  const quota = await prisma.quota.findUniqueOrThrow({
    where: { year_regionId_pool: { year, regionId, pool: "KANDAS" } },
  });
  const active = await prisma.allocation.aggregate({
    where: { quotaId: quota.id, status: "ACTIVE" },
    _sum: { persons: true },
  });
  return { total: quota.total, allocated: quota.allocated, activePersons: active._sum.persons ?? 0 };
}

/** The quota's allocated places, after checking that they are exactly the persons of its ACTIVE allocations. */
async function allocatedIn(year: number, regionId: string) {
  const state = await quotaState(year, regionId);
  expect(state.allocated).toBe(state.activePersons);
  expect(state.allocated).toBeLessThanOrEqual(state.total);
  return state.allocated;
}

const allocationOf = (familyId: number) => prisma.allocation.findFirstOrThrow({ where: { familyId } });
const adjustAudits = (familyId: number) =>
  prisma.auditLog.findMany({
    where: { action: "quota.allocation.adjust", changes: { path: ["familyId"], equals: familyId } },
    orderBy: { id: "asc" },
  });

describe("the adaptation plan changes the members arriving", () => {
  it("gives back exactly the places no longer needed, takes more while places are left, and otherwise saves nothing", async () => {
    const family = await approvedFamily(PAVLODAR, 4, PLAN_YEAR);
    const filler = await approvedFamily(PAVLODAR, 6, PLAN_YEAR);
    await allocate(pavlodarCoordinator, family, PLAN_YEAR);
    await allocate(pavlodarCoordinator, filler, PLAN_YEAR);
    expect(await allocatedIn(PLAN_YEAR, PAVLODAR)).toBe(10);

    // Two of four arrive: two places come back, exactly.
    await savePlan(pavlodarCoordinator, family.id, 2);
    expect(await allocatedIn(PLAN_YEAR, PAVLODAR)).toBe(8);
    const allocation = await allocationOf(family.id);
    expect(allocation).toMatchObject({ status: "ACTIVE", persons: 2, year: PLAN_YEAR });
    const [released] = await adjustAudits(family.id);
    expect(released).toMatchObject({
      actorId: pavlodarCoordinator.id,
      regionId: PAVLODAR,
      entity: "quota",
      entityId: String(allocation.quotaId),
    });
    expect(released!.changes).toEqual({
      familyId: family.id,
      allocationId: allocation.id,
      year: PLAN_YEAR,
      pool: "KANDAS",
      changes: { persons: { from: 4, to: 2 }, allocated: { from: 10, to: 8 } },
    });

    // Three arrive and two places are free: one more is taken.
    await savePlan(pavlodarCoordinator, family.id, 3);
    expect(await allocatedIn(PLAN_YEAR, PAVLODAR)).toBe(9);
    expect((await allocationOf(family.id)).persons).toBe(3);
    expect((await adjustAudits(family.id))[1]!.changes).toMatchObject({
      changes: { persons: { from: 2, to: 3 }, allocated: { from: 8, to: 9 } },
    });

    // Another plan field changes: the allocation is not touched.
    await savePlan(pavlodarCoordinator, family.id, 3, "Welder");
    expect(await adjustAudits(family.id)).toHaveLength(2);

    // The last free place goes to another family; the fourth member cannot come any more.
    const last = await approvedFamily(PAVLODAR, 1, PLAN_YEAR);
    await allocate(pavlodarCoordinator, last, PLAN_YEAR);
    expect(await allocatedIn(PLAN_YEAR, PAVLODAR)).toBe(10);
    const planBefore = await prisma.adaptationPlan.findUniqueOrThrow({ where: { familyId: family.id } });
    const planAudits = await prisma.auditLog.count({
      where: { action: "adaptation_plan.update", entityId: String(family.id) },
    });

    const refused = savePlan(pavlodarCoordinator, family.id, 4, "Electrician");
    await expect(refused).rejects.toMatchObject({
      code: "allocation.errors.noPlacesForMore",
      values: { remaining: 0, requested: 1, year: PLAN_YEAR, pool: { pool: "KANDAS" } },
      fieldErrors: {
        membersArriving: { code: "allocation.errors.noPlacesForMoreField", values: { remaining: 0, requested: 1 } },
      },
    });
    // Clearing the figure means every member arrives: refused the same way.
    await expect(savePlan(pavlodarCoordinator, family.id, null)).rejects.toMatchObject({
      values: { remaining: 0, requested: 1 },
    });

    expect(await prisma.adaptationPlan.findUniqueOrThrow({ where: { familyId: family.id } })).toEqual(planBefore);
    expect(await allocatedIn(PLAN_YEAR, PAVLODAR)).toBe(10);
    expect(await allocationOf(family.id)).toEqual({ ...allocation, persons: 3 });
    expect(await adjustAudits(family.id)).toHaveLength(2);
    expect(
      await prisma.auditLog.count({ where: { action: "adaptation_plan.update", entityId: String(family.id) } }),
    ).toBe(planAudits);
  });
});

describe("the household changes size", () => {
  it("adjusts the allocation when a member is removed or added, and refuses an addition the quota has no place for", async () => {
    const family = await approvedFamily(AKMOLA, 3, PLAN_YEAR);
    await allocate(akmolaCoordinator, family, PLAN_YEAR);
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(3);

    await saveHousehold(akmolaCaseworker, family.id, (members) => members.slice(0, 2));
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(2);
    expect((await allocationOf(family.id)).persons).toBe(2);
    expect((await adjustAudits(family.id)).map((entry) => entry.changes)).toEqual([
      expect.objectContaining({ changes: { persons: { from: 3, to: 2 }, allocated: { from: 3, to: 2 } } }),
    ]);

    await saveHousehold(akmolaCaseworker, family.id, (members) => members, 2);
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(4);
    expect((await allocationOf(family.id)).persons).toBe(4);

    // The plan says two of the four arrive: a fifth member changes nothing, removing down to two neither.
    await savePlan(akmolaCaseworker, family.id, 2);
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(2);
    await saveHousehold(akmolaCaseworker, family.id, (members) => members, 1);
    await saveHousehold(akmolaCaseworker, family.id, (members) => members.slice(0, 2));
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(2);
    expect(await adjustAudits(family.id)).toHaveLength(3);

    // Back to every member arriving, then the rest of the quota goes to another family.
    await savePlan(akmolaCaseworker, family.id, null);
    const other = await approvedFamily(AKMOLA, 5, PLAN_YEAR);
    await allocate(akmolaCoordinator, other, PLAN_YEAR);
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(7);

    const before = await prisma.family.findUniqueOrThrow({ where: { id: family.id }, include: { members: true } });
    const refused = saveHousehold(akmolaCaseworker, family.id, (members) => members, 2);
    await expect(refused).rejects.toMatchObject({
      code: "allocation.errors.noPlacesForMore",
      values: { remaining: 0, requested: 2, year: PLAN_YEAR },
      fieldErrors: undefined,
    });
    expect(await prisma.family.findUniqueOrThrow({ where: { id: family.id }, include: { members: true } })).toEqual(
      before,
    );
    expect(await allocatedIn(PLAN_YEAR, AKMOLA)).toBe(7);
    expect((await allocationOf(family.id)).persons).toBe(2);
  });
});

describe("families without an ACTIVE allocation", () => {
  it("are left alone: no allocation appears, a released one keeps its figures, the quota does not move", async () => {
    const never = await approvedFamily(AKMOLA, 4, RACE_YEAR);
    const released = await approvedFamily(AKMOLA, 3, RACE_YEAR);
    await allocate(akmolaCoordinator, released, RACE_YEAR);
    await db().$transaction((tx) => releaseQuotaPlaces(akmolaCoordinator, tx, released));
    const releasedRow = await allocationOf(released.id);
    const allocated = await allocatedIn(RACE_YEAR, AKMOLA);

    await savePlan(akmolaCaseworker, never.id, 2);
    await savePlan(akmolaCaseworker, released.id, 1);
    await saveHousehold(akmolaCaseworker, never.id, (members) => members.slice(0, 3));
    await saveHousehold(akmolaCaseworker, released.id, (members) => members, 1);

    expect(await prisma.allocation.count({ where: { familyId: never.id } })).toBe(0);
    expect(await allocationOf(released.id)).toEqual(releasedRow);
    expect(await allocatedIn(RACE_YEAR, AKMOLA)).toBe(allocated);
    expect(await adjustAudits(never.id)).toEqual([]);
    expect(await adjustAudits(released.id)).toEqual([]);
  });
});

describe("scope", () => {
  crossRegionTest(adjustAllocationToArrivingMembers, "adjusts only families in the actor's scope", async () => {
    const family = await approvedFamily(AKMOLA, 3, RACE_YEAR);
    await allocate(akmolaCoordinator, family, RACE_YEAR);
    // The plan changed without the adjustment (as if written before it existed).
    await prisma.adaptationPlan.create({ data: { familyId: family.id, membersArriving: 1, updatedById: admin.id } });
    const allocated = await allocatedIn(RACE_YEAR, AKMOLA);

    await expect(
      db().$transaction((tx) => adjustAllocationToArrivingMembers(pavlodarCoordinator, tx, family)),
    ).rejects.toThrow(NOT_FOUND);
    expect((await allocationOf(family.id)).persons).toBe(3);
    expect(await allocatedIn(RACE_YEAR, AKMOLA)).toBe(allocated);

    const result = await db().$transaction((tx) => adjustAllocationToArrivingMembers(akmolaCoordinator, tx, family));
    expect(result).toEqual([
      expect.objectContaining({
        year: RACE_YEAR,
        persons: { from: 3, to: 1 },
        allocated: { from: allocated, to: allocated - 2 },
      }),
    ]);
    expect(await allocatedIn(RACE_YEAR, AKMOLA)).toBe(allocated - 2);
    // Repeated: nothing more to give back.
    expect(await db().$transaction((tx) => adjustAllocationToArrivingMembers(akmolaCoordinator, tx, family))).toEqual(
      [],
    );
    expect(await allocatedIn(RACE_YEAR, AKMOLA)).toBe(allocated - 2);
  });
});

describe("concurrent plan changes", () => {
  it("never gives out more than the quota: 20 families ask for 2 more places each at once, 15 are free", async () => {
    const families = await Promise.all(Array.from({ length: 20 }, () => approvedFamily(PAVLODAR, 3, RACE_YEAR)));
    for (const family of families) {
      await savePlan(pavlodarCoordinator, family.id, 1);
      await allocate(pavlodarCoordinator, family, RACE_YEAR);
    }
    expect(await allocatedIn(RACE_YEAR, PAVLODAR)).toBe(20);

    const outcomes = await Promise.all(
      families.map((family) =>
        savePlan(pavlodarCoordinator, family.id, 3).then(
          () => ({ family, ok: true as const }),
          (error: unknown) => ({ family, ok: false as const, error }),
        ),
      ),
    );
    const granted = outcomes.filter((outcome) => outcome.ok);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(granted).toHaveLength(7);
    expect(refused).toHaveLength(13);
    for (const outcome of refused) {
      expect(outcome.error).toMatchObject({
        code: "allocation.errors.noPlacesForMore",
        values: { requested: 2, remaining: 1 },
      });
    }
    expect(await allocatedIn(RACE_YEAR, PAVLODAR)).toBe(34);

    const plans = await prisma.adaptationPlan.findMany({
      where: { familyId: { in: families.map((family) => family.id) } },
    });
    const allocations = await prisma.allocation.findMany({
      where: { familyId: { in: families.map((family) => family.id) } },
    });
    for (const outcome of outcomes) {
      const expected = outcome.ok ? 3 : 1;
      expect(plans.find((plan) => plan.familyId === outcome.family.id)?.membersArriving).toBe(expected);
      expect(allocations.find((row) => row.familyId === outcome.family.id)).toMatchObject({
        status: "ACTIVE",
        persons: expected,
      });
    }
  }, 60_000);
});
