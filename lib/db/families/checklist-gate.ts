import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { settingInForce } from "@/lib/db/settings/settings";
import { notFoundError } from "@/lib/domain/app-error";
import type { CaseStatus } from "@/lib/domain/case-status";
import { missingBeforeStep, type MissingDocument } from "@/lib/domain/checklist-gate";
import type { Actor } from "@/lib/domain/permissions";
import { programmeToday } from "@/lib/domain/status-validity";

type GatedFamily = { id: number; category: "KANDAS" | "SETTLER"; members: readonly { id: number }[] };

/**
 * The checklist items that stop `family` moving to `to`, by the setting "documents required before each
 * step" in force on `day`. Read within the caller's transaction: the transition reads them after taking
 * the family's row lock, which a change of a document's status also takes, so the state it checks is the
 * state it commits against.
 */
export async function missingDocumentsBeforeStep(
  client: Pick<Prisma.TransactionClient, "settingVersion" | "document">,
  family: GatedFamily,
  to: CaseStatus,
  day: Date,
): Promise<MissingDocument[]> {
  const [required, documents] = await Promise.all([
    settingInForce("documents.requiredBeforeStep", day, client),
    client.document.findMany({ where: { familyId: family.id }, select: { kind: true, personId: true, status: true } }),
  ]);
  return missingBeforeStep({ to, category: family.category, required, members: family.members, documents });
}

/**
 * For the workflow panel: what is missing before each of `steps`, by the setting in force today, so the
 * user sees it before pressing the button. A family outside the actor's scope is notFoundError.
 */
export async function missingDocumentsBeforeSteps(
  actor: Actor,
  familyId: number,
  steps: readonly CaseStatus[],
  options: { now?: Date } = {},
): Promise<Partial<Record<CaseStatus, MissingDocument[]>>> {
  assertCan(actor, "family.view");
  const client = db();
  const family = await client.family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: { id: true, category: true, members: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  if (!family) throw notFoundError("family");
  const day = programmeToday(options.now ?? new Date());
  const result: Partial<Record<CaseStatus, MissingDocument[]>> = {};
  for (const to of steps) result[to] = await missingDocumentsBeforeStep(client, family, to, day);
  return result;
}
