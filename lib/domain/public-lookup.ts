/**
 * The public case status lookup (issue 5): a family without an account enters its case number and the
 * head of family's date of birth or IIN and reads where its case stands. This module holds the pure
 * rules: reading the typed input (anything malformed is the same "miss" as a wrong answer), the name
 * shown (first name and surname initial), the next step and the family's to-dos per status, the
 * timeline, the missing documents and the rate-limit arithmetic. lib/db/public-lookup.ts asks the
 * database and keeps the answer time uniform.
 */
import { CASE_STATUSES, holdsQuota, type CaseStatus } from "./case-status";
import { formatCaseNumber } from "./case-number";
import { checklistKey, documentChecklist, DOCUMENT_KINDS, type DocumentKind, type DocumentStatus } from "./documents";
import { validateIin } from "./iin";
import { parseIsoDay, validityState } from "./status-validity";

type Category = "KANDAS" | "SETTLER";

/** A limit on lookups per key: at most `attempts` within `windowMinutes` from the first attempt. */
export type LookupLimit = { attempts: number; windowMinutes: number };

/**
 * The limits until an administrator changes the settings `lookup.perAddress` and `lookup.perCase`
 * (lib/domain/settings.ts): per client address (room for a family retrying and a few neighbours behind
 * one NAT) and per case number across all addresses (a guesser spreading over many addresses still gets
 * ten tries an hour).
 */
export const DEFAULT_LOOKUP_LIMITS = {
  perAddress: { attempts: 10, windowMinutes: 15 },
  perCase: { attempts: 10, windowMinutes: 60 },
} as const satisfies Record<string, LookupLimit>;

/** Counter rows older than the longest window in force count as absent, so they may be deleted. */
export function throttleRetentionMinutes(limits: readonly LookupLimit[]): number {
  return Math.max(...limits.map((limit) => limit.windowMinutes));
}

/** Every how many lookups a server process deletes expired counter rows. */
export const LOOKUP_THROTTLE_PRUNE_EVERY = 100;

/** What the family proves it is: the head's date of birth or the head's IIN. */
export type LookupSecret = { kind: "birthDate"; day: Date } | { kind: "iin"; iin: string };

export type LookupInput = { caseNumber: string; secret: LookupSecret };

// Caps applied before any normalisation or regular expression, so a 10 kB field costs nothing.
const MAX_CASE_NUMBER_CHARS = 40;
const MAX_BIRTH_DATE_CHARS = 20;
const MAX_IIN_CHARS = 40;

/**
 * A form field as typed: "" when absent, null when not a string (a repeated field, an object) or longer
 * than `max` before or after NFKC normalisation (which turns full-width digits and letters into ASCII
 * and a no-break space into a space); otherwise the normalised, trimmed text.
 */
function field(value: unknown, max: number): string | null {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string" || value.length > max) return null;
  const normalised = value.normalize("NFKC").trim();
  return normalised.length > max ? null : normalised;
}

/**
 * The case number in its stored form NK-YYYY-NNNNNN, or null when the text is none. Accepts any letter
 * case, spaces or no separator in place of the hyphens and a missing "NK" prefix; anything else
 * (zero-width or direction characters, other dashes, letters) is not a case number.
 */
export function normaliseCaseNumber(value: unknown): string | null {
  const text = field(value, MAX_CASE_NUMBER_CHARS);
  if (!text) return null;
  const m = /^(?:NK[- ]?)?([0-9]{4})[- ]?([0-9]{6})$/.exec(text.toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const seq = Number(m[2]);
  if (year < 1000 || seq < 1) return null;
  return formatCaseNumber(year, seq);
}

/**
 * Reads the lookup form: the case number and either the head's IIN (spaces allowed, check digit
 * verified) or the head's date of birth as yyyy-mm-dd (what an HTML date input sends; other formats
 * are refused rather than guessed, since 03.04 and 04.03 differ). When both are filled in the IIN is
 * used: it is the stronger proof and already encodes the date. Null means malformed, which the caller
 * answers exactly like a wrong answer.
 */
export function parseLookupInput({ caseNumber, birthDate, iin }: Record<string, unknown>): LookupInput | null {
  const number = normaliseCaseNumber(caseNumber);
  const iinText = field(iin, MAX_IIN_CHARS);
  const dateText = field(birthDate, MAX_BIRTH_DATE_CHARS);
  if (number === null || iinText === null || dateText === null) return null;
  if (iinText !== "") {
    const digits = iinText.replace(/ /g, "");
    return validateIin(digits).ok ? { caseNumber: number, secret: { kind: "iin", iin: digits } } : null;
  }
  if (dateText === "") return null;
  const day = parseIsoDay(dateText);
  return day ? { caseNumber: number, secret: { kind: "birthDate", day } } : null;
}

/**
 * The text both sides of the secret comparison are reduced to: the kind and the value, so that a date
 * can never equal an IIN.
 */
export function secretText(secret: LookupSecret): string {
  return secret.kind === "iin" ? `iin:${secret.iin}` : `birthDate:${secret.day.toISOString().slice(0, 10)}`;
}

/** The first user-perceived character of a text (a letter with its combining marks, say). */
function firstGrapheme(text: string): string {
  const segments = new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text);
  for (const { segment } of segments) return segment;
  return "";
}

