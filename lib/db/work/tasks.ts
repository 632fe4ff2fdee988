import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { settingInForce } from "@/lib/db/settings/settings";
import { notFoundError } from "@/lib/domain/app-error";
import { ruleTaskKey } from "@/lib/domain/my-work";
import type { Actor } from "@/lib/domain/permissions";
import { overdueCutoff } from "@/lib/domain/processing-times";
import { EXPIRY_WARNING_DAYS, programmeToday } from "@/lib/domain/status-validity";
import type { TaskInput } from "@/lib/validation/work";

/** Adds a task written by hand to a case in scope, for the case's assigned caseworker (the author when none). */
export async function createTask(actor: Actor, input: TaskInput): Promise<{ id: number }> {
  assertCan(actor, "family.edit");
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "task.create");
    const { assignedToId } = await tx.family.findUniqueOrThrow({
      where: { id: family.id },
      select: { assignedToId: true },
    });
    const task = await tx.caseTask.create({
      data: {
        familyId: family.id,
        title: input.title,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        assigneeId: assignedToId ?? actor.id,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor,
        action: "task.create",
        entity: "case_task",
        entityId: task.id,
        regionId: family.targetRegionId,
        details: { familyId: family.id, dueDate: input.dueDate },
      },
      tx,
    );
    return task;
  });
}

/** Marks an open task of a case in scope done; a task already done stays as it was. */
export async function completeTask(
  actor: Actor,
  input: { familyId: number; taskId: number },
): Promise<{ changed: boolean }> {
  assertCan(actor, "family.edit");
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "task.complete");
    const { count } = await tx.caseTask.updateMany({
      where: { id: input.taskId, familyId: family.id, doneAt: null },
      data: { doneAt: new Date(), doneById: actor.id },
    });
    if (count === 0) {
      const exists = await tx.caseTask.findFirst({ where: { id: input.taskId, familyId: family.id } });
      if (!exists) throw notFoundError("task");
      return { changed: false };
    }
    await recordAudit(
      {
        actor,
        action: "task.complete",
        entity: "case_task",
        entityId: input.taskId,
        regionId: family.targetRegionId,
        details: { familyId: family.id },
      },
      tx,
    );
    return { changed: true };
  });
}

/** The tasks of a case in scope: open ones by due date, done ones (for the timeline) by when they were done. */
export async function listCaseTasks(actor: Actor, familyId: number) {
  assertCan(actor, "family.view");
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: { id: true },
  });
  if (!family) throw notFoundError("family");
  const tasks = await db().caseTask.findMany({
    where: { familyId },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      ruleKey: true,
      dueDate: true,
      doneAt: true,
      assignee: { select: { fullName: true } },
      doneBy: { select: { fullName: true } },
    },
  });
  return {
    open: tasks.filter((task) => task.doneAt === null),
    done: tasks.filter((task) => task.doneAt !== null).sort((a, b) => a.doneAt!.getTime() - b.doneAt!.getTime()),
  };
}

/**
 * Creates the tasks the rules call for in the actor's scope, idempotently (the unique key per case and
 * rule makes a repeat a no-op): a status ending within 30 days → "extend or close" for the assigned
 * caseworker, due on its last day; a review past the time limit (a setting, in working days since the
 * application) → a task for the coordinators of the region, due today. Run when a home page loads; a
 * daily job can call it with a national actor.
 */
export async function runTaskRules(actor: Actor, now: Date = new Date()): Promise<{ created: number }> {
  assertCan(actor, "family.view");
  const today = programmeToday(now);
  const limit = await settingInForce("review.timeLimitWorkingDays", today);
  const warningEnd = new Date(today.getTime() + EXPIRY_WARNING_DAYS * 86_400_000);
  const scope = familyScopeWhere(actor);
  const [expiring, overdue] = await Promise.all([
    db().family.findMany({
      where: {
        AND: [
          { status: { in: ["APPROVED", "QUOTA_ALLOCATED"] }, statusValidUntil: { not: null, lte: warningEnd } },
          scope,
        ],
      },
      select: { id: true, targetRegionId: true, assignedToId: true, statusValidUntil: true },
    }),
    db().family.findMany({
      where: { AND: [{ status: "UNDER_REVIEW", applicationDate: { lte: overdueCutoff(today, limit) } }, scope] },
      select: { id: true, targetRegionId: true },
    }),
  ]);
  const wanted = [
    ...expiring.map((family) => ({
      familyId: family.id,
      regionId: family.targetRegionId,
      ruleKey: ruleTaskKey("statusExpiring", family.statusValidUntil!),
      dueDate: family.statusValidUntil!,
      assigneeId: family.assignedToId,
    })),
    ...overdue.map((family) => ({
      familyId: family.id,
      regionId: family.targetRegionId,
      ruleKey: ruleTaskKey("reviewOverdue"),
      dueDate: today,
      assigneeId: null,
    })),
  ];
  if (wanted.length === 0) return { created: 0 };
  const created = await db().$transaction(async (tx) => {
    const rows = await tx.caseTask.createManyAndReturn({
      data: wanted.map((task) => ({
        familyId: task.familyId,
        title: task.ruleKey,
        ruleKey: task.ruleKey,
        dueDate: task.dueDate,
        assigneeId: task.assigneeId,
      })),
      skipDuplicates: true,
      select: { id: true, familyId: true, ruleKey: true },
    });
    const regionOf = new Map(wanted.map((task) => [task.familyId, task.regionId]));
    for (const row of rows)
      await recordAudit(
        {
          actor,
          action: "task.create",
          entity: "case_task",
          entityId: row.id,
          regionId: regionOf.get(row.familyId) ?? null,
          details: { familyId: row.familyId, rule: row.ruleKey },
        },
        tx,
      );
    return rows.length;
  });
  return { created };
}
