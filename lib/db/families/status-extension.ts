import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { settingInForce } from "@/lib/db/settings/settings";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/domain/permissions";
import { EXTENDABLE_STATUSES, extensionIssue } from "@/lib/domain/status-extension";
import { parseIsoDay, programmeToday } from "@/lib/domain/status-validity";
import { transitionFamily } from "@/lib/db/families/transition-family";

export type ExtendStatusInput = {
  familyId: number;
  /** The family's version the user saw (optimistic lock, as for a status change). */
  version: number;
  decisionNumber: string;
  /** ISO yyyy-mm-dd. */
  decisionDate: string;
  /** ISO yyyy-mm-dd: the new last valid day. */
  validUntil: string;
};

const isoDay = (value: Date) => value.toISOString().slice(0, 10);

function dayOf(value: string, field: "decisionDate" | "validUntil"): Date {
  const day = parseIsoDay(value);
  if (!day) throw new AppError("casefile.validation.date", { field });
  return day;
}

/**
 * Extends the kandas status of a family in the actor's scope (a coordinator's decision): a new last
 * valid day under a decision number and date, the status unchanged, at most `status.maxExtensions`
 * times (the value in force today). The family row changes under its optimistic lock; the extension is
 * kept as its own record and audited with the old and new end dates.
 */
export async function extendStatus(
  actor: Actor,
  input: ExtendStatusInput,
  options: { now?: Date } = {},
): Promise<{ id: number; validUntil: Date; version: number }> {
  assertCan(actor, "case.decide");
  const today = programmeToday(options.now ?? new Date());
  const decisionDate = dayOf(input.decisionDate, "decisionDate");
  const validUntil = dayOf(input.validUntil, "validUntil");
  return db().$transaction(async (tx) => {
    const family = await tx.family.findFirst({
      where: { AND: [{ id: input.familyId }, familyScopeWhere(actor)] },
      select: { id: true, category: true, status: true, statusValidUntil: true, version: true, targetRegionId: true },
    });
    if (!family) {
      await recordAudit(
        { actor, action: "family.extend_status.denied", entity: "family", entityId: input.familyId },
        db(),
      );
      throw notFoundError("family");
    }
    if (family.version !== input.version) throw new AppError("lifecycle.errors.changed", { status: 409 });
    const [extensionsSoFar, maxExtensions] = await Promise.all([
      tx.statusExtension.count({ where: { familyId: family.id } }),
      settingInForce("status.maxExtensions", today, tx),
    ]);
    const issue = extensionIssue(
      { ...family, extensionsSoFar },
      { decisionNumber: input.decisionNumber, decisionDate, validUntil },
      { maxExtensions, today },
    );
    if (issue?.key === "limitReached")
      throw new AppError("lifecycle.extension.errors.limitReached", { status: 409, values: { max: issue.max } });
    if (issue?.key === "notExtendable") throw new AppError("lifecycle.extension.errors.notExtendable", { status: 409 });
    if (issue) throw new AppError(`lifecycle.extension.errors.${issue.key}`, { field: issue.field });

    const { count } = await tx.family.updateMany({
      where: { id: family.id, version: input.version },
      data: { statusValidUntil: validUntil, version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) throw new AppError("lifecycle.errors.changed", { status: 409 });
    const extension = await tx.statusExtension.create({
      data: {
        familyId: family.id,
        previousValidUntil: family.statusValidUntil!,
        validUntil,
        decisionNumber: input.decisionNumber.trim(),
        decisionDate,
        actorId: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor,
        action: "family.extend_status",
        entity: "family",
        entityId: family.id,
        regionId: family.targetRegionId,
        changes: {
          statusValidUntil: { from: family.statusValidUntil, to: validUntil },
          version: { from: family.version, to: family.version + 1 },
        },
        details: {
          extensionId: extension.id,
          decisionNumber: input.decisionNumber.trim(),
          decisionDate: isoDay(decisionDate),
          extension: extensionsSoFar + 1,
        },
      },
      tx,
    );
    return { id: extension.id, validUntil, version: family.version + 1 };
  });
}

/**
 * The extensions of a family in the actor's scope, oldest first, with who recorded each, and how many
 * the setting in force today allows.
 */
export async function listStatusExtensions(actor: Actor, familyId: number, options: { now?: Date } = {}) {
  assertCan(actor, "family.view");
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: { id: true },
  });
  if (!family) throw notFoundError("family");
  const [extensions, maxExtensions] = await Promise.all([
    db().statusExtension.findMany({ where: { familyId: family.id }, orderBy: { id: "asc" } }),
    settingInForce("status.maxExtensions", programmeToday(options.now ?? new Date())),
  ]);
  const actors = await db().user.findMany({
    where: { id: { in: extensions.map((extension) => extension.actorId) } },
    select: { id: true, fullName: true },
  });
  const nameOf = new Map(actors.map((user) => [user.id, user.fullName]));
  return {
    maxExtensions,
    extensions: extensions.map(({ actorId, ...extension }) => ({ ...extension, actor: nameOf.get(actorId) ?? "—" })),
  };
}

/**
 * Marks EXPIRED every kandas status in the actor's scope whose last valid day is before today and that
 * still waits for arrival (APPROVED or QUOTA_ALLOCATED), for the daily job (issue 17) or a coordinator.
 * Each family goes through transitionFamily, so places held are given back and the case event and its
 * audit entry are written as for a coordinator's expiry; a family changed meanwhile (arrival recorded,
 * status extended) is left for the next run. Running it again the same day changes nothing. The run is
 * audited with the families it expired. Returns their ids.
 */
export async function expireLapsedStatuses(actor: Actor, options: { now?: Date } = {}): Promise<number[]> {
  assertCan(actor, "case.decide");
  const now = options.now ?? new Date();
  const today = programmeToday(now);
  const lapsed = await db().family.findMany({
    where: {
      AND: [
        familyScopeWhere(actor),
        { category: "KANDAS", status: { in: [...EXTENDABLE_STATUSES] }, statusValidUntil: { lt: today } },
      ],
    },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
  const expired: number[] = [];
  for (const family of lapsed) {
    try {
      await transitionFamily(actor, { familyId: family.id, version: family.version, to: "EXPIRED" }, { now });
      expired.push(family.id);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 409) throw error;
    }
  }
  await recordAudit({
    actor,
    action: "family.expire_lapsed",
    entity: "family",
    regionId: actor.regionId,
    details: { today: isoDay(today), expired },
  });
  return expired;
}
