// The quota waitlist on a real PostgreSQL (issue 4): families wait in order of approval when their pool
// is full, may join only when their places do not fit, and after a release the coordinator sees exactly
// the families that now fit; allocating one through the ordinary workflow takes it off the list.
// Quota years 2080–2082 belong to this file.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { createQuotaOrder } from "@/lib/db/quotas/orders";
import { addToWaitlist, listWaitlist, removeFromWaitlist, waitlistPlace } from "@/lib/db/quotas/waitlist";
import { crossRegionTest } from "./cross-region";
import {
  AKMOLA,
  createFamily as createBareFamily,
  createQuotaStaff,
  PAVLODAR,
  prisma,
  type StaffActor,
  verifyChecklist,
} from "./fixtures";
import { NOT_FOUND, FORBIDDEN } from "./refusals";

/** A family with its checklist complete and verified: these tests are about the lifecycle, not the checklist gate. */
async function createFamily(...args: Parameters<typeof createBareFamily>) {
  const family = await createBareFamily(...args);
  await verifyChecklist(prisma, family.id, args[2]);
  return family;
}

const ORDER_YEAR = 2080;
const RELEASE_YEAR = 2081;
const NO_QUOTA_YEAR = 2082;
/** A day in the middle of a quota year: the "today" every call of a test runs on. */
const dayIn = (year: number) => new Date(Date.UTC(year, 5, 1));

type Actor = StaffActor;
let admin: Actor;
let analyst: Actor;
let caseworker: Actor;
let pavlodarCoordinator: Actor;
let akmolaCoordinator: Actor;

beforeAll(async () => {
  ({ admin, analyst, caseworker, pavlodarCoordinator, akmolaCoordinator } = await createQuotaStaff(prisma));
});

const coordinatorOf = (regionId: string) => (regionId === PAVLODAR ? pavlodarCoordinator : akmolaCoordinator);

/**
 * A kandas family of `size` members approved through the real workflow on `decisionDate` (its status
 * is then valid for the default 12 months), as seen on a day of `year`.
 */
async function approvedFamily(regionId: string, year: number, size: number, decisionDate: string) {
  const family = await createFamily(prisma, regionId, caseworker.id, "UNDER_REVIEW");
  await prisma.person.createMany({
    data: Array.from({ length: size - 1 }, (_, index) => ({
      familyId: family.id,
      position: index + 2,
      isHead: false,
      relationship: "CHILD" as const,
      surnameCyr: "Тестова",
      givenNameCyr: "Айгүл",
      surnameLat: "Testova",
      givenNameLat: "Aigul",
      birthDate: new Date(Date.UTC(2005 + index, 0, 1)),
      sex: "F" as const,
      citizenship: "UZ",
    })),
  });
  await verifyChecklist(prisma, family.id, caseworker.id);
  const approved = await transitionFamily(
    coordinatorOf(regionId),
    {
      familyId: family.id,
      version: family.version,
      to: "APPROVED",
      decisionNumber: `W-${randomUUID().slice(0, 6)}`,
      decisionDate,
    },
    { now: dayIn(year) },
  );
  return { id: family.id, caseNumber: family.caseNumber, version: approved.version, size };
}

type Family = Awaited<ReturnType<typeof approvedFamily>>;

async function allocate(family: Family, year: number) {
  const result = await transitionFamily(
    coordinatorOf(PAVLODAR),
    { familyId: family.id, version: family.version, to: "QUOTA_ALLOCATED" },
    { now: dayIn(year) },
  );
  family.version = result.version;
  return result;
}

async function withdraw(family: Family, year: number) {
  const result = await transitionFamily(
    caseworker,
    { familyId: family.id, version: family.version, to: "WITHDRAWN", reason: "Тест: отказ от переезда" },
    { now: dayIn(year) },
  );
  family.version = result.version;
  return result;
}

const join = (actor: Actor, family: Family, year: number) =>
  addToWaitlist(actor, { familyId: family.id }, { now: dayIn(year) });

function refusalOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      const { code, values } = error as { code: string; values: Record<string, unknown> };
      return { code, values };
    },
  );
}