/**
 * The name the public page shows: first name and the initial of the surname ("Ерлан С.", "Erlan S."),
 * so that the page confirms the right case without spelling out who the family is.
 */
export function publicName(given: string, surname: string): string {
  const first = given.normalize("NFC").trim().replace(/\s+/g, " ");
  const initial = firstGrapheme(surname.normalize("NFC").trim()).toUpperCase();
  if (!initial) return first;
  return first ? `${first} ${initial}.` : `${initial}.`;
}

/** Keys of what happens next (messages status.next.*), one per status. */
export const NEXT_STEPS = [
  "documents",
  "review",
  "decision",
  "quota",
  "arrival",
  "support",
  "closing",
  "closed",
  "rejected",
  "withdrawn",
  "expired",
] as const;

export type NextStep = (typeof NEXT_STEPS)[number];

const NEXT_STEP_BY_STATUS: Record<CaseStatus, NextStep> = {
  REGISTERED: "review", // the centre checks the documents and sends the case to the akimat
  UNDER_REVIEW: "decision", // the akimat decides on the status
  APPROVED: "quota", // waiting for places in the regional quota
  QUOTA_ALLOCATED: "arrival", // adaptation plan, then the move
  RESETTLED: "support", // support measures are paid
  SUPPORTED: "closing", // citizenship or residence permit, then the case is closed
  CLOSED: "closed",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
  EXPIRED: "expired",
};

/** What happens next for a case in this status, as a message key. */
export function nextStepFor(status: CaseStatus): NextStep {
  return NEXT_STEP_BY_STATUS[status];
}

/**
 * The one next step the page tells the family: while documents are missing and still matter (until
 * arrival), bringing them, since every step until arrival waits for them (the checklist gate,
 * lib/domain/checklist-gate); otherwise what follows the status (nextStepFor). So the page never says
 * "move to the region" and "bring the missing documents" at once.
 */
export function publicNextStep(input: { status: CaseStatus; missingDocuments: readonly DocumentKind[] }): NextStep {
  if (input.missingDocuments.length > 0 && DOCUMENTS_MATTER.includes(input.status)) return "documents";
  return nextStepFor(input.status);
}

/** Keys of what the family itself must do (messages status.action.*). */
export const FAMILY_ACTIONS = ["bring-documents", "renew-status", "prepare-arrival", "contact-centre"] as const;

export type FamilyAction = (typeof FAMILY_ACTIONS)[number];

/** Statuses in which the document checklist still matters: before the family has arrived. */
const DOCUMENTS_MATTER: readonly CaseStatus[] = ["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED"];

/** Statuses in which a kandas status must stay valid: granted and not yet replaced by citizenship. */
const STATUS_VALIDITY_MATTERS: readonly CaseStatus[] = ["APPROVED", "QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED"];

/** Whether the page shows the kandas status expiry date: a kandas case with a status that holds or has lapsed. */
export function showsStatusExpiry(category: Category, status: CaseStatus): boolean {
  return category === "KANDAS" && (STATUS_VALIDITY_MATTERS.includes(status) || status === "EXPIRED");
}

/**
 * What the family must do now, in the order the page lists them: bring documents still missing (until
 * arrival), ask for an extension of a kandas status that expires within the warning period or has
 * expired, prepare the move once places are allocated and no document is missing (the arrival waits for
 * them, see publicNextStep), and contact the centre after a refusal or an expiry. Empty when nothing is
 * asked of the family.
 */
