import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { notFoundError } from "@/lib/domain/app-error";
import { familyScopeWhere } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import { documentChecklist } from "@/lib/domain/documents";

type Client = Prisma.TransactionClient;

const caseFileFamilySelect = {
  id: true,
  category: true,
  targetRegionId: true,
  arrivalDate: true,
  members: { orderBy: { position: "asc" as const }, select: { id: true } },
} satisfies Prisma.FamilySelect;

export type CaseFileFamily = Prisma.FamilyGetPayload<{ select: typeof caseFileFamilySelect }>;

/**
 * The family if the actor may see it, else notFoundError (an unknown id looks the same). The refusal is
 * audited as `<operation>.denied` outside the caller's transaction, so a rollback cannot erase it.
 * With `forUpdate` the family row is locked until the transaction ends (payments check running totals).
 */
export async function findFamilyInScope(
  client: Client,
  actor: Actor,
  familyId: number,
  operation: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<CaseFileFamily> {
  const family = await client.family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: caseFileFamilySelect,
  });
  if (!family) {
    await recordAudit({ actor, action: `${operation}.denied`, entity: "family", entityId: familyId }, db());
    throw notFoundError("family");
  }
  if (forUpdate) await client.$executeRaw`SELECT 1 FROM "family" WHERE "id" = ${family.id} FOR UPDATE`;
  return family;
}

/**
 * Creates the checklist rows the family lacks (documentChecklist), idempotently: the unique index
 * document_one_per_kind turns a concurrent or repeated insert into a no-op. Audited when rows appear.
 */
export async function ensureChecklist(client: Client, actor: Actor, family: CaseFileFamily): Promise<number> {
  const items = documentChecklist(family.category, family.members);
  const { count } = await client.document.createMany({
    data: items.map((item) => ({
      familyId: family.id,
      personId: item.personId,
      kind: item.kind,
      updatedById: actor.id,
    })),
    skipDuplicates: true,
  });
  if (count > 0) {
    await recordAudit(
      {
        actor,
        action: "document.checklist.create",
        entity: "family",
        entityId: family.id,
        regionId: family.targetRegionId,
        details: { created: count },
      },
      client,
    );
  }
  return count;
}