async function quotaState(year: number) {
  const quota = await prisma.quota.findUniqueOrThrow({
    where: { year_regionId_pool: { year, regionId: PAVLODAR, pool: "KANDAS" } },
  });
  const active = await prisma.allocation.aggregate({
    where: { quotaId: quota.id, status: "ACTIVE" },
    _sum: { persons: true },
  });
  return { total: quota.total, allocated: quota.allocated, activePersons: active._sum.persons ?? 0 };
}

const listed = (year: number, actor: Actor = pavlodarCoordinator) =>
  listWaitlist(actor, { year, regionId: PAVLODAR, pool: "KANDAS" }, { now: dayIn(year) });

async function order(year: number, totals: { regionId: string; total: number }[]) {
  await createQuotaOrder(admin, {
    year,
    reference: `W-${randomUUID().slice(0, 8)}`,
    orderDate: `${year}-01-05`,
    places: totals.map(({ regionId, total }) => ({ regionId, pool: "KANDAS" as const, total })),
  });
}

describe("joining the waitlist", () => {
  let holder: Family;
  let early: Family;
  let late: Family;
  let lateAgain: Family;

  beforeAll(async () => {
    await order(ORDER_YEAR, [
      { regionId: PAVLODAR, total: 6 },
      { regionId: AKMOLA, total: 5 },
    ]);
    holder = await approvedFamily(PAVLODAR, ORDER_YEAR, 6, "2080-01-15");
    late = await approvedFamily(PAVLODAR, ORDER_YEAR, 2, "2080-03-01");
    early = await approvedFamily(PAVLODAR, ORDER_YEAR, 3, "2080-02-01");
    lateAgain = await approvedFamily(PAVLODAR, ORDER_YEAR, 1, "2080-03-01");
  });

  it("is refused while the family's places still fit, naming the places left and needed", async () => {
    const placesAvailable = (needed: number) => ({
      code: "waitlist.errors.placesAvailable",
      values: { remaining: { count: 6 }, needed: { count: needed }, year: ORDER_YEAR, pool: { pool: "KANDAS" } },
    });
    expect(await refusalOf(join(pavlodarCoordinator, holder, ORDER_YEAR))).toEqual(placesAvailable(6));
    expect(await refusalOf(join(pavlodarCoordinator, late, ORDER_YEAR))).toEqual(placesAvailable(2));
    expect(await prisma.waitlistEntry.count({ where: { familyId: { in: [holder.id, late.id] } } })).toBe(0);
  });

  it("serves the full pool in order of approval date, then of entry", async () => {
    await allocate(holder, ORDER_YEAR);
    expect(await quotaState(ORDER_YEAR)).toEqual({ total: 6, allocated: 6, activePersons: 6 });

    // Entered in the order late, early, lateAgain; early was approved first, late and lateAgain the same day.
    for (const family of [late, early, lateAgain]) {
      const entry = await join(pavlodarCoordinator, family, ORDER_YEAR);
      expect(entry).toMatchObject({ familyId: family.id, year: ORDER_YEAR, pool: "KANDAS", isNew: true });
    }
    const waitlist = await listed(ORDER_YEAR);
    expect(waitlist.entries.map((row) => [row.position, row.familyId, row.places, row.fitsNow])).toEqual([
      [1, early.id, 3, false],
      [2, late.id, 2, false],
      [3, lateAgain.id, 1, false],
    ]);
    expect(waitlist.quota).toEqual({ total: 6, allocated: 6, remaining: 0, exists: true });
    expect(waitlist.isCurrentYear).toBe(true);
    const [first] = waitlist.entries;
    expect(first).toMatchObject({ caseNumber: early.caseNumber, headName: "Тестов Нұрлан", version: early.version });
    expect(first?.decisionDate?.toISOString().slice(0, 10)).toBe("2080-02-01");

    expect(await waitlistPlace(pavlodarCoordinator, lateAgain.id)).toMatchObject({
      year: ORDER_YEAR,
      position: 3,
      length: 3,
    });
    expect(await waitlistPlace(admin, early.id)).toMatchObject({ year: ORDER_YEAR, position: 1, length: 3 });
    expect(await waitlistPlace(pavlodarCoordinator, holder.id)).toBeNull();
  });

  it("returns the existing entry when the family is put on the waitlist again", async () => {
    const before = await prisma.waitlistEntry.findUniqueOrThrow({
      where: { familyId_year: { familyId: late.id, year: ORDER_YEAR } },
    });
    const again = await join(admin, late, ORDER_YEAR);
    expect(again).toMatchObject({ entryId: before.id, isNew: false });
    expect(await prisma.waitlistEntry.count({ where: { familyId: late.id } })).toBe(1);
    const audits = await prisma.auditLog.count({
      where: { action: "quota.waitlist.add", entityId: String(before.id) },
    });
    expect(audits).toBe(1);
  });

  it("refuses a family that is not approved", async () => {
    const underReview = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    const error = await addToWaitlist(
      pavlodarCoordinator,
      { familyId: underReview.id },
      { now: dayIn(ORDER_YEAR) },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "waitlist.errors.notApproved" });
    expect(await prisma.waitlistEntry.count({ where: { familyId: underReview.id } })).toBe(0);
  });

  it("refuses a kandas family whose status has expired", async () => {
    // Approved in January 2079: the 12-month status ended in January 2080, before this June.
    const lapsed = await approvedFamily(PAVLODAR, ORDER_YEAR, 2, "2079-01-10");
    expect(await refusalOf(join(pavlodarCoordinator, lapsed, ORDER_YEAR))).toEqual({
      code: "waitlist.errors.statusNotValid",
      values: { date: { date: expect.any(Date) } },
    });
    expect(await prisma.waitlistEntry.count({ where: { familyId: lapsed.id } })).toBe(0);
  });

  // Each waitlist function stays within the coordinator's region and away from caseworkers and analysts.
  crossRegionTest(
    addToWaitlist,
    "puts no family of another region on the list, lets no caseworker or analyst add, and audits the attempt",
    async () => {
      await expect(join(akmolaCoordinator, late, ORDER_YEAR)).rejects.toThrow(NOT_FOUND);
      for (const actor of [caseworker, analyst]) await expect(join(actor, late, ORDER_YEAR)).rejects.toThrow(FORBIDDEN);
      expect(await prisma.waitlistEntry.count({ where: { familyId: late.id } })).toBe(1);
      expect(
        await prisma.auditLog.count({
          where: { action: "quota.waitlist.add.denied", actorId: akmolaCoordinator.id, entityId: String(late.id) },
        }),
      ).toBe(1);
    },
  );

  crossRegionTest(
    listWaitlist,
    "shows no other region's list and none to caseworkers or analysts, and audits the attempt",
    async () => {
      await expect(
        listWaitlist(akmolaCoordinator, { year: ORDER_YEAR, regionId: PAVLODAR, pool: "KANDAS" }),
      ).rejects.toThrow(NOT_FOUND);
      for (const actor of [caseworker, analyst]) {
        await expect(listWaitlist(actor, { year: ORDER_YEAR, regionId: PAVLODAR, pool: "KANDAS" })).rejects.toThrow(
          FORBIDDEN,
        );
      }
      expect(
        await prisma.auditLog.count({ where: { action: "quota.waitlist.view.denied", actorId: akmolaCoordinator.id } }),
      ).toBe(1);
      // The own region's list holds none of Pavlodar's families; Pavlodar's is still whole.
      const akmolaList = await listWaitlist(akmolaCoordinator, { year: ORDER_YEAR, regionId: AKMOLA, pool: "KANDAS" });
      expect(akmolaList.entries).toEqual([]);
      expect((await listed(ORDER_YEAR, admin)).entries).toHaveLength(3);
    },
  );

  crossRegionTest(
    waitlistPlace,
    "tells only the family's own coordinator and the administrator where it waits",
    async () => {
      await expect(waitlistPlace(akmolaCoordinator, late.id)).rejects.toThrow(NOT_FOUND);
      for (const actor of [caseworker, analyst]) await expect(waitlistPlace(actor, late.id)).rejects.toThrow(FORBIDDEN);
      expect(await waitlistPlace(pavlodarCoordinator, late.id)).toMatchObject({ year: ORDER_YEAR });
    },
  );

  crossRegionTest(
    removeFromWaitlist,
    "takes no family of another region off the list and lets no caseworker or analyst remove",
    async () => {
      await expect(removeFromWaitlist(akmolaCoordinator, { familyId: late.id, year: ORDER_YEAR })).rejects.toThrow(
        NOT_FOUND,
      );
      for (const actor of [caseworker, analyst]) {
        await expect(removeFromWaitlist(actor, { familyId: late.id, year: ORDER_YEAR })).rejects.toThrow(FORBIDDEN);
      }
      expect(await prisma.waitlistEntry.count({ where: { familyId: late.id } })).toBe(1);
    },
  );

  it("audits every addition and every view with region, year, pool and persons", async () => {
    const entry = await prisma.waitlistEntry.findUniqueOrThrow({
      where: { familyId_year: { familyId: early.id, year: ORDER_YEAR } },
    });
    const added = await prisma.auditLog.findFirstOrThrow({
      where: { action: "quota.waitlist.add", entityId: String(entry.id) },
    });
    expect(added).toMatchObject({ actorId: pavlodarCoordinator.id, regionId: PAVLODAR, entity: "waitlist_entry" });
    expect(added.changes).toMatchObject({ familyId: early.id, year: ORDER_YEAR, pool: "KANDAS", persons: 3 });
    const viewed = await prisma.auditLog.findFirstOrThrow({
      where: { action: "quota.waitlist.view", actorId: pavlodarCoordinator.id },
      orderBy: { id: "desc" },
    });
    expect(viewed).toMatchObject({ regionId: PAVLODAR });
    expect(viewed.changes).toMatchObject({
      year: ORDER_YEAR,
      pool: "KANDAS",
      families: [early.id, late.id, lateAgain.id],
    });
  });

  it("does not count a family holding an active allocation of the year as waiting, whatever its status", async () => {
    // Not reachable through the workflow (allocation moves the case on); the definition must hold anyway.
    const quota = await prisma.quota.findUniqueOrThrow({
      where: { year_regionId_pool: { year: ORDER_YEAR, regionId: PAVLODAR, pool: "KANDAS" } },
    });
    await prisma.allocation.create({
      data: { quotaId: quota.id, familyId: lateAgain.id, year: ORDER_YEAR, persons: 1, createdById: admin.id },
    });
    expect((await listed(ORDER_YEAR)).entries.map((row) => row.familyId)).toEqual([early.id, late.id]);
    expect(await waitlistPlace(pavlodarCoordinator, lateAgain.id)).toBeNull();
    expect(await waitlistPlace(pavlodarCoordinator, late.id)).toMatchObject({ position: 2, length: 2 });
  });
});

