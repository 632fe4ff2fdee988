import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, isNotFound, notFoundError } from "@/lib/domain/app-error";
import { familyScopeWhere } from "@/lib/db/scopes";
import { allocateQuotaPlaces, releaseQuotaPlaces } from "@/lib/db/quotas/allocate";
import { settingInForce } from "@/lib/db/settings/settings";
import { missingDocumentsBeforeStep } from "@/lib/db/families/checklist-gate";
import { checklistOverride } from "@/lib/domain/checklist-gate";
import type { Actor } from "@/lib/domain/permissions";
import type { FieldChange } from "@/lib/domain/audit-mask";
import {
  checkTransition,
  needsSettlementDocument,
  type CaseStatus,
  type SettlementDocument,
  type TransitionError,
  type TransitionInput,
} from "@/lib/domain/case-status";
import { allocatesQuota, releasesQuota } from "@/lib/domain/quota";
import { countQuotaConflict } from "@/lib/observability/metrics";
import { calendarDay, parseIsoDay, programmeToday, statusValidUntil } from "@/lib/domain/status-validity";

/** Somebody changed the case after the caseworker loaded it: names who and when; the form offers to reload. */
function caseChanged(by: { updatedAt: Date; updatedBy: { fullName: string } }): AppError {
  return new AppError("workflow.errors.conflict", {
    values: { name: by.updatedBy.fullName, at: { dateTime: by.updatedAt } },
    details: { isConflict: true },
    status: 409,
  });
}

/** A status change the lifecycle does not allow (lib/domain/case-status), in words a caseworker can act on. */
function transitionRefused(reason: TransitionError, field?: keyof TransitionInput): AppError {
  if (reason === "role-not-allowed") return new AppError("workflow.errors.notAllowed", { status: 403, log: reason });
  if (reason === "terminal-status" || reason === "no-such-transition")
    return new AppError("workflow.errors.notPossible", { status: 409, log: reason });
  const isTooLong = reason === "decision-number-too-long" || reason === "settlement-number-too-long";
  const message = { code: isTooLong ? "tooLong" : "required" };
  return new AppError("workflow.errors.missingData", { fieldErrors: { [field ?? "reason"]: message }, log: reason });
}

/** EXPIRED asked for while the status is still valid (or has no end date): says until when it is valid. */
function statusStillValid(validUntil: Date | null): AppError {
  return validUntil
    ? new AppError("lifecycle.errors.stillValid", { status: 409, values: { date: { date: validUntil } } })
    : new AppError("lifecycle.errors.noValidity", { status: 409 });
}

// Allocations of one quota queue on its row lock; give a busy moment more than Prisma's 2 s default.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export type TransitionFamilyInput = {
  familyId: number;
  /** The family's version the user saw; a different current version means someone changed it since. */
  version: number;
  to: CaseStatus;
  reason?: string | null;
  decisionNumber?: string | null;
  /** ISO yyyy-mm-dd or a Date (calendar day). */
  decisionDate?: string | Date | null;
  /** ISO yyyy-mm-dd or a Date (calendar day). */
  arrivalDate?: string | Date | null;
  /** A coordinator's reason to take the step although documents the checklist requires are missing. */
  overrideReason?: string | null;
  /** Closing a kandas case: citizenship or residence permit, its number and date (ISO yyyy-mm-dd or a Date). */
  settlementDocument?: SettlementDocument | null;
  settlementNumber?: string | null;
  settlementDate?: string | Date | null;
};

export type TransitionFamilyResult = {
  familyId: number;
  from: CaseStatus;
  to: CaseStatus;
  version: number;
  eventId: number;
  statusValidUntil: Date | null;
  allocation: { year: number; persons: number } | null;
  released: { year: number; persons: number }[];
};

const toDay = (value: string | Date | null | undefined): Date | null =>
  value == null ? null : value instanceof Date ? calendarDay(value) : parseIsoDay(value);
const isoDay = (value: Date) => value.toISOString().slice(0, 10);
const trimmed = (value: string | null | undefined) => (value == null || value.trim() === "" ? null : value.trim());

/**
 * Moves a family's case to another status in one transaction: loads the family in the actor's scope
 * (outside it: notFoundError), refuses a stale `version` (an AppError naming who changed the case
 * and when) and any change the lifecycle does not allow for the actor's role, and a step while
 * documents the checklist requires before it are missing unless a coordinator overrides it with a reason,
 * then writes status and decision data, takes or gives back quota places, appends the case event and
 * the audit entry. Either all of it is stored or nothing.
 */
