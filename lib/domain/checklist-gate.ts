/**
 * The checklist as a gate (issue 15): before a case takes a step (send for review, approve, include in
 * the quota, record arrival), the documents the setting "documents required before each step" names for
 * the family's category must be received, and some of them verified. Pure: the caller reads the setting
 * in force on the day of the step and the family's checklist rows, under the family's row lock.
 */
import type { Category, DocumentStatus, Role } from "@/lib/generated/prisma/enums";
import { AppError } from "./app-error";
import type { CaseStatus } from "./case-status";
import { checklistKey, documentChecklist, type DocumentKind } from "./documents";
import { can } from "./permissions";
import { DOCUMENT_STEPS, type DocumentStep, type RequiredDocuments } from "./settings";

/** What a checklist item still lacks before a step: to be received at all, or to be verified. */
export type DocumentNeed = "received" | "verified";

/** One checklist item that holds up a step; `personId` names the member for per-member kinds. */
export type MissingDocument = { kind: DocumentKind; personId: number | null; needs: DocumentNeed };

/** The gated step a transition to `to` is, or null when no document is ever required before it. */
export function gatedStep(to: CaseStatus): DocumentStep | null {
  return (DOCUMENT_STEPS as readonly CaseStatus[]).includes(to) ? (to as DocumentStep) : null;
}

/**
 * The items of the family's checklist that stop a move to `to`, in checklist order: a required kind
 * not yet received (every member's item for a per-member kind), or a kind required verified that is
 * not. An item without a stored row (the checklist is stored on the first staff view) is missing.
 * Empty when the step needs nothing or everything required is there.
 */
export function missingBeforeStep(input: {
  to: CaseStatus;
  category: Category;
  required: RequiredDocuments;
  members: readonly { id: number }[];
  documents: readonly { kind: DocumentKind; personId: number | null; status: DocumentStatus }[];
}): MissingDocument[] {
  const step = gatedStep(input.to);
  if (!step) return [];
  const { received, verified } = input.required[input.category][step];
  const statusOf = new Map(input.documents.map((document) => [checklistKey(document), document.status]));
  const missing: MissingDocument[] = [];
  for (const item of documentChecklist(input.category, input.members)) {
    if (!received.includes(item.kind) && !verified.includes(item.kind)) continue;
    const status = statusOf.get(checklistKey(item)) ?? "MISSING";
    const mustBeVerified = verified.includes(item.kind);
    if (status === "MISSING") missing.push({ ...item, needs: mustBeVerified ? "verified" : "received" });
    else if (status !== "VERIFIED" && mustBeVerified) missing.push({ ...item, needs: "verified" });
  }
  return missing;
}

/** The kinds and what they lack, once each, for a message ("identity document — to be verified"). */
export function missingSummary(missing: readonly MissingDocument[]): Pick<MissingDocument, "kind" | "needs">[] {
  const seen = new Map<string, Pick<MissingDocument, "kind" | "needs">>();
  for (const { kind, needs } of missing) seen.set(`${kind}:${needs}`, { kind, needs });
  return [...seen.values()];
}

/**
 * The gate of one step: nothing when nothing required is missing; else the step is refused with the
 * list of what is missing (409), unless the role may override the checklist (a coordinator) and gave
 * a reason, which is then returned to be kept with the case event and audited. A reason from anyone
 * else is refused (403): a caseworker cannot override.
 */
export function checklistOverride(
  missing: readonly MissingDocument[],
  reason: string | null,
  subject: { role: Role },
): { reason: string; missing: MissingDocument[] } | null {
  if (missing.length === 0) return null;
  const documents = { documents: missingSummary(missing) };
  if (!reason) throw new AppError("checklistGate.errors.missing", { status: 409, values: { documents } });
  if (!can(subject, "case.overrideChecklist"))
    throw new AppError("checklistGate.errors.overrideNotAllowed", {
      status: 403,
      values: { documents },
    });
  return { reason, missing: [...missing] };
}
