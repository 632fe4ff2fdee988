/**
 * Case lifecycle: which status changes exist, who may make them and what each one needs.
 *
 * REGISTERED → UNDER_REVIEW → APPROVED (kandas status granted / settler approved) → QUOTA_ALLOCATED
 * → RESETTLED → SUPPORTED → CLOSED, with side exits REJECTED (after review), WITHDRAWN (by the family,
 * before arrival) and EXPIRED (status lapsed before arrival). Terminal: CLOSED, REJECTED, WITHDRAWN,
 * EXPIRED (an extension of kandas status changes statusValidUntil, not the status). A kandas case closes
 * with the family's citizenship or residence permit (its number and date), which may come before the
 * support ends (RESETTLED → CLOSED); settlers are citizens already and close after support.
 *
 * Roles: a caseworker registers, sends to review, records arrival and support, and records a
 * withdrawal; a coordinator also decides (approve, reject), allocates quota, records expiry and closes
 * the case; an admin can do everything a coordinator can; an analyst changes nothing.
 */
import type { CaseStatus, Category, Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "./permissions";

export type { CaseStatus, Role };

/** The statuses of a case that goes the whole way, from registration to closing, in order. */
export const MAIN_PATH = [
  "REGISTERED",
  "UNDER_REVIEW",
  "APPROVED",
  "QUOTA_ALLOCATED",
  "RESETTLED",
  "SUPPORTED",
  "CLOSED",
] as const satisfies readonly CaseStatus[];

/** Every case status, in lifecycle order (same values as the Prisma enum): the main path, then the side exits. */
export const CASE_STATUSES = [
  ...MAIN_PATH,
  "REJECTED",
  "WITHDRAWN",
  "EXPIRED",
] as const satisfies readonly CaseStatus[];

/** Statuses after which nothing changes. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ["CLOSED", "REJECTED", "WITHDRAWN", "EXPIRED"];

/** Statuses in which the family holds places in a quota (an ACTIVE allocation). */
export const STATUSES_HOLDING_QUOTA: readonly CaseStatus[] = ["QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED", "CLOSED"];

/** Data a transition needs besides the target status. */
export type TransitionRequirement = "reason" | "decision" | "arrivalDate" | "validityEnded" | "settlementDocument";

/**
 * The document that ends a kandas family's case after arrival: Kazakh citizenship or a residence permit
 * (a family that keeps its foreign citizenship). Settlers are citizens already and close without one.
 */
export const SETTLEMENT_DOCUMENTS = ["CITIZENSHIP", "RESIDENCE_PERMIT"] as const;

export type SettlementDocument = (typeof SETTLEMENT_DOCUMENTS)[number];

/** Longest citizenship or residence permit document number kept with the case event. */
export const SETTLEMENT_NUMBER_MAX_LENGTH = 64;

export interface TransitionRule {
  from: CaseStatus;
  to: CaseStatus;
  /** What the person needs (lib/domain/permissions.ts): the everyday steps, decisions or the quota. */
  permission: Permission;
  requires: readonly TransitionRequirement[];
  /** The categories the step exists for; every category when absent. */
  categories?: readonly Category[];
}

const CASEWORKER_UP: Permission = "case.transition";
const COORDINATOR_UP: Permission = "case.decide";

const rule = (
  from: CaseStatus,
  to: CaseStatus,
  permission: Permission,
  requires: readonly TransitionRequirement[] = [],
  categories?: readonly Category[],
): TransitionRule => ({ from, to, permission, requires, ...(categories && { categories }) });

/** The transition table. Anything not listed is not a transition. */
export const TRANSITIONS: readonly TransitionRule[] = [
  rule("REGISTERED", "UNDER_REVIEW", CASEWORKER_UP),
  rule("REGISTERED", "WITHDRAWN", CASEWORKER_UP, ["reason"]),
  rule("UNDER_REVIEW", "APPROVED", COORDINATOR_UP, ["decision"]),
  rule("UNDER_REVIEW", "REJECTED", COORDINATOR_UP, ["reason"]),
  rule("UNDER_REVIEW", "WITHDRAWN", CASEWORKER_UP, ["reason"]),
  rule("APPROVED", "QUOTA_ALLOCATED", "quota.allocate"),
  rule("APPROVED", "WITHDRAWN", CASEWORKER_UP, ["reason"]),
  rule("APPROVED", "EXPIRED", COORDINATOR_UP, ["validityEnded"]),
  rule("QUOTA_ALLOCATED", "RESETTLED", CASEWORKER_UP, ["arrivalDate"]),
  rule("QUOTA_ALLOCATED", "WITHDRAWN", CASEWORKER_UP, ["reason"]),
  rule("QUOTA_ALLOCATED", "EXPIRED", COORDINATOR_UP, ["validityEnded"]),
  rule("RESETTLED", "SUPPORTED", CASEWORKER_UP),
  // Citizenship or a residence permit may come before the support measures end; it closes the case.
  rule("RESETTLED", "CLOSED", COORDINATOR_UP, ["settlementDocument"], ["KANDAS"]),
  rule("SUPPORTED", "CLOSED", COORDINATOR_UP, ["settlementDocument"]),
];

export interface TransitionInput {
  reason?: string | null;
  decisionNumber?: string | null;
  /** ISO yyyy-mm-dd or a Date. */
  decisionDate?: string | Date | null;
  /** ISO yyyy-mm-dd or a Date. */
  arrivalDate?: string | Date | null;
  /** The last day the status is valid (kandas), and today's calendar day: EXPIRED needs the first before the second. */
  statusValidUntil?: Date | null;
  today?: Date;
  /** The family's category: a settler needs no settlement document; unknown counts as kandas. */
  category?: Category;
  settlementDocument?: string | null;
  settlementNumber?: string | null;
  /** ISO yyyy-mm-dd or a Date. */
  settlementDate?: string | Date | null;
}

export type TransitionError =
  | "terminal-status"
  | "no-such-transition"
  | "role-not-allowed"
  | "reason-required"
  | "decision-number-required"
  | "decision-number-too-long"
  | "decision-date-required"
  | "arrival-date-required"
  | "status-still-valid"
  | "settlement-document-required"
  | "settlement-number-required"
  | "settlement-number-too-long"
  | "settlement-date-required";

export type TransitionCheck =
  { ok: true; rule: TransitionRule } | { ok: false; error: TransitionError; field?: keyof TransitionInput };

/** Longest decision number the database stores. */
export const DECISION_NUMBER_MAX_LENGTH = 64;

/** Whether the status is terminal (closed, rejected, withdrawn, expired). */
export function isTerminalStatus(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Whether the case is still in progress (not terminal). */
export function isActiveStatus(status: CaseStatus): boolean {
  return !isTerminalStatus(status);
}

/** Whether a family in this status holds quota places. */
export function holdsQuota(status: CaseStatus): boolean {
  return STATUSES_HOLDING_QUOTA.includes(status);
}

/** The rule for a status change, or undefined when the change is not a transition. */
export function findTransition(from: CaseStatus, to: CaseStatus): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Whether a rule exists for the category (a rule without categories exists for all; unknown: any). */
const ruleFits = (found: TransitionRule, category: Category | undefined): boolean =>
  !found.categories || category === undefined || found.categories.includes(category);

/** Target statuses a role may move a case to from `from` (for a family of `category`, when given), in table order. */
export function allowedTransitions(from: CaseStatus, role: Role, category?: Category): CaseStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && can({ role }, t.permission) && ruleFits(t, category)).map(
    (t) => t.to,
  );
}

