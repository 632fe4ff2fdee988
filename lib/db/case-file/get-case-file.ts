import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { ensureChecklist, findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import { loadEntitlements } from "@/lib/db/case-file/entitlements";
import type { Actor } from "@/lib/domain/permissions";
import { entitlementDay, PAYMENT_KINDS, paymentsInForce, type PaymentKind } from "@/lib/domain/benefits";
import { programmeToday } from "@/lib/domain/status-validity";
import { checklistKey, documentChecklist } from "@/lib/domain/documents";

/**
 * The case file of a family in the actor's scope: the document checklist (rows created on first view)
 * with file metadata (never the content), the adaptation plan, entitlements and payments, and notes
 * (newest first). Outside the scope notFoundError; the view is audited.
 */
export async function getCaseFile(actor: Actor, familyId: number) {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, familyId, "casefile.view");
    await ensureChecklist(tx, actor, family);

    const [documents, members, plan, payments, notes] = await Promise.all([
      tx.document.findMany({
        where: { familyId: family.id },
        select: {
          id: true,
          kind: true,
          personId: true,
          status: true,
          updatedById: true,
          updatedAt: true,
          files: {
            orderBy: { id: "desc" },
            select: {
              id: true,
              fileName: true,
              mimeType: true,
              sizeBytes: true,
              uploadedAt: true,
              uploadedById: true,
              replacedAt: true,
              withdrawnAt: true,
              withdrawnById: true,
              withdrawalReason: true,
            },
          },
        },
      }),
      tx.person.findMany({
        where: { familyId: family.id },
        orderBy: { position: "asc" },
        select: { id: true, surnameCyr: true, givenNameCyr: true, surnameLat: true, givenNameLat: true },
      }),
      tx.adaptationPlan.findUnique({ where: { familyId: family.id } }),
      tx.payment.findMany({
        where: { familyId: family.id },
        orderBy: [{ paidOn: "desc" }, { id: "desc" }],
        include: { reversal: true },
      }),
      tx.note.findMany({ where: { familyId: family.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    ]);

    const userIds = new Set<number>();
    for (const document of documents) {
      if (document.updatedById) userIds.add(document.updatedById);
      for (const file of document.files) {
        userIds.add(file.uploadedById);
        if (file.withdrawnById) userIds.add(file.withdrawnById);
      }
    }
    if (plan) userIds.add(plan.updatedById);
    for (const payment of payments) {
      userIds.add(payment.recordedById);
      if (payment.reversal) userIds.add(payment.reversal.reversedById);
    }
    for (const note of notes) userIds.add(note.authorId);
    const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, fullName: true } });
    const nameOf = (id: number | null) => users.find((user) => user.id === id)?.fullName ?? "—";

    // Rows follow the checklist order; rows the checklist no longer lists (a category changed) stay stored but hidden.
    const byKey = new Map(documents.map((document) => [checklistKey(document), document]));
    const checklist = documentChecklist(family.category, family.members).flatMap((item) => {
      const document = byKey.get(checklistKey(item));
      if (!document) return [];
      const person = members.find((member) => member.id === document.personId) ?? null;
      return [
        {
          id: document.id,
          kind: document.kind,
          status: document.status,
          person,
          updatedAt: document.updatedAt,
          updatedBy: document.updatedById ? nameOf(document.updatedById) : null,
          files: document.files.map(({ uploadedById, withdrawnById, ...file }) => ({
            ...file,
            uploadedBy: nameOf(uploadedById),
            withdrawnBy: withdrawnById ? nameOf(withdrawnById) : null,
          })),
        },
      ];
    });

    const membersMoving = plan?.membersArriving ?? family.members.length;
    const day = entitlementDay(family.arrivalDate, plan?.plannedArrival ?? null, programmeToday());
    const benefits = await loadEntitlements(tx, day, membersMoving);
    const paid = paymentsInForce(payments);
    const paidByKind = Object.fromEntries(
      PAYMENT_KINDS.map((kind) => [
        kind,
        paid.filter((payment) => payment.kind === kind).reduce((sum, payment) => sum + payment.amountTenge, 0),
      ]),
    ) as Record<PaymentKind, number>;
    const rentMonthsPaid = paid
      .filter((payment) => payment.kind === "RENT_COMPENSATION")
      .reduce((sum, payment) => sum + (payment.months ?? 0), 0);

    await recordAudit(
      { actor, action: "casefile.view", entity: "family", entityId: family.id, regionId: family.targetRegionId },
      tx,
    );

    return {
      familyId: family.id,
      category: family.category,
      memberCount: family.members.length,
      documents: checklist,
      plan: plan && {
        plannedArrival: plan.plannedArrival,
        transport: plan.transport,
        membersArriving: plan.membersArriving,
        housing: plan.housing,
        job: plan.job,
        training: plan.training,
        updatedAt: plan.updatedAt,
        updatedBy: nameOf(plan.updatedById),
      },
      benefits: { ...benefits, paidByKind, rentMonthsPaid },
      payments: payments.map(({ recordedById, familyId: _familyId, reversal, ...payment }) => ({
        ...payment,
        recordedBy: nameOf(recordedById),
        reversal: reversal && {
          reason: reversal.reason,
          reversedAt: reversal.reversedAt,
          reversedBy: nameOf(reversal.reversedById),
        },
      })),
      notes: notes.map(({ authorId, familyId: _familyId, ...note }) => ({ ...note, author: nameOf(authorId) })),
    };
  });
}

export type CaseFile = Awaited<ReturnType<typeof getCaseFile>>;
