// Transfers between regions (issue 15) on a real PostgreSQL: only the family's region proposes and only
// the target region decides; acceptance moves the quota places, the region and the scope in one
// transaction; and transfers racing with ordinary allocations never push a quota past its total, every
// place accounted for (modelled on the allocation race of quotas.int.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getFamily } from "@/lib/db/families/get-family";
import { allocateQuotaPlaces } from "@/lib/db/quotas/allocate";
import {
  acceptTransfer,
  declineTransfer,
  familyTransfers,
  listTransfers,
  proposeTransfer,
  withdrawTransfer,
} from "@/lib/db/transfers/transfers";
import { getCoordinatorWork } from "@/lib/db/work/my-work";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { crossRegionTest } from "./cross-region";
import {
  AKMOLA,
  createQuotaStaff,
  createStaffUser,
  insertQuotaOrder,
  PAVLODAR,
  prisma,
  type StaffActor,
} from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

// Years no other test file uses.
const RACE_YEAR = 2076;
const YEAR = 2072;
const KOSTANAY = "KZ-39";
const dayIn = (year: number) => new Date(Date.UTC(year, 5, 1));
// 100 transactions share the pool of DATABASE_POOL_SIZE connections: waiting for a connection is not
// what this test is about (as in quotas.int.test.ts).
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 15_000 };

let admin: StaffActor;
let caseworker: StaffActor;
let akmolaCaseworker: StaffActor;
let pavlodarCoordinator: StaffActor;
let akmolaCoordinator: StaffActor;
let kostanayCoordinator: StaffActor;
let akmolaDistrict: number;
let pavlodarDistrict: number;

