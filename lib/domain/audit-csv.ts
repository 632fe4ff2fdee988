/**
 * The audit viewer's CSV export: one row per entry, in the viewer's order, with the same words as the
 * page plus what a spreadsheet needs to sort and filter (the action's code). The field changes are one
 * cell of "Field: from → to; …" in the reader's language, never the stored JSON. Text
 * that a spreadsheet would read as a formula is neutralised by toCsv (lib/domain/export-cells).
 */
import type { AuditOutcome } from "./audit-actions";
import {
  actionText,
  actorlessText,
  changesText,
  outcomeText,
  regionText,
  subjectText,
  type AuditSubject,
  type Translate,
} from "./audit-entry-text";
import { toCsv } from "./export-cells";
import type { Locale } from "./locale";
import type { StaffRole } from "./permissions";
import { PROGRAMME_TIME_ZONE } from "./status-validity";

/** An entry as the export needs it (lib/db/audit/audit-entries.ts AuditEntry has this shape). */
export type AuditCsvEntry = {
  id: string;
  at: Date;
  action: string;
  outcome: AuditOutcome;
  actor: { fullName: string; email: string; role: StaffRole | null } | null;
  subject: AuditSubject | null;
  regionId: string | null;
  details: unknown;
  ip: string | null;
  requestId: string | null;
};

const COLUMNS = [
  "id",
  "when",
  "person",
  "email",
  "role",
  "action",
  "actionCode",
  "outcome",
  "subject",
  "region",
  "changes",
  "address",
  "request",
] as const;

/** A moment as "yyyy-mm-dd hh:mm:ss" in Kazakhstan's time, which spreadsheets read and sort as a date. */
export function kazakhstanTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: PROGRAMME_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

/** The entries as a CSV file (UTF-8 with BOM, `;` between fields), headed in the reader's language. */
export function auditCsv(entries: readonly AuditCsvEntry[], t: Translate, locale: Locale): string {
  const rows = entries.map((entry) => [
    entry.id,
    kazakhstanTime(entry.at),
    entry.actor?.fullName ?? actorlessText(entry.action, t),
    entry.actor?.email ?? null,
    entry.actor?.role ? t(`role.${entry.actor.role}`) : null,
    actionText(entry.action, t).label,
    entry.action,
    outcomeText(entry.outcome, t),
    subjectText(entry.subject, t, locale),
    regionText(entry.regionId, locale),
    changesText(entry.details, t, locale),
    entry.ip,
    entry.requestId,
  ]);
  return toCsv([COLUMNS.map((column) => t(`audit.csv.${column}`)), ...rows]);
}
