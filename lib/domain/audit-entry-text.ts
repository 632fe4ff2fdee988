/**
 * An audit entry in words, for the audit viewer's page and its CSV export alike: the action's label,
 * what the entry is about, and its field changes as "field: from → to". Keys are under `audit` in the
 * catalogues; the translator is passed in.
 */
import { describeAction, type AuditOutcome } from "./audit-actions";
import { CASE_STATUSES } from "./case-status";
import type { Locale } from "./locale";
import { findRegion, regionName } from "./regions";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What an entry is about, as the reader may see it (lib/db/audit/audit-entries.ts describes entries). */
export type AuditSubject =
  /** A family: its case number only when the reader may open the family, else its number alone. */
  | { kind: "family"; familyId: number; caseNumber: string | null }
  | { kind: "user"; userId: number; fullName: string | null }
  | { kind: "region"; regionId: string }
  | { kind: "other"; entity: string; entityId: string | null };

/** Entities with a name in the catalogues (`audit.entity.<entity>`). */
export const NAMED_ENTITIES: ReadonlySet<string> = new Set([
  "adaptation_plan",
  "audit_log",
  "document",
  "document_file",
  "family",
  "note",
  "payment",
  "person",
  "quota",
  "quota_order",
  "region",
  "report",
  "setting",
  "user",
  "waitlist_entry",
]);

/** Changed fields with a name in the catalogues (`audit.field.<field>`); others show their code. */
export const NAMED_FIELDS: ReadonlySet<string> = new Set([
  "address",
  "allocated",
  "applicationDate",
  "arrivalDate",
  "category",
  "contactEmail",
  "contactPhone",
  "decisionDate",
  "decisionNumber",
  "email",
  "fullName",
  "isActive",
  "originCountry",
  "originRegionId",
  "persons",
  "regionId",
  "role",
  "status",
  "statusValidUntil",
  "targetDistrictId",
  "targetRegionId",
  "total",
  "value",
  "version",
]);

/** The action as the reader sees it: its label, and its code when the catalogue does not know it yet. */
export function actionText(action: string, t: Translate): { label: string; code: string | null } {
  const described = describeAction(action);
  if (described.isListed) return { label: t(`audit.action.${described.label}`), code: null };
  return { label: described.area ? t(`audit.area.${described.area}`) : t("audit.action.other"), code: action };
}

/**
 * Who acted, for an entry written without a signed-in person: the system (seed, generated data), a
 * visitor of the public status page, or someone not signed in (sign-in attempts, sign-outs).
 */
export function actorlessText(action: string, t: Translate): string {
  const { area } = describeAction(action);
  if (area === "system") return t("audit.actorSystem");
  if (area === "publicLookup") return t("audit.actorPublic");
  return t("audit.actorNone");
}

/** The outcome in words. */
export function outcomeText(outcome: AuditOutcome, t: Translate): string {
  return t(`audit.outcome.${outcome}`);
}

/** The name of an entity (`family`, `quota_order`, …), or its code when it has none. */
export function entityText(entity: string, t: Translate): string {
  return NAMED_ENTITIES.has(entity) ? t(`audit.entity.${entity}`) : entity;
}

/** What the entry is about, as plain text ("—" for nothing). */
export function subjectText(subject: AuditSubject | null, t: Translate, locale: Locale): string {
  if (!subject) return "—";
  switch (subject.kind) {
    case "family":
      return subject.caseNumber ?? t("audit.subject.family", { id: subject.familyId });
    case "user":
      return subject.fullName ?? t("audit.subject.user", { id: subject.userId });
    case "region":
      return findRegion(subject.regionId) ? regionName(subject.regionId, locale) : subject.regionId;
    case "other":
      return subject.entityId === null
        ? entityText(subject.entity, t)
        : `${entityText(subject.entity, t)}: ${subject.entityId}`;
  }
}

/** The region of an entry by its name, "—" for none. */
export function regionText(regionId: string | null, locale: Locale): string {
  if (!regionId) return "—";
  return findRegion(regionId) ? regionName(regionId, locale) : regionId;
}

export type FieldChange = { field: string; from: unknown; to: unknown };

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  value !== null && typeof value === "object" && "from" in value && "to" in value;

/**
 * The field changes stored with an entry (`details.changes`, written masked by lib/db/audit.ts), in
 * the order they were written; entries of other shapes have none.
 */
export function fieldChanges(details: unknown): FieldChange[] {
  if (details === null || typeof details !== "object") return [];
  const changes = (details as { changes?: unknown }).changes;
  if (changes === null || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes).flatMap(([field, change]) =>
    isChange(change) ? [{ field, from: change.from, to: change.to }] : [],
  );
}

const VALUE_MAX_LENGTH = 200;
const MIDNIGHT_UTC = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z$/;

/** A stored value in words: dates without a time as days, case statuses by name, yes and no, "—" for none. */
export function valueText(field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "audit.value.yes" : "audit.value.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (field === "status" && (CASE_STATUSES as readonly string[]).includes(value)) return t(`status.${value}`);
    return MIDNIGHT_UTC.exec(value)?.[1] ?? value;
  }
  const json = JSON.stringify(value);
  return json.length > VALUE_MAX_LENGTH ? `${json.slice(0, VALUE_MAX_LENGTH)}…` : json;
}

/** One change as "Field: from → to". */
export function changeText(change: FieldChange, t: Translate): string {
  const field = NAMED_FIELDS.has(change.field) ? t(`audit.field.${change.field}`) : change.field;
  return `${field}: ${valueText(change.field, change.from, t)} → ${valueText(change.field, change.to, t)}`;
}