async function district(regionId: string, nameEn: string) {
  const row = await prisma.district.upsert({
    where: { regionId_nameEn: { regionId, nameEn } },
    create: { regionId, nameEn, nameKk: nameEn, nameRu: nameEn },
    update: {},
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  ({ admin, caseworker, pavlodarCoordinator, akmolaCoordinator } = await createQuotaStaff(prisma));
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  kostanayCoordinator = await createStaffUser(prisma, "COORDINATOR", KOSTANAY);
  akmolaDistrict = await district(AKMOLA, "Akkol District");
  pavlodarDistrict = await district(PAVLODAR, "Aksu City");
});

let caseSequence = 300_000 + Math.floor(Math.random() * 100_000);

/** Kandas families of the given sizes in a region, with a status valid through the year. */
async function families(regionId: string, year: number, sizes: number[], status: "APPROVED" | "QUOTA_ALLOCATED") {
  const caseNumbers = sizes.map(() => formatCaseNumber(year, ++caseSequence));
  await prisma.family.createMany({
    data: caseNumbers.map((caseNumber) => ({
      caseNumber,
      category: "KANDAS" as const,
      originCountry: "UZ",
      status,
      targetRegionId: regionId,
      applicationDate: new Date(Date.UTC(year, 0, 15)),
      decisionNumber: "T-1",
      decisionDate: new Date(Date.UTC(year, 0, 20)),
      statusValidUntil: new Date(Date.UTC(year, 11, 31)),
      version: 2,
      createdById: caseworker.id,
      assignedToId: caseworker.id,
      updatedById: caseworker.id,
    })),
  });
  const rows = await prisma.family.findMany({
    where: { caseNumber: { in: caseNumbers } },
    select: { id: true, caseNumber: true, category: true, targetRegionId: true, statusValidUntil: true },
  });
  const sizeOf = new Map(caseNumbers.map((caseNumber, index) => [caseNumber, sizes[index]!]));
  await prisma.person.createMany({
    data: rows.flatMap((family) =>
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
  return rows.map((family) => ({ ...family, size: sizeOf.get(family.caseNumber)! }));
}

type Family = Awaited<ReturnType<typeof families>>[number];

async function quota(year: number, regionId: string, total: number) {
  const order = await insertQuotaOrder(prisma, year, admin.id);
  return prisma.quota.upsert({
    where: { year_regionId_pool: { year, regionId, pool: "KANDAS" } },
    create: { year, regionId, pool: "KANDAS", total, orderId: order.id },
    update: {},
  });
}

/** The real allocation path, as transitionFamily runs it. */
function allocate(actor: StaffActor, family: Family, year: number) {
  return db().$transaction((tx) => allocateQuotaPlaces(actor, tx, family, dayIn(year)), TRANSACTION_OPTIONS);
}

async function quotaState(quotaId: number) {
  const row = await prisma.quota.findUniqueOrThrow({ where: { id: quotaId } });
  const active = await prisma.allocation.aggregate({
    where: { quotaId, status: "ACTIVE" },
    _sum: { persons: true },
  });
  return { total: row.total, allocated: row.allocated, activePersons: active._sum.persons ?? 0 };
}

const propose = (actor: StaffActor, family: { id: number }, toRegionId = AKMOLA, toDistrictId = akmolaDistrict) =>
  proposeTransfer(actor, { familyId: family.id, toRegionId, toDistrictId, reason: "Работа в новом регионе" });

describe("proposing a transfer", () => {
  crossRegionTest(proposeTransfer, "only the family's region proposes; others are refused as not found", async () => {
    const [family] = await families(PAVLODAR, YEAR, [2], "APPROVED");
    await expect(propose(akmolaCoordinator, family!)).rejects.toThrow(NOT_FOUND);
    await expect(propose(caseworker, family!)).rejects.toThrow(FORBIDDEN);
    const denied = await prisma.auditLog.count({
      where: { action: "family.transfer.propose.denied", actorId: akmolaCoordinator.id, entityId: String(family!.id) },
    });
    expect(denied).toBe(1);
    expect(await prisma.familyTransfer.count({ where: { familyId: family!.id } })).toBe(0);

    const { transferId } = await propose(pavlodarCoordinator, family!);
    const stored = await prisma.familyTransfer.findUniqueOrThrow({ where: { id: transferId } });
    expect(stored).toMatchObject({ fromRegionId: PAVLODAR, toRegionId: AKMOLA, status: "PENDING" });
    expect(
      await prisma.auditLog.count({ where: { action: "family.transfer.propose", entityId: String(family!.id) } }),
    ).toBe(1);
  });

  it("refuses a second open transfer of the same family, and allows a new one after a decline", async () => {
    const [family] = await families(PAVLODAR, YEAR, [1], "APPROVED");
    const first = await propose(pavlodarCoordinator, family!);
    await expect(propose(pavlodarCoordinator, family!)).rejects.toThrow(/transfers\.errors\.alreadyOpen/);
    await expect(propose(pavlodarCoordinator, family!, KOSTANAY, akmolaDistrict)).rejects.toThrow(
      /transfers\.errors\.alreadyOpen/,
    );
    await declineTransfer(akmolaCoordinator, { transferId: first.transferId, reason: "Нет жилья" });
    await expect(propose(pavlodarCoordinator, family!)).resolves.toMatchObject({ transferId: expect.any(Number) });
  });

  it("refuses the own region, a district of another region and a case that has arrived", async () => {
    const [family] = await families(PAVLODAR, YEAR, [1], "APPROVED");
    await expect(propose(pavlodarCoordinator, family!, PAVLODAR, pavlodarDistrict)).rejects.toThrow(
      /transfers\.errors\.sameRegion/,
    );
    await expect(propose(pavlodarCoordinator, family!, AKMOLA, pavlodarDistrict)).rejects.toThrow(
      /transfers\.errors\.districtNotInRegion/,
    );
    await prisma.family.update({ where: { id: family!.id }, data: { status: "RESETTLED" } });
    await expect(propose(pavlodarCoordinator, family!)).rejects.toThrow(/transfers\.errors\.notTransferable/);
  });
});

describe("deciding a transfer", () => {
  crossRegionTest(declineTransfer, "only the target region declines; the case stays where it was", async () => {
    const [family] = await families(PAVLODAR, YEAR, [2], "APPROVED");
    const { transferId } = await propose(pavlodarCoordinator, family!);
    for (const actor of [pavlodarCoordinator, kostanayCoordinator]) {
      await expect(declineTransfer(actor, { transferId, reason: "нет" })).rejects.toThrow(NOT_FOUND);
    }
    await expect(declineTransfer(caseworker, { transferId, reason: "нет" })).rejects.toThrow(FORBIDDEN);
    await declineTransfer(akmolaCoordinator, { transferId, reason: "Нет свободного жилья" });

    const stored = await prisma.familyTransfer.findUniqueOrThrow({ where: { id: transferId } });
    expect(stored).toMatchObject({ status: "DECLINED", declineReason: "Нет свободного жилья" });
    expect((await getFamily(caseworker, family!.id)).targetRegion.id).toBe(PAVLODAR);
    await expect(acceptTransfer(akmolaCoordinator, { transferId })).rejects.toThrow(
      /transfers\.errors\.alreadyDecided/,
    );
    const [listed] = (await listTransfers(pavlodarCoordinator)).filter((row) => row.id === transferId);
    expect(listed).toMatchObject({ status: "DECLINED", declineReason: "Нет свободного жилья", canDecide: false });
  });

  crossRegionTest(
    acceptTransfer,
    "only the target region accepts; the places, region and scope move together",
    async () => {
      await quota(YEAR, PAVLODAR, 100);
      const akmolaQuota = await quota(YEAR, AKMOLA, 100);
      const [family] = await families(PAVLODAR, YEAR, [3], "QUOTA_ALLOCATED");
      const allocation = await allocate(pavlodarCoordinator, family!, YEAR);
      const pavlodarBefore = await quotaState(allocation.quotaId);
      const akmolaBefore = await quotaState(akmolaQuota.id);
      const { transferId } = await propose(pavlodarCoordinator, family!);

      for (const actor of [pavlodarCoordinator, kostanayCoordinator]) {
        await expect(acceptTransfer(actor, { transferId })).rejects.toThrow(NOT_FOUND);
      }
      await expect(acceptTransfer(akmolaCaseworker, { transferId })).rejects.toThrow(FORBIDDEN);

      const result = await acceptTransfer(akmolaCoordinator, { transferId });
      expect(result.places).toEqual([{ year: YEAR, persons: 3, outcome: "allocated" }]);
      expect(result.status).toBe("QUOTA_ALLOCATED");
      expect((await quotaState(allocation.quotaId)).allocated).toBe(pavlodarBefore.allocated - 3);
      expect((await quotaState(akmolaQuota.id)).allocated).toBe(akmolaBefore.allocated + 3);
      const moved = await prisma.allocation.findUniqueOrThrow({ where: { id: allocation.allocationId } });
      expect(moved).toMatchObject({ quotaId: akmolaQuota.id, status: "ACTIVE", persons: 3 });

      // The source region loses the case; the target region has it with its transfer.
      await expect(getFamily(caseworker, family!.id)).rejects.toThrow(NOT_FOUND);
      await expect(getFamily(pavlodarCoordinator, family!.id)).rejects.toThrow(NOT_FOUND);
      const seen = await getFamily(akmolaCaseworker, family!.id);
      expect(seen.targetRegion.id).toBe(AKMOLA);
      expect(seen.targetDistrict?.id).toBe(akmolaDistrict);
      expect((await familyTransfers(akmolaCaseworker, family!.id)).map((row) => row.status)).toEqual(["ACCEPTED"]);
      // Nobody of the source region holds the case any more: the target's coordinator assigns it.
      const assignment = await prisma.family.findUniqueOrThrow({
        where: { id: family!.id },
        select: { assignedToId: true },
      });
      expect(assignment.assignedToId).toBeNull();
      // …but the source coordinator keeps the transfer record.
      const [listed] = (await listTransfers(pavlodarCoordinator)).filter((row) => row.id === transferId);
      expect(listed).toMatchObject({ status: "ACCEPTED", canOpenCase: false, canDecide: false });
      const audited = await prisma.auditLog.findMany({
        where: { action: "family.transfer.accept", entityId: String(family!.id) },
        select: { regionId: true },
      });
      expect(audited.map((entry) => entry.regionId).sort()).toEqual([AKMOLA, PAVLODAR].sort());
    },
  );

  it("puts the family on the target waitlist when the target pool has no room, and says so in the history", async () => {
    const year = YEAR + 1;
    await quota(year, PAVLODAR, 10);
    const full = await quota(year, AKMOLA, 2);
    const [family] = await families(PAVLODAR, year, [3], "QUOTA_ALLOCATED");
    const allocation = await allocate(pavlodarCoordinator, family!, year);
    const { transferId } = await propose(pavlodarCoordinator, family!);
    const result = await acceptTransfer(akmolaCoordinator, { transferId });

    expect(result).toMatchObject({ status: "APPROVED", places: [{ year, persons: 3, outcome: "waitlisted" }] });
    expect((await quotaState(allocation.quotaId)).allocated).toBe(0);
    expect((await quotaState(full.id)).allocated).toBe(0);
    expect(await prisma.waitlistEntry.count({ where: { familyId: family!.id, year } })).toBe(1);
    const events = await prisma.caseEvent.findMany({ where: { familyId: family!.id } });
    expect(events).toMatchObject([{ fromStatus: "QUOTA_ALLOCATED", toStatus: "APPROVED" }]);
  });
});

describe("withdrawing a transfer", () => {
  crossRegionTest(
    withdrawTransfer,
    "only the proposer withdraws a pending transfer; the record stays in both regions' history",
    async () => {
      const [family] = await families(PAVLODAR, YEAR, [2], "APPROVED");
      const { transferId } = await propose(pavlodarCoordinator, family!);
      for (const actor of [akmolaCoordinator, kostanayCoordinator]) {
        await expect(withdrawTransfer(actor, { transferId })).rejects.toThrow(NOT_FOUND);
      }
      await expect(withdrawTransfer(caseworker, { transferId })).rejects.toThrow(FORBIDDEN);
      const colleague = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
      await expect(withdrawTransfer(colleague, { transferId })).rejects.toThrow(/transfers\.errors\.notProposer/);
      const [offered] = (await listTransfers(pavlodarCoordinator)).filter((row) => row.id === transferId);
      expect(offered).toMatchObject({ canWithdraw: true, canDecide: false });
      expect((await familyTransfers(pavlodarCoordinator, family!.id))[0]).toMatchObject({ canWithdraw: true });

      await withdrawTransfer(pavlodarCoordinator, { transferId });
      expect(await prisma.familyTransfer.findUniqueOrThrow({ where: { id: transferId } })).toMatchObject({
        status: "WITHDRAWN",
        decidedById: pavlodarCoordinator.id,
      });
      for (const actor of [pavlodarCoordinator, akmolaCoordinator]) {
        const [listed] = (await listTransfers(actor)).filter((row) => row.id === transferId);
        expect(listed).toMatchObject({ status: "WITHDRAWN", canDecide: false, canWithdraw: false });
      }
      const audited = await prisma.auditLog.findMany({
        where: { action: "family.transfer.withdraw", entityId: String(family!.id) },
        select: { regionId: true },
      });
      expect(audited.map((entry) => entry.regionId).sort()).toEqual([AKMOLA, PAVLODAR].sort());
      await expect(acceptTransfer(akmolaCoordinator, { transferId })).rejects.toThrow(
        /transfers\.errors\.alreadyDecided/,
      );
      await expect(withdrawTransfer(pavlodarCoordinator, { transferId })).rejects.toThrow(
        /transfers\.errors\.alreadyDecided/,
      );
      // The family may be proposed again.
      await expect(propose(pavlodarCoordinator, family!)).resolves.toMatchObject({ transferId: expect.any(Number) });
    },
  );

  it("lists the pending transfer on both coordinators' homes, incoming for the target, outgoing for the source", async () => {
    const [family] = await families(PAVLODAR, YEAR, [1], "APPROVED");
    const { transferId } = await propose(pavlodarCoordinator, family!);
    const expected = expect.objectContaining({ id: transferId, familyId: family!.id, caseNumber: family!.caseNumber });
    const source = (await getCoordinatorWork(pavlodarCoordinator)).transfers;
    const target = (await getCoordinatorWork(akmolaCoordinator)).transfers;
    expect(source.outgoing).toContainEqual(expected);
    expect(source.incoming.map((row) => row.id)).not.toContain(transferId);
    expect(target.incoming).toContainEqual(expected);
    expect(target.outgoing.map((row) => row.id)).not.toContain(transferId);
    expect((await getCoordinatorWork(kostanayCoordinator)).transfers.incoming.map((row) => row.id)).not.toContain(
      transferId,
    );
    await withdrawTransfer(pavlodarCoordinator, { transferId });
    expect((await getCoordinatorWork(akmolaCoordinator)).transfers.incoming.map((row) => row.id)).not.toContain(
      transferId,
    );
  });
});

describe("reading transfers", () => {
  crossRegionTest(listTransfers, "each region lists its own transfers; caseworkers are refused", async () => {
    const [family] = await families(PAVLODAR, YEAR, [1], "APPROVED");
    const { transferId } = await propose(pavlodarCoordinator, family!);
    const ids = async (actor: StaffActor) => (await listTransfers(actor)).map((row) => row.id);
    expect(await ids(pavlodarCoordinator)).toContain(transferId);
    expect(await ids(akmolaCoordinator)).toContain(transferId);
    expect(await ids(admin)).toContain(transferId);
    expect(await ids(kostanayCoordinator)).not.toContain(transferId);
    await expect(listTransfers(caseworker)).rejects.toThrow(FORBIDDEN);
    const [row] = (await listTransfers(akmolaCoordinator)).filter((item) => item.id === transferId);
    expect(row).toMatchObject({ canDecide: true, canOpenCase: false, caseNumber: family!.caseNumber });
  });

  crossRegionTest(familyTransfers, "another region's family is not found", async () => {
    const [family] = await families(PAVLODAR, YEAR, [1], "APPROVED");
    await propose(pavlodarCoordinator, family!);
    expect(await familyTransfers(caseworker, family!.id)).toHaveLength(1);
    await expect(familyTransfers(akmolaCaseworker, family!.id)).rejects.toThrow(NOT_FOUND);
  });
});

describe("concurrent transfers and allocations", () => {
  it("never exceed the target pool: 100 simultaneous acceptances and allocations, every place accounted for", async () => {
    const pavlodarQuota = await quota(RACE_YEAR, PAVLODAR, 500);
    const akmolaQuota = await quota(RACE_YEAR, AKMOLA, 30);
    const size = (index: number) => (index % 3) + 1;
    // 40 Pavlodar families move to Akmola, 10 Akmola families move the other way (both directions at
    // once must not deadlock), and 50 Akmola families ask for places of the small Akmola pool.
    const toAkmola = await families(
      PAVLODAR,
      RACE_YEAR,
      Array.from({ length: 40 }, (_, i) => size(i)),
      "QUOTA_ALLOCATED",
    );
    const toPavlodar = await families(
      AKMOLA,
      RACE_YEAR,
      Array.from({ length: 10 }, () => 1),
      "QUOTA_ALLOCATED",
    );
    const waiting = await families(
      AKMOLA,
      RACE_YEAR,
      Array.from({ length: 50 }, (_, i) => size(i)),
      "APPROVED",
    );
    for (const family of toAkmola) await allocate(pavlodarCoordinator, family, RACE_YEAR);
    for (const family of toPavlodar) await allocate(akmolaCoordinator, family, RACE_YEAR);
    const pavlodarStart = (await quotaState(pavlodarQuota.id)).allocated;
    const akmolaStart = (await quotaState(akmolaQuota.id)).allocated;
    expect(akmolaStart).toBe(10);

    const proposals = [
      ...(await Promise.all(toAkmola.map((family) => propose(pavlodarCoordinator, family)))).map((p, index) => ({
        ...p,
        family: toAkmola[index]!,
        decider: akmolaCoordinator,
      })),
    ];
    for (const family of toPavlodar) {
      const proposal = await propose(akmolaCoordinator, family, PAVLODAR, pavlodarDistrict);
      proposals.push({ ...proposal, family, decider: pavlodarCoordinator });
    }

    const attempts = [
      ...proposals.map((proposal) =>
        acceptTransfer(
          proposal.decider,
          { transferId: proposal.transferId },
          { transaction: TRANSACTION_OPTIONS },
        ).then((result) => ({
          kind: "transfer" as const,
          proposal,
          result,
        })),
      ),
      ...waiting.map((family) =>
        allocate(akmolaCoordinator, family, RACE_YEAR).then(
          (result) => ({ kind: "allocation" as const, family, persons: result.persons }),
          (error: unknown) => ({ kind: "refused" as const, family, error }),
        ),
      ),
    ].sort(() => Math.random() - 0.5);
    const outcomes = await Promise.all(attempts);

    const transfers = outcomes.flatMap((outcome) => (outcome.kind === "transfer" ? [outcome] : []));
    const granted = outcomes.flatMap((outcome) => (outcome.kind === "allocation" ? [outcome] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.kind === "refused" ? [outcome] : []));
    expect(transfers).toHaveLength(50);
    expect(granted.length + refused.length).toBe(50);
    for (const outcome of refused) expect(String(outcome.error)).toMatch(/workflow\.errors\.noPlacesLeft/);

    const placesOf = (direction: "A" | "P", outcome: "allocated" | "waitlisted") =>
      transfers
        .filter((t) => (t.proposal.decider === akmolaCoordinator ? "A" : "P") === direction)
        .flatMap((t) => t.result.places)
        .filter((place) => place.outcome === outcome)
        .reduce((sum, place) => sum + place.persons, 0);
    const movedToAkmola = toAkmola.reduce((sum, family) => sum + family.size, 0);
    const movedToPavlodar = toPavlodar.length;
    // Every released place lands somewhere: allocated in the target or the family waits there.
    expect(placesOf("A", "allocated") + placesOf("A", "waitlisted")).toBe(movedToAkmola);
    expect(placesOf("P", "allocated")).toBe(movedToPavlodar);

    const akmola = await quotaState(akmolaQuota.id);
    const pavlodar = await quotaState(pavlodarQuota.id);
    expect(akmola.allocated).toBeLessThanOrEqual(30);
    expect(akmola.allocated).toBe(akmola.activePersons);
    expect(pavlodar.allocated).toBe(pavlodar.activePersons);
    expect(akmola.allocated).toBe(
      akmolaStart - movedToPavlodar + placesOf("A", "allocated") + granted.reduce((sum, g) => sum + g.persons, 0),
    );
    expect(pavlodar.allocated).toBe(pavlodarStart - movedToAkmola + movedToPavlodar);
    // The race is real: the small pool filled up and somebody had to wait or was refused.
    expect(placesOf("A", "waitlisted") + refused.length).toBeGreaterThan(0);

    for (const { proposal, result } of transfers) {
      const family = await prisma.family.findUniqueOrThrow({
        where: { id: proposal.family.id },
        select: { targetRegionId: true, status: true },
      });
      expect(family.targetRegionId).toBe(proposal.decider === akmolaCoordinator ? AKMOLA : PAVLODAR);
      const waitlisted = result.places.some((place) => place.outcome === "waitlisted");
      expect(family.status).toBe(waitlisted ? "APPROVED" : "QUOTA_ALLOCATED");
      expect(await prisma.waitlistEntry.count({ where: { familyId: proposal.family.id, year: RACE_YEAR } })).toBe(
        waitlisted ? 1 : 0,
      );
      expect(await prisma.allocation.count({ where: { familyId: proposal.family.id, status: "ACTIVE" } })).toBe(
        waitlisted ? 0 : 1,
      );
    }
  }, 120_000);
});
