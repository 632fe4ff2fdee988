/**
 * An audit entry in words, for the audit viewer's page and its CSV export alike: the action's label,
 * what the entry is about, and its field changes as "field: from → to". Keys are under `audit` in the
 * catalogues; the translator is passed in. No code of the system (a setting's key, a table or field
 * name) is shown: what the catalogues do not name is shown as "other record" or "other field".
 */
import { describeAction, type AuditOutcome } from "./audit-actions";
import { MASKED_SECRET } from "./audit-mask";
import { CASE_STATUSES } from "./case-status";
import type { Locale } from "./locale";
import { ROLES } from "./permissions";
import { findRegion, regionName } from "./regions";
import { isSettingKey, SETTINGS } from "./settings";

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
  "family_transfer",
  "import_batch",
  "mci_rate",
  "note",
  "payment",
  "permission",
  "person",
  "quota",
  "quota_order",
  "region",
  "report",
  "setting",
  "user",
  "waitlist_entry",
]);

/**
 * Changed fields with a name in the catalogues (`audit.field.<field>`): every field the entries' `changes`
 * hold (lib/db: diffFields and `changes:` of recordAudit); another shows as "other field".
 */
export const NAMED_FIELDS: ReadonlySet<string> = new Set([
  "address",
  "allocated",
  "amountTenge",
  "applicationDate",
  "arrivalDate",
  "category",
  "contactEmail",
  "contactPhone",
  "deactivationReason",
  "decisionDate",
  "decisionNumber",
  "email",
  "fullName",
  "fullNameLatin",
  "housing",
  "isActive",
  "job",
  "membersArriving",
  "originCountry",
  "originRegionId",
  "passwordHash",
  "persons",
  "phone",
  "plannedArrival",
  "regionId",
  "role",
  "status",
  "statusValidUntil",
  "targetDistrictId",
  "targetRegionId",
  "total",
  "training",
  "transport",
  "value",
  "version",
]);

/** Fields whose value is a region's code, shown by the region's name. */
const REGION_FIELDS: ReadonlySet<string> = new Set(["regionId", "originRegionId", "targetRegionId"]);

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

/** The name of an entity (`family`, `quota_order`, …), or "other record" when the catalogues have none. */
export function entityText(entity: string, t: Translate): string {
  return NAMED_ENTITIES.has(entity) ? t(`audit.entity.${entity}`) : t("audit.entity.other");
}

/** The name of a changed field, or "other field" when the catalogues have none. */
export function fieldText(field: string, t: Translate): string {
  return NAMED_FIELDS.has(field) ? t(`audit.field.${field}`) : t("audit.field.other");
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
      if (subject.entity === "setting") {
        return subject.entityId !== null && isSettingKey(subject.entityId)
          ? t(SETTINGS[subject.entityId].labelKey)
          : entityText(subject.entity, t);
      }
      if (subject.entity === "mci_rate" && subject.entityId !== null) {
        return t("audit.subject.mci", { year: subject.entityId });
      }
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

/**
 * A stored value in words: dates without a time as days, case statuses, roles and regions by name, yes
 * and no, a masked password as "changed", "—" for none.
 */
export function valueText(field: string, value: unknown, t: Translate, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "audit.value.yes" : "audit.value.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (value === MASKED_SECRET) return t("audit.value.changed");
    if (field === "status" && (CASE_STATUSES as readonly string[]).includes(value)) return t(`status.${value}`);
    if (field === "role" && (ROLES as readonly string[]).includes(value)) return t(`role.${value}`);
    if (REGION_FIELDS.has(field) && findRegion(value)) return regionName(value, locale);
    return MIDNIGHT_UTC.exec(value)?.[1] ?? value;
  }
  const json = JSON.stringify(value);
  return json.length > VALUE_MAX_LENGTH ? `${json.slice(0, VALUE_MAX_LENGTH)}…` : json;
}

/** One change as "Field: from → to". */
export function changeText(change: FieldChange, t: Translate, locale: Locale): string {
  const value = (stored: unknown) => valueText(change.field, stored, t, locale);
  return `${fieldText(change.field, t)}: ${value(change.from)} → ${value(change.to)}`;
}

/** Every change of an entry, as "Field: from → to; …" in one line ("" for none): the export's cell. */
export function changesText(details: unknown, t: Translate, locale: Locale): string {
  return fieldChanges(details)
    .map((change) => changeText(change, t, locale))
    .join("; ");
}
