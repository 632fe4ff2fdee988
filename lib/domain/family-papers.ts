/**
 * Rules of the papers printed for a family (the application receipt, the case summary and the decision
 * letter): which documents the receipt lists, which decision the letter states, and the language a
 * printed paper is in.
 */
import type { CaseStatus } from "./case-status";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentStatus } from "./documents";
import type { Locale } from "./locale";
import { programmeToday } from "./status-validity";

/** The languages of state documents, in which the summary and the letter are printed. */
export const PAPER_LOCALES = ["kk", "ru"] as const satisfies readonly Locale[];

export type PaperLocale = (typeof PAPER_LOCALES)[number];

/**
 * The language of a printed paper: the one chosen on the page (`?lang=kk|ru`), else the interface
 * language when it is one of the two, else Kazakh, the state language.
 */
export function paperLocale(requested: unknown, interfaceLocale: Locale): PaperLocale {
  const isPaperLocale = (value: unknown): value is PaperLocale => PAPER_LOCALES.some((locale) => locale === value);
  if (isPaperLocale(requested)) return requested;
  return isPaperLocale(interfaceLocale) ? interfaceLocale : "kk";
}

type PaperDocument<P> = { kind: DocumentKind; status: DocumentStatus; person: P | null; personPosition: number | null };

/**
 * The documents a family has handed in (received or verified), in checklist order: the family's own
 * documents by kind, the members' by kind and then by the member's place in the family.
 */
export function receivedDocuments<P, D extends PaperDocument<P>>(documents: readonly D[]): D[] {
  const kindOrder = (kind: DocumentKind) => DOCUMENT_KINDS.indexOf(kind);
  return documents
    .filter((document) => document.status !== "MISSING")
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.personPosition ?? -1) - (b.personPosition ?? -1));
}

/** The akimat's decision on a case, as the letter states it. */
export type CaseDecision =
  | { kind: "approval"; number: string; date: Date }
  /** A refusal records no number; its date is the programme's calendar day of the step. */
  | { kind: "refusal"; number: null; date: Date; reason: string | null };

/**
 * The decision a case has: a refusal (the step to REJECTED, its day and reason), else an approval (the
 * decision number and date recorded with it, kept after later steps), else none, before the akimat has
 * decided.
 */
export function caseDecision(input: {
  status: CaseStatus;
  decisionNumber: string | null;
  decisionDate: Date | null;
  events: readonly { toStatus: CaseStatus; at: Date; reason: string | null }[];
}): CaseDecision | null {
  if (input.status === "REJECTED") {
    const refusal = input.events.findLast((event) => event.toStatus === "REJECTED");
    if (refusal) return { kind: "refusal", number: null, date: programmeToday(refusal.at), reason: refusal.reason };
  }
  if (input.decisionNumber && input.decisionDate)
    return { kind: "approval", number: input.decisionNumber, date: input.decisionDate };
  return null;
}

/** Whether the case page offers the decision letter: after a refusal or once an approval is recorded. */
export function hasDecision(input: { status: CaseStatus; decisionNumber: string | null }): boolean {
  return input.status === "REJECTED" || Boolean(input.decisionNumber);
}
