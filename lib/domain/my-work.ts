/**
 * A caseworker's "My work" (issue 15): each own case sorted into the group of its next action, and the
 * open tasks, overdue first. Pure; lib/db/work/my-work.ts loads the cases and the tasks. The groups reuse
 * the document checklist (documents.ts), the status validity (status-validity.ts), the support payments owed
 * (benefits.ts) and the case statuses.
 */
import type { CaseStatus, Category, DocumentKind, DocumentStatus, PaymentKind } from "@/lib/generated/prisma/enums";
import { nextPaymentDue, type PaymentDue } from "./benefits";
import { isTerminalStatus } from "./case-status";
import { checklistKey, documentChecklist } from "./documents";
import { validityState } from "./status-validity";

/** The groups, in the order My work shows them. */
export const WORK_GROUPS = [
  "documentsMissing",
  "readyForReview",
  "statusExpiring",
  "arrivalsDue",
  "supportPaymentsDue",
] as const;
export type WorkGroup = (typeof WORK_GROUPS)[number];

/** Statuses in which the documents of the application are still being gathered and checked. */
const GATHERING: readonly CaseStatus[] = ["REGISTERED", "UNDER_REVIEW"];

export type WorkCase = {
  id: number;
  caseNumber: string;
  status: CaseStatus;
  category: Category;
  members: readonly { id: number }[];
  documents: readonly { kind: DocumentKind; personId: number | null; status: DocumentStatus }[];
  statusValidUntil: Date | null;
  plannedArrival: Date | null;
  arrivalDate: Date | null;
  /** The payments in force (a reversed one no longer counts as paid). */
  payments: readonly { kind: PaymentKind; months: number | null }[];
  /** The months of rent compensation the rates in force on the day of arrival allow. */
  rentMonths: number;
};

/** Statuses of a family that has arrived and is being supported. */
const SUPPORTED: readonly CaseStatus[] = ["RESETTLED", "SUPPORTED"];

export type WorkItem = {
  familyId: number;
  caseNumber: string;
  /** The day the action is due by, when it has one. */
  dueDate: Date | null;
  overdue: boolean;
  /** For "documents missing": how many checklist items are neither received nor verified. */
  missing?: number;
  /** For "support payments due": the payment owed next. */
  payment?: Pick<PaymentDue, "kind" | "month">;
};

/**
 * How many items of the family's checklist are neither received nor verified. A checklist row not yet
 * created (rows appear when the case file is opened) counts as missing.
 */
export function missingDocumentCount(workCase: Pick<WorkCase, "category" | "members" | "documents">): number {
  const held = new Set(
    workCase.documents.filter((document) => document.status !== "MISSING").map((document) => checklistKey(document)),
  );
  return documentChecklist(workCase.category, workCase.members).filter((item) => !held.has(checklistKey(item))).length;
}

/** The group of a case's next action on `today`, or none when nothing waits on its caseworker. */
export function classifyCase(workCase: WorkCase, today: Date): { group: WorkGroup; item: WorkItem } | null {
  if (isTerminalStatus(workCase.status)) return null;
  const base = { familyId: workCase.id, caseNumber: workCase.caseNumber };
  if (GATHERING.includes(workCase.status)) {
    const missing = missingDocumentCount(workCase);
    if (missing > 0) return { group: "documentsMissing", item: { ...base, dueDate: null, overdue: false, missing } };
    if (workCase.status === "REGISTERED")
      return { group: "readyForReview", item: { ...base, dueDate: null, overdue: false } };
    return null;
  }
  if (workCase.statusValidUntil && (workCase.status === "APPROVED" || workCase.status === "QUOTA_ALLOCATED")) {
    const validity = validityState(workCase.statusValidUntil, today);
    if (validity.kind !== "valid")
      return {
        group: "statusExpiring",
        item: { ...base, dueDate: workCase.statusValidUntil, overdue: validity.kind === "expired" },
      };
  }
  if (
    workCase.status === "QUOTA_ALLOCATED" &&
    workCase.plannedArrival &&
    isDueThisMonth(workCase.plannedArrival, today)
  )
    return {
      group: "arrivalsDue",
      item: { ...base, dueDate: workCase.plannedArrival, overdue: workCase.plannedArrival < today },
    };
  if (SUPPORTED.includes(workCase.status) && workCase.arrivalDate) {
    const due = nextPaymentDue(workCase.arrivalDate, workCase.payments, workCase.rentMonths);
    if (due && isDueThisMonth(due.dueDate, today))
      return {
        group: "supportPaymentsDue",
        item: {
          ...base,
          dueDate: due.dueDate,
          overdue: due.dueDate < today,
          payment: { kind: due.kind, month: due.month },
        },
      };
  }
  return null;
}

/** A day falling in `today`'s month or earlier (an arrival or payment that did not happen stays due). */
function isDueThisMonth(day: Date, today: Date): boolean {
  const endOfMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  return day.getTime() < endOfMonth;
}

/** Overdue first, then the earliest due day, undated last, then by case number: the order of every list. */
export function byUrgency<T extends { overdue: boolean; dueDate: Date | null; caseNumber: string }>(
  a: T,
  b: T,
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const dueA = a.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.caseNumber.localeCompare(b.caseNumber);
}

/** Every case sorted into its group; each group in order of urgency. */
export function groupWork(cases: readonly WorkCase[], today: Date): Record<WorkGroup, WorkItem[]> {
  const groups = Object.fromEntries(WORK_GROUPS.map((group) => [group, [] as WorkItem[]])) as Record<
    WorkGroup,
    WorkItem[]
  >;
  for (const workCase of cases) {
    const placed = classifyCase(workCase, today);
    if (placed) groups[placed.group].push(placed.item);
  }
  for (const group of WORK_GROUPS) groups[group].sort(byUrgency);
  return groups;
}

/** Whether a task due on `dueDate` and not done is overdue on `today` (the due day itself is not). */
export function isTaskOverdue(dueDate: Date, today: Date): boolean {
  return dueDate.getTime() < today.getTime();
}

/** The rules that create tasks; each task's title is the rule's text in the reader's language. */
export const TASK_RULES = ["statusExpiring", "reviewOverdue"] as const;
export type TaskRule = (typeof TASK_RULES)[number];

/**
 * The key that makes a rule's task unique on its case: one "extend or close" task per validity end date
 * (an extended status gets a new task), one "review over the limit" task per case.
 */
export function ruleTaskKey(rule: TaskRule, validUntil?: Date): string {
  return rule === "statusExpiring" && validUntil ? `${rule}:${validUntil.toISOString().slice(0, 10)}` : rule;
}

/** The rule a task came from, read back from its key; null for a task written by hand. */
export function ruleOfTask(ruleKey: string | null): TaskRule | null {
  const rule = ruleKey?.split(":")[0];
  return TASK_RULES.find((candidate) => candidate === rule) ?? null;
}