export async function transitionFamily(
  actor: Actor,
  input: TransitionFamilyInput,
  options: { now?: Date } = {},
): Promise<TransitionFamilyResult> {
  const now = options.now ?? new Date();
  const today = programmeToday(now);
  try {
    return await db().$transaction(async (tx) => {
      const family = await tx.family.findFirst({
        where: { AND: [{ id: input.familyId }, familyScopeWhere(actor)] },
        select: {
          id: true,
          status: true,
          category: true,
          version: true,
          targetRegionId: true,
          decisionNumber: true,
          decisionDate: true,
          statusValidUntil: true,
          arrivalDate: true,
          members: { orderBy: { position: "asc" }, select: { id: true } },
          updatedAt: true,
          updatedBy: { select: { fullName: true } },
        },
      });
      if (!family) throw notFoundError("family");
      if (family.version !== input.version) {
        throw caseChanged(family);
      }

      const from = family.status;
      const check = checkTransition(from, input.to, actor.role, {
        ...input,
        statusValidUntil: family.statusValidUntil,
        today,
        category: family.category,
      });
      if (!check.ok && check.error === "status-still-valid") throw statusStillValid(family.statusValidUntil);
      if (!check.ok) throw transitionRefused(check.error, check.field);

      // The documents are read under the family's row lock, which a change of a document's status also
      // takes; the requirement is the one in force on the day of the step.
      await tx.$executeRaw`SELECT 1 FROM "family" WHERE "id" = ${family.id} FOR UPDATE`;
      const missing = await missingDocumentsBeforeStep(tx, family, input.to, today);
      const override = checklistOverride(missing, trimmed(input.overrideReason), actor);

      const data: Prisma.FamilyUncheckedUpdateManyInput = {
        status: input.to,
        version: { increment: 1 },
        updatedById: actor.id,
        updatedAt: now,
      };
      const eventData: Record<string, unknown> = {};
      if (input.to === "APPROVED") {
        const decisionDate = toDay(input.decisionDate);
        if (!decisionDate) throw transitionRefused("decision-date-required", "decisionDate");
        data.decisionNumber = trimmed(input.decisionNumber);
        data.decisionDate = decisionDate;
        eventData.decisionNumber = data.decisionNumber;
        eventData.decisionDate = isoDay(decisionDate);
        if (family.category === "KANDAS") {
          // The validity in force on the day of the decision, whatever was set since.
          const months = await settingInForce("status.validityMonths", decisionDate, tx);
          const validUntil = statusValidUntil(decisionDate, months);
          data.statusValidUntil = validUntil;
          eventData.statusValidUntil = isoDay(validUntil);
        }
      }
      if (input.to === "RESETTLED") {
        const arrivalDate = toDay(input.arrivalDate);
        if (!arrivalDate) throw transitionRefused("arrival-date-required", "arrivalDate");
        data.arrivalDate = arrivalDate;
        eventData.arrivalDate = isoDay(arrivalDate);
      }
      if (needsSettlementDocument(input.to, family.category)) {
        // Kept with the event (the timeline shows it) and in the audit entry: nothing else reads it.
        const settlementDate = toDay(input.settlementDate);
        if (!settlementDate) throw transitionRefused("settlement-date-required", "settlementDate");
        eventData.settlementDocument = input.settlementDocument;
        eventData.settlementNumber = trimmed(input.settlementNumber);
        eventData.settlementDate = isoDay(settlementDate);
      }
      if (override) eventData.checklistOverride = override;
      if (input.to === "EXPIRED" && family.statusValidUntil)
        eventData.statusValidUntil = isoDay(family.statusValidUntil);

      // The optimistic lock: the row changes only if nobody saved it since it was read. The row lock
      // this takes also serialises every other change of the same family until this transaction ends.
      const { count } = await tx.family.updateMany({ where: { id: family.id, version: input.version }, data });
      if (count === 0) {
        const current = await tx.family.findUniqueOrThrow({
          where: { id: family.id },
          select: { updatedAt: true, updatedBy: { select: { fullName: true } } },
        });
        // Someone else changed the case first; when this change would have allocated places, that is an
        // allocation race lost (the quota metrics count it).
        if (allocatesQuota(from, input.to)) countQuotaConflict();
        throw caseChanged(current);
      }

      let allocation: TransitionFamilyResult["allocation"] = null;
      let released: TransitionFamilyResult["released"] = [];
      if (allocatesQuota(from, input.to)) {
        const result = await allocateQuotaPlaces(actor, tx, family, today);
        allocation = { year: result.year, persons: result.persons };
        Object.assign(eventData, { year: result.year, persons: result.persons, pool: result.pool });
      }
      if (releasesQuota(from, input.to)) {
        released = (await releaseQuotaPlaces(actor, tx, family)).map(({ year, persons }) => ({ year, persons }));
        if (released.length > 0) eventData.released = released;
      }

      const reason = trimmed(input.reason);
      const event = await tx.caseEvent.create({
        data: {
          familyId: family.id,
          fromStatus: from,
          toStatus: input.to,
          actorId: actor.id,
          at: now,
          reason,
          data: Object.keys(eventData).length > 0 ? (eventData as Prisma.InputJsonValue) : undefined,
        },
        select: { id: true },
      });

      const changes: Record<string, FieldChange> = {
        status: { from, to: input.to },
        version: { from: family.version, to: family.version + 1 },
      };
      for (const field of ["decisionNumber", "decisionDate", "statusValidUntil", "arrivalDate"] as const) {
        if (field in data) changes[field] = { from: family[field], to: data[field] };
      }
      await recordAudit(
        {
          actor,
          action: "family.transition",
          entity: "family",
          entityId: family.id,
          regionId: family.targetRegionId,
          changes,
          details: {
            eventId: event.id,
            ...(reason && { reason }),
            ...(allocation && { allocation }),
            ...(released.length > 0 && { released }),
            ...("settlementDocument" in eventData && {
              settlement: {
                document: eventData.settlementDocument,
                number: eventData.settlementNumber,
                date: eventData.settlementDate,
              },
            }),
          },
        },
        tx,
      );
      if (override) {
        await recordAudit(
          {
            actor,
            action: "family.transition.override",
            entity: "family",
            entityId: family.id,
            regionId: family.targetRegionId,
            details: { eventId: event.id, to: input.to, reason: override.reason, missing: override.missing },
          },
          tx,
        );
      }

      return {
        familyId: family.id,
        from,
        to: input.to,
        version: family.version + 1,
        eventId: event.id,
        statusValidUntil: (data.statusValidUntil as Date | undefined) ?? family.statusValidUntil,
        allocation,
        released,
      };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // The refused attempt is audited outside the rolled-back transaction, like a denied view.
    if (isNotFound(error)) {
      await recordAudit({
        actor,
        action: "family.transition.denied",
        entity: "family",
        entityId: input.familyId,
        details: { to: input.to },
      });
    }
    throw error;
  }
}