export function familyActionsFor(input: {
  status: CaseStatus;
  category: Category;
  missingDocuments: readonly DocumentKind[];
  statusValidUntil: Date | null;
  today: Date;
}): FamilyAction[] {
  const { status, category, statusValidUntil, today } = input;
  const actions: FamilyAction[] = [];
  const documentsMissing = input.missingDocuments.length > 0 && DOCUMENTS_MATTER.includes(status);
  if (documentsMissing) actions.push("bring-documents");
  if (
    category === "KANDAS" &&
    statusValidUntil !== null &&
    STATUS_VALIDITY_MATTERS.includes(status) &&
    validityState(statusValidUntil, today).kind !== "valid"
  ) {
    actions.push("renew-status");
  }
  if (status === "QUOTA_ALLOCATED" && !documentsMissing) actions.push("prepare-arrival");
  if (status === "REJECTED" || status === "EXPIRED") actions.push("contact-centre");
  return actions;
}

/**
 * Document kinds of the family's checklist (documents.ts) that are neither received nor verified, once
 * each, in checklist order; empty once documents no longer matter (after arrival or a closed case).
 * Items without a stored row (the checklist is stored on the first staff view) count as missing.
 */
export function missingDocuments(input: {
  status: CaseStatus;
  category: Category;
  members: readonly { id: number }[];
  documents: readonly { kind: DocumentKind; personId: number | null; status: DocumentStatus }[];
}): DocumentKind[] {
  if (!DOCUMENTS_MATTER.includes(input.status)) return [];
  const present = new Set(input.documents.filter((document) => document.status !== "MISSING").map(checklistKey));
  const missing = new Set(
    documentChecklist(input.category, input.members)
      .filter((item) => !present.has(checklistKey(item)))
      .map((item) => item.kind),
  );
  return DOCUMENT_KINDS.filter((kind) => missing.has(kind));
}

/**
 * The timeline: the first time the case reached each status, in lifecycle order (registration, review,
 * decision, quota, arrival, support, closing, then a side exit). Statuses are only ever reached once,
 * so the first time is also the last.
 */
export function publicTimeline(
  events: readonly { toStatus: CaseStatus; at: Date }[],
): { status: CaseStatus; at: Date }[] {
  const first = new Map<CaseStatus, Date>();
  for (const event of events) {
    const seen = first.get(event.toStatus);
    if (!seen || event.at < seen) first.set(event.toStatus, event.at);
  }
  return CASE_STATUSES.flatMap((status) => {
    const at = first.get(status);
    return at ? [{ status, at }] : [];
  });
}

/** Steps of the ordinary path still ahead of a case in this status (none once it has ended). */
export function stepsAhead(status: CaseStatus): CaseStatus[] {
  const path: CaseStatus[] = CASE_STATUSES.slice(0, CASE_STATUSES.indexOf("CLOSED") + 1);
  const index = path.indexOf(status);
  return index < 0 ? [] : path.slice(index + 1);
}

/** Whether the page shows quota and arrival details: once the family holds places. */
export function showsAllocation(status: CaseStatus): boolean {
  return holdsQuota(status);
}

/** Key of the per-address counter; the address is cut to what the key column holds. */
export function addressThrottleKey(ip: string): string {
  return `addr:${ip.slice(0, 150)}`;
}

/**
 * What the per-case counter counts: the case number in stored form, or, for text that is no case number,
 * that text itself (cut short), so that repeating one malformed value is limited exactly like repeating
 * an unknown case number and the limit reveals nothing about the input's shape.
 */
export function caseThrottleText(value: unknown): string {
  return normaliseCaseNumber(value) ?? `raw:${typeof value === "string" ? value.slice(0, 160) : ""}`;
}

/** Key of the per-case counter, from a digest of the case number (the table never holds the number itself). */
export function caseThrottleKey(caseDigestHex: string): string {
  return `case:${caseDigestHex}`;
}

/**
 * Seconds until a counter's window ends, rounded up and at least 1, for "try again in N minutes" and
 * the Retry-After header.
 */
export function secondsUntilWindowEnds(windowStart: Date, limit: LookupLimit, now: Date): number {
  const end = windowStart.getTime() + limit.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/**
 * Whether a counter is over its limit: the attempt that makes `attempts` (this one included) exceed
 * the limit is refused, so exactly `limit.attempts` lookups pass per window.
 */
export function isOverLimit(attempts: number, limit: LookupLimit): boolean {
  return attempts > limit.attempts;
}
