import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import { loadEntitlements } from "@/lib/db/case-file/entitlements";
import type { Actor } from "@/lib/domain/permissions";
import { entitlementDay, kazakhstanToday, paymentIssues, paymentsInForce } from "@/lib/domain/benefits";
import { programmeToday } from "@/lib/domain/status-validity";
import type { PaymentInput } from "@/lib/validation/case-file";
import type { PaymentReversalInput } from "@/lib/validation/lifecycle";

/**
 * Records a support payment for a family in scope after paymentIssues: positive amount, no future
 * date, months for rent, and no more than the entitlement (the rates in force on the arrival day and
 * the MCI of its year, lib/db/case-file/entitlements) unless the note explains why. The family row is
 * locked so two clerks cannot both pay the rest.
 */
export async function recordPayment(actor: Actor, input: PaymentInput): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "payment.create", { forUpdate: true });
    const plan = await tx.adaptationPlan.findUnique({
      where: { familyId: family.id },
      select: { membersArriving: true, plannedArrival: true },
    });
    const previous = paymentsInForce(
      await tx.payment.findMany({
        where: { familyId: family.id },
        select: { kind: true, amountTenge: true, months: true, reversal: { select: { id: true } } },
      }),
    );
    const day = entitlementDay(family.arrivalDate, plan?.plannedArrival ?? null, programmeToday());
    const { year, entitlements } = await loadEntitlements(tx, day, plan?.membersArriving ?? family.members.length);
    const draft = {
      kind: input.kind,
      amountTenge: input.amountTenge,
      paidOn: input.paidOn,
      months: input.months,
      note: input.note,
    };
    const [issue] = paymentIssues(draft, { entitlements, previous, today: kazakhstanToday() });
    if (issue) throw new AppError(`casefile.rules.${issue.key}`, { field: issue.field, values: issue.values });

    const payment = await tx.payment.create({
      data: {
        familyId: family.id,
        kind: input.kind,
        amountTenge: input.amountTenge,
        paidOn: new Date(`${input.paidOn}T00:00:00Z`),
        months: input.months,
        note: input.note,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor,
        action: "payment.create",
        entity: "payment",
        entityId: payment.id,
        regionId: family.targetRegionId,
        details: {
          familyId: family.id,
          kind: input.kind,
          amountTenge: input.amountTenge,
          paidOn: input.paidOn,
          months: input.months,
          entitlementYear: year,
          hasNote: input.note !== null,
        },
      },
      tx,
    );
    return payment;
  });
}

/**
 * Reverses a payment of a family in scope: an entry with the reason that cancels it, the payment kept
 * on record. From then on it no longer counts as paid (paymentsInForce). A payment is reversed once:
 * a second attempt, also a concurrent one (the unique payment id of the reversal), is refused.
 */
export async function reversePayment(actor: Actor, input: PaymentReversalInput): Promise<{ id: number }> {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "payment.reverse", { forUpdate: true });
    const payment = await tx.payment.findFirst({
      where: { id: input.paymentId, familyId: family.id },
      select: { id: true, kind: true, amountTenge: true, paidOn: true, reversal: { select: { id: true } } },
    });
    if (!payment) throw notFoundError("payment");
    if (payment.reversal) throw new AppError("lifecycle.reversal.errors.alreadyReversed", { status: 409 });
    const reversal = await tx.paymentReversal.create({
      data: { paymentId: payment.id, reason: input.reason, reversedById: actor.id },
      select: { id: true },
    });
    await recordAudit(
      {
        actor,
        action: "payment.reverse",
        entity: "payment",
        entityId: payment.id,
        regionId: family.targetRegionId,
        details: {
          familyId: family.id,
          reversalId: reversal.id,
          kind: payment.kind,
          amountTenge: payment.amountTenge,
          paidOn: payment.paidOn.toISOString().slice(0, 10),
          reason: input.reason,
        },
      },
      tx,
    );
    return reversal;
  });
}
