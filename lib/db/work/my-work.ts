import "server-only";
import { db } from "@/lib/db/client";
import { listWaitlist } from "@/lib/db/quotas/waitlist";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { settingInForce } from "@/lib/db/settings/settings";
import { runTaskRules } from "@/lib/db/work/tasks";
import { BENEFIT_SETTING_KEYS, paymentsInForce } from "@/lib/domain/benefits";
import { TERMINAL_STATUSES } from "@/lib/domain/case-status";
import { byUrgency, groupWork, isTaskOverdue } from "@/lib/domain/my-work";
import { can, rolesWith, type Actor } from "@/lib/domain/permissions";
import { workingDaysBetween } from "@/lib/domain/processing-times";
import { quotaYearFor } from "@/lib/domain/quota";
import { programmeToday } from "@/lib/domain/status-validity";

/** The longest list a home page shows; the families page lists the rest. */
const LIST_LIMIT = 50;

const OPEN_CASE = { status: { notIn: [...TERMINAL_STATUSES] } };

const taskSelect = {
  id: true,
  title: true,
  ruleKey: true,
  dueDate: true,
  family: { select: { id: true, caseNumber: true } },
} as const;

/** Open tasks as list items: overdue first, then by due day. */
function taskItems(
  tasks: {
    id: number;
    title: string;
    ruleKey: string | null;
    dueDate: Date;
    family: { id: number; caseNumber: string };
  }[],
  today: Date,
) {
  return tasks
    .map((task) => ({
      taskId: task.id,
      title: task.title,
      ruleKey: task.ruleKey,
      familyId: task.family.id,
      caseNumber: task.family.caseNumber,
      dueDate: task.dueDate,
      overdue: isTaskOverdue(task.dueDate, today),
    }))
    .sort(byUrgency);
}

/**
 * The actor's own open cases grouped by their next action (lib/domain/my-work.ts) and the actor's open
 * tasks, after running the task rules. Lists case numbers only, no names, so it is not a view of
 * personal data to audit.
 */
export async function getMyWork(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "family.view");
  await runTaskRules(actor, now);
  const today = programmeToday(now);
  const [cases, tasks] = await Promise.all([
    db().family.findMany({
      where: { AND: [{ assignedToId: actor.id, ...OPEN_CASE }, familyScopeWhere(actor)] },
      orderBy: { id: "asc" },
      select: {
        id: true,
        caseNumber: true,
        status: true,
        category: true,
        statusValidUntil: true,
        arrivalDate: true,
        members: { select: { id: true } },
        documents: { select: { kind: true, personId: true, status: true } },
        adaptationPlan: { select: { plannedArrival: true } },
        payments: { select: { kind: true, months: true, reversal: { select: { id: true } } } },
      },
    }),
    db().caseTask.findMany({
      where: { assigneeId: actor.id, doneAt: null, family: familyScopeWhere(actor) },
      select: taskSelect,
    }),
  ]);
  const rentMonths = await rentMonthsByArrival(cases.map((workCase) => workCase.arrivalDate));
  const groups = groupWork(
    cases.map((workCase) => ({
      ...workCase,
      plannedArrival: workCase.adaptationPlan?.plannedArrival ?? null,
      payments: paymentsInForce(workCase.payments),
      rentMonths: rentMonths.get(workCase.arrivalDate?.getTime() ?? null) ?? 0,
    })),
    today,
  );
  return { groups, tasks: taskItems(tasks, today), openCases: cases.length };
}

/**
 * The months of rent compensation in force on each day of arrival: an entitlement is fixed on the day the
 * family arrived (lib/domain/benefits.ts entitlementDay), whatever the setting says later.
 */
async function rentMonthsByArrival(arrivals: readonly (Date | null)[]): Promise<Map<number | null, number>> {
  const days = [...new Set(arrivals.flatMap((day) => (day ? [day.getTime()] : [])))];
  const months = await Promise.all(days.map((time) => settingInForce(BENEFIT_SETTING_KEYS.rentMonths, new Date(time))));
  return new Map(days.map((time, index) => [time, months[index] ?? 0]));
}

