/**
 * The document checklist of a case (domain.md, "Registration of the family"): an application and an
 * autobiography per family, an identity document and its notarised translation per member, and proof of
 * Kazakh nationality for kandas only. Pure; the database keeps one row per item (unique index
 * document_one_per_kind), created lazily from this list.
 */
import type { Category, DocumentKind, DocumentStatus, Role } from "@/lib/generated/prisma/enums";
import { can } from "./permissions";

export type { DocumentKind, DocumentStatus };

/** Largest accepted upload. A deployment setting kept in code: it also bounds request bodies. */
export const MAX_DOCUMENT_FILE_BYTES = 5 * 1024 * 1024;

/** Every document kind, in the order the checklist shows them. */
export const DOCUMENT_KINDS = [
  "APPLICATION",
  "AUTOBIOGRAPHY",
  "IDENTITY_DOCUMENT",
  "IDENTITY_TRANSLATION",
  "NATIONALITY_PROOF",
] as const satisfies readonly DocumentKind[];

/** Every document status, from missing to verified. */
export const DOCUMENT_STATUSES = ["MISSING", "RECEIVED", "VERIFIED"] as const satisfies readonly DocumentStatus[];

/** Kinds kept once per family member (the others once per family). */
export const PER_MEMBER_KINDS: readonly DocumentKind[] = ["IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"];

export type ChecklistItem = { kind: DocumentKind; personId: number | null };

/**
 * The checklist items of a family, in display order: application, autobiography, then for each member
 * (in the given order) the identity document and its translation, then proof of nationality for kandas.
 */
export function documentChecklist(category: Category, members: readonly { id: number }[]): ChecklistItem[] {
  const items: ChecklistItem[] = [
    { kind: "APPLICATION", personId: null },
    { kind: "AUTOBIOGRAPHY", personId: null },
  ];
  for (const member of members) {
    items.push(
      { kind: "IDENTITY_DOCUMENT", personId: member.id },
      { kind: "IDENTITY_TRANSLATION", personId: member.id },
    );
  }
  if (category === "KANDAS") items.push({ kind: "NATIONALITY_PROOF", personId: null });
  return items;
}

/** A key identifying a checklist item within a family (kind and member), as the unique index does. */
export function checklistKey(item: ChecklistItem): string {
  return `${item.kind}:${item.personId ?? 0}`;
}

/**
 * Whether a role may move a checklist item from one status to another: any staff role that sees the
 * case may mark items missing or received; only a coordinator or administrator may set VERIFIED or
 * change an item that is already verified (so a verification cannot be undone below that level).
 */
export function canChangeDocumentStatus(role: Role, from: DocumentStatus, to: DocumentStatus): boolean {
  if (!can({ role }, "family.edit")) return false;
  if (from === to) return true;
  if (from === "VERIFIED" || to === "VERIFIED") return can({ role }, "document.verify");
  return true;
}

/**
 * Whether a role may attach a file to an item in this status: a verified item changes only through a
 * coordinator or administrator, since a new file would change what was verified.
 */
export function canAttachFile(role: Role, status: DocumentStatus): boolean {
  if (!can({ role }, "family.edit")) return false;
  return status !== "VERIFIED" || can({ role }, "document.verify");
}

/** The status an item takes when a file is attached: a missing item becomes received, others keep theirs. */
export function statusAfterUpload(status: DocumentStatus): DocumentStatus {
  return status === "MISSING" ? "RECEIVED" : status;
}

/**
 * The status an item takes when one of its files is withdrawn: with no file left in force (neither
 * replaced nor withdrawn) nothing backs it any more, so it is missing again and stops counting for the
 * checklist gate; while another file backs it, it keeps its status.
 */
export function statusAfterWithdrawal(status: DocumentStatus, filesLeftInForce: number): DocumentStatus {
  return filesLeftInForce > 0 ? status : "MISSING";
}
