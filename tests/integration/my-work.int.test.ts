// Ownership and work queues on a real PostgreSQL: My work's groups and tasks, the coordinator's work, the
// task rules (run twice, created once), reassignment of one case or all of a person's, and every refusal.
import { beforeAll, describe, expect, it } from "vitest";
import {
  countOpenCasesOf,
  getCaseAssignment,
  listAssignableCaseworkers,
  reassignAllCases,
  reassignCase,
} from "@/lib/db/work/assignment";
import { getCoordinatorWork, getMyWork } from "@/lib/db/work/my-work";
import { completeTask, createTask, listCaseTasks, runTaskRules } from "@/lib/db/work/tasks";
import { documentChecklist } from "@/lib/domain/documents";
import { programmeToday } from "@/lib/domain/status-validity";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

let caseworker: StaffActor;
let otherCaseworker: StaffActor;
let coordinator: StaffActor;
let akmolaCaseworker: StaffActor;
let akmolaCoordinator: StaffActor;
let analyst: StaffActor;

const today = programmeToday();
const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000);

/** A Pavlodar family assigned to `owner`, as registration leaves it. */
async function ownFamily(owner: StaffActor, status: "REGISTERED" | "UNDER_REVIEW" = "REGISTERED") {
  const family = await createFamily(prisma, PAVLODAR, owner.id, status);
  await prisma.family.update({ where: { id: family.id }, data: { assignedToId: owner.id } });
  return family;
}

async function receiveEveryDocument(familyId: number) {
  const family = await prisma.family.findUniqueOrThrow({
    where: { id: familyId },
    select: { category: true, members: { select: { id: true } } },
  });
  await prisma.document.createMany({
    data: documentChecklist(family.category, family.members).map((item) => ({
      familyId,
      personId: item.personId,
      kind: item.kind,
      status: "RECEIVED" as const,
    })),
  });
}

const itemOf = (work: Awaited<ReturnType<typeof getMyWork>>, familyId: number) =>
  Object.entries(work.groups).flatMap(([group, items]) =>
    items.filter((item) => item.familyId === familyId).map((item) => ({ group, ...item })),
  );

async function refusalCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return (error as { code?: string } | null)?.code;
}

beforeAll(async () => {
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  otherCaseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  analyst = await createStaffUser(prisma, "ANALYST");
});

describe("My work", () => {
  it("lists a new case under documents missing, then ready for review once every document is received", async () => {
    const family = await ownFamily(caseworker);
    // A kandas family of one: application, autobiography, identity document and translation, nationality proof.
    expect(itemOf(await getMyWork(caseworker), family.id)).toEqual([
      expect.objectContaining({ group: "documentsMissing", missing: 5, overdue: false }),
    ]);
    await receiveEveryDocument(family.id);
    expect(itemOf(await getMyWork(caseworker), family.id)).toEqual([
      expect.objectContaining({ group: "readyForReview" }),
    ]);
    expect(itemOf(await getMyWork(otherCaseworker), family.id)).toEqual([]);
  });

  it("lists a status ending within 30 days and creates its extend-or-close task once", async () => {
    const family = await ownFamily(caseworker);
    await prisma.family.update({
      where: { id: family.id },
      data: { status: "APPROVED", statusValidUntil: inDays(10) },
    });
    await getMyWork(caseworker);
    const work = await getMyWork(caseworker);
    expect(itemOf(work, family.id)).toEqual([expect.objectContaining({ group: "statusExpiring", overdue: false })]);
    const tasks = await prisma.caseTask.findMany({ where: { familyId: family.id } });
    expect(tasks).toEqual([expect.objectContaining({ assigneeId: caseworker.id, dueDate: inDays(10) })]);
    expect(work.tasks).toContainEqual(expect.objectContaining({ familyId: family.id, dueDate: inDays(10) }));
    expect(
      await prisma.auditLog.count({
        where: { action: "task.create", entityId: String(tasks[0]!.id), entity: "case_task" },
      }),
    ).toBe(1);
  });

  it("lists the own open tasks overdue first", async () => {
    const family = await ownFamily(caseworker);
    const later = await createTask(caseworker, { familyId: family.id, title: "Call", dueDate: iso(inDays(5)) });
    const overdue = await createTask(caseworker, { familyId: family.id, title: "Visit", dueDate: iso(inDays(-2)) });
    const ids = (await getMyWork(caseworker)).tasks.map((task) => task.taskId);
    expect(ids.indexOf(overdue.id)).toBeLessThan(ids.indexOf(later.id));
    expect((await getMyWork(caseworker)).tasks.find((task) => task.taskId === overdue.id)?.overdue).toBe(true);
  });

  it("lists an arrived family's next support payment, a reversed payment counting as not paid", async () => {
    const family = await ownFamily(caseworker);
    await prisma.family.update({
      where: { id: family.id },
      data: { status: "RESETTLED", arrivalDate: inDays(-3) },
    });
    expect(itemOf(await getMyWork(caseworker), family.id)).toEqual([
      expect.objectContaining({
        group: "supportPaymentsDue",
        dueDate: inDays(-3),
        overdue: true,
        payment: { kind: "RELOCATION_SUBSIDY", month: null },
      }),
    ]);
    const paid = (kind: "RELOCATION_SUBSIDY" | "RENT_COMPENSATION", months: number | null) =>
      prisma.payment.create({
        data: { familyId: family.id, kind, amountTenge: 1000, paidOn: today, months, recordedById: caseworker.id },
      });
    await paid("RELOCATION_SUBSIDY", null);
    const rent = await paid("RENT_COMPENSATION", 1);
    await prisma.paymentReversal.create({
      data: { paymentId: rent.id, reason: "Paid twice", reversedById: coordinator.id },
    });
    expect(itemOf(await getMyWork(caseworker), family.id)).toEqual([
      expect.objectContaining({ group: "supportPaymentsDue", payment: { kind: "RENT_COMPENSATION", month: 1 } }),
    ]);
  });

  crossRegionTest(getMyWork, "lists only the actor's own cases in the own region", async () => {
    const family = await ownFamily(caseworker);
    expect(itemOf(await getMyWork(akmolaCaseworker), family.id)).toEqual([]);
    await expect(getMyWork(analyst)).rejects.toThrow(FORBIDDEN);
  });
});