/**
 * A coordinator's home: the decisions waiting (oldest application first, with the working days passed
 * against the review time limit), the waiting families whose places fit the quota now, the open cases
 * per caseworker of the region, the transfers waiting for a decision, and the tasks the rules addressed to
 * the coordinators. Own region only.
 */
export async function getCoordinatorWork(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "case.assign");
  await runTaskRules(actor, now);
  const today = programmeToday(now);
  const scope = familyScopeWhere(actor);
  const limit = await settingInForce("review.timeLimitWorkingDays", today);
  const [waiting, workload, caseworkers, tasks] = await Promise.all([
    db().family.findMany({
      where: { AND: [{ status: "UNDER_REVIEW" }, scope] },
      orderBy: [{ applicationDate: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: { id: true, caseNumber: true, applicationDate: true },
    }),
    db().family.groupBy({ by: ["assignedToId"], where: { AND: [OPEN_CASE, scope] }, _count: { _all: true } }),
    db().user.findMany({
      // A deactivated caseworker stays listed while holding open cases, so that they can be moved on.
      where: {
        role: { in: rolesWith("case.own") },
        ...(actor.regionId && !can(actor, "family.allRegions") ? { regionId: actor.regionId } : {}),
        OR: [{ isActive: true }, { assignedFamilies: { some: { AND: [OPEN_CASE, scope] } } }],
      },
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      select: { id: true, fullName: true, isActive: true },
    }),
    db().caseTask.findMany({ where: { assigneeId: null, doneAt: null, family: scope }, select: taskSelect }),
  ]);
  const openCases = new Map(workload.map((row) => [row.assignedToId, row._count._all]));
  const toOffer = actor.regionId ? await placesToOffer(actor, actor.regionId, today) : [];
  const transfers = actor.regionId ? await pendingTransfers(actor.regionId) : { incoming: [], outgoing: [] };
  return {
    limit,
    decisions: waiting.map((family) => ({
      ...family,
      workingDays: workingDaysBetween(family.applicationDate, today),
      overdue: workingDaysBetween(family.applicationDate, today) > limit,
    })),
    toOffer,
    transfers,
    workload: caseworkers.map((person) => ({ ...person, openCases: openCases.get(person.id) ?? 0 })),
    unassigned: openCases.get(null) ?? 0,
    tasks: taskItems(tasks, today),
  };
}

/**
 * The region's pending transfers, oldest first: incoming ones wait for this region's decision (the case is
 * still the other region's, so they open on /transfers), outgoing ones for the other region's. Case
 * numbers and regions only, no names.
 */
async function pendingTransfers(regionId: string) {
  const rows = await db().familyTransfer.findMany({
    where: { status: "PENDING", OR: [{ toRegionId: regionId }, { fromRegionId: regionId }] },
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      familyId: true,
      fromRegionId: true,
      toRegionId: true,
      proposedAt: true,
      family: { select: { caseNumber: true } },
    },
  });
  const items = rows.map(({ family, ...row }) => ({ ...row, caseNumber: family.caseNumber }));
  return {
    incoming: items.filter((row) => row.toRegionId === regionId),
    outgoing: items.filter((row) => row.fromRegionId === regionId),
  };
}

/** The families on the region's waitlists (both pools, this quota year) whose places fit the quota now. */
async function placesToOffer(actor: Actor, regionId: string, today: Date) {
  const year = quotaYearFor(today);
  const lists = await Promise.all(
    (["KANDAS", "SETTLER"] as const).map((pool) => listWaitlist(actor, { year, regionId, pool }, { now: today })),
  );
  return lists.flatMap((list) =>
    list.entries
      .filter((entry) => entry.fitsNow)
      .map((entry) => ({
        pool: list.pool,
        familyId: entry.familyId,
        caseNumber: entry.caseNumber,
        places: entry.places,
      })),
  );
}
