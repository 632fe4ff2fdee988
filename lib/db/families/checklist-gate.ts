import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { settingInForce } from "@/lib/db/settings/settings";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import type { CaseStatus } from "@/lib/domain/case-status";
import { missingBeforeStep, type MissingDocument } from "@/lib/domain/checklist-gate";
import { can, type Actor } from "@/lib/domain/permissions";
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

/** The kinds and what they lack, once each, for a message ("identity document — to be verified"). */
export function missingSummary(missing: readonly MissingDocument[]): Pick<MissingDocument, "kind" | "needs">[] {
  const seen = new Map<string, Pick<MissingDocument, "kind" | "needs">>();
  for (const { kind, needs } of missing) seen.set(`${kind}:${needs}`, { kind, needs });
  return [...seen.values()];
}

/**
 * The gate of one step: nothing when nothing required is missing; else the step is refused with the
 * list of what is missing (409), unless the actor may override the checklist (a coordinator) and gave
 * a reason, which is then returned to be kept with the case event and audited. A reason from anyone
 * else is refused (403): a caseworker cannot override.
 */
export function checklistOverride(
  actor: Actor,
  missing: readonly MissingDocument[],
  reason: string | null,
): { reason: string; missing: MissingDocument[] } | null {
  if (missing.length === 0) return null;
  const documents = { documents: missingSummary(missing) };
  if (!reason) throw new AppError("checklistGate.errors.missing", { status: 409, values: { documents } });
  if (!can(actor, "case.overrideChecklist"))
    throw new AppError("checklistGate.errors.overrideNotAllowed", {
      status: 403,
      values: { documents },
    });
  return { reason, missing: [...missing] };
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