const iso = (day: Date) => day.toISOString().slice(0, 10);

describe("the coordinator's work", () => {
  it("lists a review past its limit with its working days and a task for the coordinators", async () => {
    const family = await ownFamily(caseworker, "UNDER_REVIEW");
    const work = await getCoordinatorWork(coordinator);
    expect(work.decisions).toContainEqual(expect.objectContaining({ id: family.id, overdue: true }));
    expect(work.decisions.find((decision) => decision.id === family.id)!.workingDays).toBeGreaterThan(work.limit);
    expect(work.tasks).toContainEqual(expect.objectContaining({ familyId: family.id, ruleKey: "reviewOverdue" }));
    await runTaskRules(coordinator);
    expect(await prisma.caseTask.count({ where: { familyId: family.id, ruleKey: "reviewOverdue" } })).toBe(1);
  });

  it("counts the open cases of each caseworker of the region", async () => {
    const worker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    await ownFamily(worker);
    await ownFamily(worker);
    const closed = await ownFamily(worker);
    await prisma.family.update({ where: { id: closed.id }, data: { status: "WITHDRAWN" } });
    const work = await getCoordinatorWork(coordinator);
    expect(work.workload).toContainEqual({ id: worker.id, fullName: "Test CASEWORKER", isActive: true, openCases: 2 });
    expect(work.workload.map((person) => person.id)).not.toContain(akmolaCaseworker.id);
  });

  it("keeps a deactivated caseworker listed while they hold open cases, so that these can be moved on", async () => {
    const leaving = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const idle = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    await ownFamily(leaving);
    await prisma.user.updateMany({ where: { id: { in: [leaving.id, idle.id] } }, data: { isActive: false } });
    const workload = (await getCoordinatorWork(coordinator)).workload;
    expect(workload).toContainEqual(expect.objectContaining({ id: leaving.id, isActive: false, openCases: 1 }));
    expect(workload.map((person) => person.id)).not.toContain(idle.id);
  });

  crossRegionTest(getCoordinatorWork, "shows the own region's decisions only; a caseworker is refused", async () => {
    const family = await ownFamily(caseworker, "UNDER_REVIEW");
    expect((await getCoordinatorWork(akmolaCoordinator)).decisions.map((d) => d.id)).not.toContain(family.id);
    await expect(getCoordinatorWork(caseworker)).rejects.toThrow(FORBIDDEN);
  });

  crossRegionTest(runTaskRules, "creates tasks for the actor's region only", async () => {
    const family = await ownFamily(caseworker, "UNDER_REVIEW");
    await runTaskRules(akmolaCoordinator);
    expect(await prisma.caseTask.count({ where: { familyId: family.id } })).toBe(0);
    await expect(runTaskRules(analyst)).rejects.toThrow(FORBIDDEN);
  });
});