/** Whether a move to `to` asks this category for a settlement document: kandas families only. */
export function needsSettlementDocument(to: CaseStatus, category: Category | undefined): boolean {
  return category !== "SETTLER" && TRANSITIONS.some((t) => t.to === to && t.requires.includes("settlementDocument"));
}

function isValidDate(value: string | Date | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Whether a status valid until `validUntil` (its last valid day) has lapsed by `today`. Without an end
 * date (a settler, or no decision yet) or without today there is nothing that could have lapsed.
 */
export function validityHasEnded(validUntil: Date | null | undefined, today: Date | undefined): boolean {
  if (!validUntil || !today) return false;
  return validUntil.getTime() < today.getTime();
}

const isBlank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === "";

/**
 * Checks a status change by a role with its input: first that the change exists (not from a terminal
 * status), then that the role may make it, then that the required data is present (a reason for
 * REJECTED and WITHDRAWN, decision number and date for APPROVED, arrival date for RESETTLED, and for
 * EXPIRED a validity that ended before today — an extension keeps a status valid, never expires it;
 * for CLOSED a kandas family's citizenship or residence permit, its number and date). A step the table
 * limits to other categories does not exist for the family.
 */
export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  role: Role,
  input: TransitionInput = {},
): TransitionCheck {
  if (isTerminalStatus(from)) return { ok: false, error: "terminal-status" };
  const found = findTransition(from, to);
  if (!found || (input.category !== undefined && !ruleFits(found, input.category)))
    return { ok: false, error: "no-such-transition" };
  if (!can({ role }, found.permission)) return { ok: false, error: "role-not-allowed" };
  for (const req of found.requires) {
    if (req === "reason" && isBlank(input.reason)) return { ok: false, error: "reason-required", field: "reason" };
    if (req === "decision") {
      if (isBlank(input.decisionNumber))
        return { ok: false, error: "decision-number-required", field: "decisionNumber" };
      if ((input.decisionNumber ?? "").trim().length > DECISION_NUMBER_MAX_LENGTH)
        return { ok: false, error: "decision-number-too-long", field: "decisionNumber" };
      if (!isValidDate(input.decisionDate))
        return { ok: false, error: "decision-date-required", field: "decisionDate" };
    }
    if (req === "arrivalDate" && !isValidDate(input.arrivalDate))
      return { ok: false, error: "arrival-date-required", field: "arrivalDate" };
    if (req === "validityEnded" && !validityHasEnded(input.statusValidUntil, input.today))
      return { ok: false, error: "status-still-valid" };
    if (req === "settlementDocument" && input.category !== "SETTLER") {
      if (!(SETTLEMENT_DOCUMENTS as readonly (string | null | undefined)[]).includes(input.settlementDocument))
        return { ok: false, error: "settlement-document-required", field: "settlementDocument" };
      if (isBlank(input.settlementNumber))
        return { ok: false, error: "settlement-number-required", field: "settlementNumber" };
      if ((input.settlementNumber ?? "").trim().length > SETTLEMENT_NUMBER_MAX_LENGTH)
        return { ok: false, error: "settlement-number-too-long", field: "settlementNumber" };
      if (!isValidDate(input.settlementDate))
        return { ok: false, error: "settlement-date-required", field: "settlementDate" };
    }
  }
  return { ok: true, rule: found };
}