describe("after places are released", () => {
  const held: Family[] = [];
  let big: Family;
  let three: Family;
  let one: Family;
  let two: Family;

  beforeAll(async () => {
    await order(RELEASE_YEAR, [{ regionId: PAVLODAR, total: 10 }]);
    held.push(
      await approvedFamily(PAVLODAR, RELEASE_YEAR, 4, "2081-01-10"),
      await approvedFamily(PAVLODAR, RELEASE_YEAR, 6, "2081-01-11"),
    );
    for (const family of held) await allocate(family, RELEASE_YEAR);
    big = await approvedFamily(PAVLODAR, RELEASE_YEAR, 5, "2081-02-01");
    three = await approvedFamily(PAVLODAR, RELEASE_YEAR, 3, "2081-03-01");
    one = await approvedFamily(PAVLODAR, RELEASE_YEAR, 1, "2081-04-01");
    two = await approvedFamily(PAVLODAR, RELEASE_YEAR, 2, "2081-05-01");
    for (const family of [big, three, one, two]) await join(pavlodarCoordinator, family, RELEASE_YEAR);
  });

  it("marks nobody while the pool is full", async () => {
    const waitlist = await listed(RELEASE_YEAR);
    expect(waitlist.entries.map((row) => row.familyId)).toEqual([big.id, three.id, one.id, two.id]);
    expect(waitlist.entries.some((row) => row.fitsNow)).toBe(false);
  });

  it("marks exactly the next families that fit into the released places, skipping one too big", async () => {
    const withdrawn = await withdraw(held[0]!, RELEASE_YEAR);
    expect(withdrawn.released).toEqual([{ year: RELEASE_YEAR, persons: 4 }]);
    const waitlist = await listed(RELEASE_YEAR);
    expect(waitlist.quota).toEqual({ total: 10, allocated: 6, remaining: 4, exists: true });
    // 4 places: the family of 5 does not fit and keeps position 1; 3 + 1 fit; nothing is left for 2.
    expect(waitlist.entries.map((row) => [row.familyId, row.places, row.fitsNow])).toEqual([
      [big.id, 5, false],
      [three.id, 3, true],
      [one.id, 1, true],
      [two.id, 2, false],
    ]);
  });

  it("takes an allocated family off the waitlist and keeps the quota counts consistent", async () => {
    const row = (await listed(RELEASE_YEAR)).entries.find((entry) => entry.familyId === three.id)!;
    const result = await transitionFamily(
      pavlodarCoordinator,
      { familyId: three.id, version: row.version, to: "QUOTA_ALLOCATED" },
      { now: dayIn(RELEASE_YEAR) },
    );
    expect(result.allocation).toEqual({ year: RELEASE_YEAR, persons: 3 });
    three.version = result.version;

    expect(await quotaState(RELEASE_YEAR)).toEqual({ total: 10, allocated: 9, activePersons: 9 });
    const waitlist = await listed(RELEASE_YEAR);
    expect(waitlist.quota.remaining).toBe(1);
    expect(waitlist.entries.map((entry) => [entry.position, entry.familyId, entry.fitsNow])).toEqual([
      [1, big.id, false],
      [2, one.id, true],
      [3, two.id, false],
    ]);
    expect(await waitlistPlace(pavlodarCoordinator, three.id)).toBeNull();
    // The entry itself stays as history; the definition no longer counts it.
    expect(await prisma.waitlistEntry.count({ where: { familyId: three.id, year: RELEASE_YEAR } })).toBe(1);
  });

  it("drops a waiting family that withdraws, and one the coordinator removes", async () => {
    await withdraw(one, RELEASE_YEAR);
    expect((await listed(RELEASE_YEAR)).entries.map((entry) => entry.familyId)).toEqual([big.id, two.id]);
    expect(await waitlistPlace(pavlodarCoordinator, two.id)).toMatchObject({ position: 2, length: 2 });

    expect(await removeFromWaitlist(pavlodarCoordinator, { familyId: two.id, year: RELEASE_YEAR })).toEqual({
      isRemoved: true,
    });
    expect(await removeFromWaitlist(pavlodarCoordinator, { familyId: two.id, year: RELEASE_YEAR })).toEqual({
      isRemoved: false,
    });
    expect((await listed(RELEASE_YEAR)).entries.map((entry) => entry.familyId)).toEqual([big.id]);
    expect(await waitlistPlace(pavlodarCoordinator, big.id)).toMatchObject({ position: 1, length: 1 });
    expect(await waitlistPlace(pavlodarCoordinator, two.id)).toBeNull();
    const removed = await prisma.auditLog.findMany({
      where: { action: "quota.waitlist.remove", actorId: pavlodarCoordinator.id },
    });
    expect(removed).toHaveLength(1);
    expect(removed[0]?.changes).toMatchObject({ familyId: two.id, year: RELEASE_YEAR, pool: "KANDAS" });

    // The released places are audited on the quota, and the counts still add up.
    expect(
      await prisma.auditLog.count({
        where: { action: "quota.release", changes: { path: ["familyId"], equals: held[0]!.id } },
      }),
    ).toBe(1);
    expect(await quotaState(RELEASE_YEAR)).toEqual({ total: 10, allocated: 9, activePersons: 9 });
  });
});

describe("a year without a quota", () => {
  it("lets an approved family wait, with no places to give", async () => {
    const family = await approvedFamily(AKMOLA, NO_QUOTA_YEAR, 2, "2082-02-01");
    const entry = await join(akmolaCoordinator, family, NO_QUOTA_YEAR);
    expect(entry).toMatchObject({ year: NO_QUOTA_YEAR, isNew: true });
    const waitlist = await listWaitlist(
      akmolaCoordinator,
      { year: NO_QUOTA_YEAR, regionId: AKMOLA, pool: "KANDAS" },
      { now: dayIn(NO_QUOTA_YEAR) },
    );
    expect(waitlist.quota).toEqual({ total: 0, allocated: 0, remaining: 0, exists: false });
    expect(waitlist.entries.map((row) => [row.familyId, row.fitsNow])).toEqual([[family.id, false]]);
    // A past year's list is for reading: allocation always takes the current year's places.
    expect(
      (
        await listWaitlist(
          akmolaCoordinator,
          { year: NO_QUOTA_YEAR, regionId: AKMOLA, pool: "KANDAS" },
          { now: dayIn(NO_QUOTA_YEAR + 1) },
        )
      ).isCurrentYear,
    ).toBe(false);
  });
});