describe("reassignment", () => {
  it("moves a case between the caseworkers' My work, with history and audit", async () => {
    const family = await ownFamily(caseworker);
    expect(
      await reassignCase(coordinator, { familyId: family.id, toUserId: otherCaseworker.id, reason: "Leave" }),
    ).toEqual({ changed: true });
    expect(itemOf(await getMyWork(caseworker), family.id)).toEqual([]);
    expect(itemOf(await getMyWork(otherCaseworker), family.id)).toHaveLength(1);
    const assignment = await getCaseAssignment(coordinator, family.id);
    expect(assignment.assignedTo?.id).toBe(otherCaseworker.id);
    expect(assignment.history).toEqual([expect.objectContaining({ reason: "Leave" })]);
    const history = await prisma.caseAssignment.findMany({ where: { familyId: family.id } });
    expect(history).toEqual([
      expect.objectContaining({ fromUserId: caseworker.id, toUserId: otherCaseworker.id, actorId: coordinator.id }),
    ]);
    expect(
      await prisma.auditLog.findFirst({
        where: { action: "case.assign", entityId: String(family.id), actorId: coordinator.id },
      }),
    ).toMatchObject({ regionId: PAVLODAR, changes: { from: caseworker.id, to: otherCaseworker.id } });
    expect(
      await reassignCase(coordinator, { familyId: family.id, toUserId: otherCaseworker.id, reason: null }),
    ).toEqual({ changed: false });
  });

  it("refuses an assignee of another region, a non-caseworker and an inactive caseworker", async () => {
    const family = await ownFamily(caseworker);
    const inactive = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    await prisma.user.update({ where: { id: inactive.id }, data: { isActive: false } });
    for (const toUserId of [akmolaCaseworker.id, coordinator.id, inactive.id]) {
      expect(await refusalCode(reassignCase(coordinator, { familyId: family.id, toUserId, reason: null }))).toBe(
        "work.errors.notAssignable",
      );
    }
    expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).assignedToId).toBe(caseworker.id);
    expect(await prisma.caseAssignment.count({ where: { familyId: family.id } })).toBe(0);
  });

  crossRegionTest(reassignCase, "refuses another region's case and a caseworker", async () => {
    const family = await ownFamily(caseworker);
    await expect(
      reassignCase(akmolaCoordinator, { familyId: family.id, toUserId: akmolaCaseworker.id, reason: null }),
    ).rejects.toThrow(NOT_FOUND);
    await expect(
      reassignCase(caseworker, { familyId: family.id, toUserId: otherCaseworker.id, reason: null }),
    ).rejects.toThrow(FORBIDDEN);
  });

  crossRegionTest(reassignAllCases, "moves the open cases of the own region only", async () => {
    const leaving = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const open = await ownFamily(leaving);
    const closed = await ownFamily(leaving);
    await prisma.family.update({ where: { id: closed.id }, data: { status: "WITHDRAWN" } });
    expect(
      await reassignAllCases(akmolaCoordinator, {
        fromUserId: leaving.id,
        toUserId: akmolaCaseworker.id,
        reason: null,
      }),
    ).toEqual({ moved: 0 });
    expect(
      await reassignAllCases(coordinator, { fromUserId: leaving.id, toUserId: otherCaseworker.id, reason: "Left" }),
    ).toEqual({ moved: 1 });
    expect((await prisma.family.findUniqueOrThrow({ where: { id: open.id } })).assignedToId).toBe(otherCaseworker.id);
    expect((await prisma.family.findUniqueOrThrow({ where: { id: closed.id } })).assignedToId).toBe(leaving.id);
    await expect(
      reassignAllCases(caseworker, { fromUserId: leaving.id, toUserId: caseworker.id, reason: null }),
    ).rejects.toThrow(FORBIDDEN);
  });

  crossRegionTest(
    getCaseAssignment,
    "refuses another region's case; offers reassignment to coordinators only",
    async () => {
      const family = await ownFamily(caseworker);
      await expect(getCaseAssignment(akmolaCoordinator, family.id)).rejects.toThrow(NOT_FOUND);
      expect((await getCaseAssignment(caseworker, family.id)).candidates).toEqual([]);
      const candidates = (await getCaseAssignment(coordinator, family.id)).candidates.map((person) => person.id);
      expect(candidates).toEqual(expect.arrayContaining([caseworker.id, otherCaseworker.id]));
      expect(candidates).not.toContain(coordinator.id);
      expect(candidates).not.toContain(akmolaCaseworker.id);
    },
  );

  crossRegionTest(countOpenCasesOf, "counts a person's open cases in the own region only", async () => {
    const leaving = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const admin = await createStaffUser(prisma, "ADMIN");
    await ownFamily(leaving);
    await ownFamily(leaving);
    const closed = await ownFamily(leaving);
    await prisma.family.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    expect(await countOpenCasesOf(admin, leaving.id)).toBe(2);
    expect(await countOpenCasesOf(coordinator, leaving.id)).toBe(2);
    expect(await countOpenCasesOf(akmolaCoordinator, leaving.id)).toBe(0);
    await expect(countOpenCasesOf(caseworker, leaving.id)).rejects.toThrow(FORBIDDEN);
    await reassignAllCases(admin, { fromUserId: leaving.id, toUserId: otherCaseworker.id, reason: "Left" });
    expect(await countOpenCasesOf(admin, leaving.id)).toBe(0);
  });

  crossRegionTest(listAssignableCaseworkers, "lists none of another region", async () => {
    expect(await listAssignableCaseworkers(akmolaCoordinator, PAVLODAR)).toEqual([]);
    expect((await listAssignableCaseworkers(coordinator, PAVLODAR)).map((person) => person.id)).toContain(
      caseworker.id,
    );
    await expect(listAssignableCaseworkers(analyst, PAVLODAR)).rejects.toThrow(FORBIDDEN);
  });
});

