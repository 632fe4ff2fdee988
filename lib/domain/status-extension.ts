/**
 * Extension of a kandas status (issue 15): the akimat decides to keep a status valid longer. The case
 * keeps its status; only the last valid day moves, under a decision number and date, and a status can
 * be extended at most as many times as the setting `status.maxExtensions` allows.
 */
import type { Category } from "@/lib/generated/prisma/enums";
import { DECISION_NUMBER_MAX_LENGTH, type CaseStatus } from "./case-status";

/** How many extensions a status gets until an administrator sets `status.maxExtensions`. */
export const DEFAULT_MAX_EXTENSIONS = 2;

/** Statuses whose validity still matters and can be extended: granted, before the family has arrived. */
export const EXTENDABLE_STATUSES: readonly CaseStatus[] = ["APPROVED", "QUOTA_ALLOCATED"];

export type ExtensionDraft = {
  decisionNumber: string;
  /** Calendar days (UTC midnight). */
  decisionDate: Date;
  validUntil: Date;
};

export type ExtensionCase = {
  category: Category;
  status: CaseStatus;
  statusValidUntil: Date | null;
  /** Extensions recorded before this one. */
  extensionsSoFar: number;
};

export type ExtensionIssue =
  | { key: "notExtendable" }
  | { key: "limitReached"; max: number }
  | { key: "decisionNumberRequired"; field: "decisionNumber" }
  | { key: "decisionNumberTooLong"; field: "decisionNumber" }
  | { key: "decisionDateFuture"; field: "decisionDate" }
  | { key: "notLater"; field: "validUntil" };

/**
 * The first reason an extension cannot be recorded, or null: only a kandas status granted and not yet
 * used for arrival, with an end date, fewer extensions than `maxExtensions`, a decision number, a
 * decision not dated after today, and a new last valid day later than the current one.
 */
export function extensionIssue(
  current: ExtensionCase,
  draft: ExtensionDraft,
  options: { maxExtensions: number; today: Date },
): ExtensionIssue | null {
  if (current.category !== "KANDAS" || !EXTENDABLE_STATUSES.includes(current.status) || !current.statusValidUntil)
    return { key: "notExtendable" };
  if (current.extensionsSoFar >= options.maxExtensions) return { key: "limitReached", max: options.maxExtensions };
  const number = draft.decisionNumber.trim();
  if (number === "") return { key: "decisionNumberRequired", field: "decisionNumber" };
  if (number.length > DECISION_NUMBER_MAX_LENGTH) return { key: "decisionNumberTooLong", field: "decisionNumber" };
  if (draft.decisionDate.getTime() > options.today.getTime())
    return { key: "decisionDateFuture", field: "decisionDate" };
  if (draft.validUntil.getTime() <= current.statusValidUntil.getTime()) return { key: "notLater", field: "validUntil" };
  return null;
}
