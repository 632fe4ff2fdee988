import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError } from "@/lib/domain/app-error";
import { findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import { adjustAllocationToArrivingMembers } from "@/lib/db/quotas/allocate";
import type { Actor } from "@/lib/domain/permissions";
import { diffFields } from "@/lib/domain/audit-mask";
import type { AdaptationPlanInput } from "@/lib/validation/case-file";

const dateOrNull = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Creates or updates the adaptation plan of a family in scope. Members arriving may not exceed the
 * family's size; a change of them adjusts the family's ACTIVE quota allocation in the same transaction.
 * `loadedAt` (the plan's updatedAt when the editor opened it, null for a new plan) must still match,
 * so a save never silently overwrites a colleague's; the change is audited field by field.
 */
export async function saveAdaptationPlan(actor: Actor, input: AdaptationPlanInput): Promise<{ updatedAt: Date }> {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "adaptation_plan.update", { forUpdate: true });
    if (input.membersArriving !== null && input.membersArriving > family.members.length) {
      throw new AppError("casefile.rules.membersAboveFamily", {
        field: "membersArriving",
        values: { max: family.members.length },
      });
    }
    const before = await tx.adaptationPlan.findUnique({ where: { familyId: family.id } });
    if (before && before.updatedAt.toISOString() !== (input.loadedAt ?? null)) {
      const editor = await tx.user.findUnique({ where: { id: before.updatedById }, select: { fullName: true } });
      throw new AppError("casefile.rules.planChanged", {
        field: "form",
        values: { name: editor?.fullName ?? "—", at: { dateTime: before.updatedAt } },
        status: 409,
      });
    }
    const data = {
      plannedArrival: dateOrNull(input.plannedArrival),
      transport: input.transport,
      membersArriving: input.membersArriving,
      housing: input.housing,
      job: input.job,
      training: input.training,
    };
    const empty = {
      plannedArrival: null,
      transport: null,
      membersArriving: null,
      housing: null,
      job: null,
      training: null,
    };
    const changes = diffFields<Record<string, unknown>>(before ?? empty, data);
    if (before && Object.keys(changes).length === 0) return { updatedAt: before.updatedAt };
    const saved = await tx.adaptationPlan.upsert({
      where: { familyId: family.id },
      create: { familyId: family.id, ...data, updatedById: actor.id },
      update: { ...data, updatedById: actor.id },
      select: { updatedAt: true },
    });
    // Too few places left for more members arriving: the refusal rolls the whole save back.
    if ("membersArriving" in changes)
      await adjustAllocationToArrivingMembers(actor, tx, family, { field: "membersArriving" });
    await recordAudit(
      {
        actor,
        action: before ? "adaptation_plan.update" : "adaptation_plan.create",
        entity: "adaptation_plan",
        entityId: family.id,
        regionId: family.targetRegionId,
        changes,
      },
      tx,
    );
    return saved;
  });
}