describe("tasks", () => {
  it("creates a task for the assigned caseworker and marks it done once, audited", async () => {
    const family = await ownFamily(caseworker);
    const task = await createTask(coordinator, {
      familyId: family.id,
      title: "Ask for the translation",
      dueDate: iso(inDays(3)),
    });
    expect((await listCaseTasks(caseworker, family.id)).open).toEqual([
      expect.objectContaining({ id: task.id, title: "Ask for the translation", dueDate: inDays(3) }),
    ]);
    expect((await prisma.caseTask.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(caseworker.id);
    expect(await completeTask(caseworker, { familyId: family.id, taskId: task.id })).toEqual({ changed: true });
    expect(await completeTask(caseworker, { familyId: family.id, taskId: task.id })).toEqual({ changed: false });
    const tasks = await listCaseTasks(caseworker, family.id);
    expect(tasks.open).toEqual([]);
    expect(tasks.done).toEqual([expect.objectContaining({ id: task.id })]);
    expect(await prisma.auditLog.count({ where: { action: "task.complete", entityId: String(task.id) } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "task.create", entityId: String(task.id) } })).toBe(1);
  });

  it("refuses a task of another case as not found", async () => {
    const family = await ownFamily(caseworker);
    const other = await ownFamily(caseworker);
    const task = await createTask(caseworker, { familyId: other.id, title: "x", dueDate: iso(today) });
    await expect(completeTask(caseworker, { familyId: family.id, taskId: task.id })).rejects.toThrow(NOT_FOUND);
  });

  crossRegionTest(createTask, "refuses another region's case", async () => {
    const family = await ownFamily(caseworker);
    await expect(
      createTask(akmolaCaseworker, { familyId: family.id, title: "x", dueDate: iso(today) }),
    ).rejects.toThrow(NOT_FOUND);
    expect(await prisma.auditLog.count({ where: { action: "task.create.denied", actorId: akmolaCaseworker.id } })).toBe(
      1,
    );
  });

  crossRegionTest(completeTask, "refuses another region's case", async () => {
    const family = await ownFamily(caseworker);
    const task = await createTask(caseworker, { familyId: family.id, title: "x", dueDate: iso(today) });
    await expect(completeTask(akmolaCaseworker, { familyId: family.id, taskId: task.id })).rejects.toThrow(NOT_FOUND);
    expect((await prisma.caseTask.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();
  });

  crossRegionTest(listCaseTasks, "refuses another region's case", async () => {
    const family = await ownFamily(caseworker);
    await expect(listCaseTasks(akmolaCaseworker, family.id)).rejects.toThrow(NOT_FOUND);
    await expect(listCaseTasks(analyst, family.id)).rejects.toThrow(FORBIDDEN);
  });
});
