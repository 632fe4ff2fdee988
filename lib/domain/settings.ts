/**
 * The programme settings (issue 13): every value the system reads from `setting_version`, with the
 * schema its value must satisfy, its default, the group of the settings page that shows it and the
 * catalogue keys of its label and help text. A setting has versions, each applying from a calendar day
 * (Kazakhstan time); the value in force on a day is the version applying on or before that day that was
 * saved last (versionInForce), else the default here. Entitlements, decisions and reports ask for the
 * value in force on the day of their event, so a change never rewrites what was computed before it
 * (docs/decisions/015-settings-with-effective-dates.md).
 */
import { z } from "zod";
import type { Category } from "@/lib/generated/prisma/enums";
import type { CaseStatus } from "./case-status";
import { documentChecklist, type DocumentKind } from "./documents";
import { DEFAULT_SECOND_FACTOR_ROLES, ROLES, type StaffRole } from "./permissions";
import { DEFAULT_REVIEW_TIME_LIMIT_DAYS, MAX_REVIEW_TIME_LIMIT_DAYS } from "./processing-times";
import { DEFAULT_LOOKUP_LIMITS } from "./public-lookup";
import { DEFAULT_SESSION_LIFETIME, MAX_SESSION_HOURS } from "./session-lifetime";
import { DEFAULT_STATUS_VALIDITY_MONTHS } from "./status-validity";
import { DEFAULT_MAX_EXTENSIONS } from "./status-extension";

/** The groups of the settings page, in page order. */
export const SETTING_GROUPS = ["benefits", "caseWork", "publicLookup", "security", "operations"] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

/** The unit a number setting is shown and typed in. */
export type SettingUnit =
  "mci" | "tenge" | "percent" | "months" | "workingDays" | "minutes" | "hours" | "backups" | "extensions";

/**
 * How the page shows and edits a setting: one whole number, a minimum–maximum range, attempts within a
 * window, a set of roles, or the matrix of documents required before each step.
 */
export type SettingInput =
  | { kind: "number"; unit: SettingUnit }
  | { kind: "range"; unit: SettingUnit }
  | { kind: "limit" }
  | { kind: "roles" }
  | { kind: "documents" };

/** The case steps (the status a transition leads to) before which documents can be required, in lifecycle order. */
export const DOCUMENT_STEPS = [
  "UNDER_REVIEW",
  "APPROVED",
  "QUOTA_ALLOCATED",
  "RESETTLED",
] as const satisfies readonly CaseStatus[];
export type DocumentStep = (typeof DOCUMENT_STEPS)[number];

/** The categories, each with its own document checklist. */
export const DOCUMENT_CATEGORIES = ["KANDAS", "SETTLER"] as const satisfies readonly Category[];

/** Before one step: the kinds that must be at least received, and those of them that must be verified. */
export type StepRequirement = { received: DocumentKind[]; verified: DocumentKind[] };
export type RequiredDocuments = Record<Category, Record<DocumentStep, StepRequirement>>;

/** The document kinds of a category's checklist (lib/domain/documents), each once, in checklist order. */
export function checklistKinds(category: Category): DocumentKind[] {
  return [...new Set(documentChecklist(category, [{ id: 0 }]).map((item) => item.kind))];
}

// Catalogue keys of the messages a refused value shows.
const ERRORS = {
  rangeOrder: "settings.errors.rangeOrder",
  attempts: "settings.errors.attempts",
  window: "settings.errors.window",
  roles: "settings.errors.roles",
  documents: "settings.errors.documents",
  verifiedNotReceived: "settings.errors.verifiedNotReceived",
  mciYear: "settings.errors.mciYear",
  mciAmount: "settings.errors.mciAmount",
} as const;

/** A whole number from `min` to `max`; anything else (text, a fraction, NaN) fails with `message`. */
function wholeNumber(min: number, max: number, message: string) {
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

const invalidOf = (name: string) => `settings.items.${name}.invalid`;

/** A minimum and a maximum, each a whole number in bounds, the minimum not above the maximum. */
function rangeSchema(min: number, max: number, message: string) {
  return z
    .object({ min: wholeNumber(min, max, message), max: wholeNumber(min, max, message) })
    .strict()
    .refine((range) => range.min <= range.max, { message: ERRORS.rangeOrder, path: ["max"] });
}

const limitSchema = z
  .object({
    attempts: wholeNumber(1, 1000, ERRORS.attempts),
    windowMinutes: wholeNumber(1, 1440, ERRORS.window),
  })
  .strict();

const rolesSchema = z
  .array(z.enum(ROLES, { error: ERRORS.roles }), { error: ERRORS.roles })
  .refine((roles) => new Set(roles).size === roles.length, { message: ERRORS.roles });

/** The kinds of one requirement list: kinds of the category's checklist, each once. */
function kindListSchema(category: Category) {
  const kinds = checklistKinds(category) as [DocumentKind, ...DocumentKind[]];
  return z
    .array(z.enum(kinds, { error: ERRORS.documents }), { error: ERRORS.documents })
    .refine((list) => new Set(list).size === list.length, { message: ERRORS.documents });
}

function stepsSchema(category: Category) {
  const requirement = z
    .object({ received: kindListSchema(category), verified: kindListSchema(category) })
    .strict()
    .refine(({ received, verified }) => verified.every((kind) => received.includes(kind)), {
      message: ERRORS.verifiedNotReceived,
      path: ["verified"],
    });
  return z
    .object({
      UNDER_REVIEW: requirement,
      APPROVED: requirement,
      QUOTA_ALLOCATED: requirement,
      RESETTLED: requirement,
    })
    .strict();
}

const requiredDocumentsSchema = z
  .object({ KANDAS: stepsSchema("KANDAS"), SETTLER: stepsSchema("SETTLER") })
  .strict() satisfies z.ZodType<RequiredDocuments>;

/**
 * The default: the application, the autobiography and every member's identity document with its
 * translation received before the case goes to review, and verified before the decision and every
 * later step. Proof of nationality is asked for but never required: since 2024 an akimat commission
 * decides nationality when the documents do not show it (docs/decisions/015).
 */
function defaultRequiredDocuments(): RequiredDocuments {
  const core: DocumentKind[] = ["APPLICATION", "AUTOBIOGRAPHY", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"];
  const steps = (): Record<DocumentStep, StepRequirement> => ({
    UNDER_REVIEW: { received: [...core], verified: [] },
    APPROVED: { received: [...core], verified: [...core] },
    QUOTA_ALLOCATED: { received: [...core], verified: [...core] },
    RESETTLED: { received: [...core], verified: [...core] },
  });
  return { KANDAS: steps(), SETTLER: steps() };
}

type Definition<S extends z.ZodType> = {
  schema: S;
  default: z.output<S>;
  group: SettingGroup;
  input: SettingInput;
  /** Catalogue key of the setting's name on the page. */
  labelKey: string;
  /** Catalogue key of the sentence under the name: what the value does and where it comes from. */
  helpKey: string;
};

function define<S extends z.ZodType>(
  name: string,
  definition: Omit<Definition<S>, "labelKey" | "helpKey">,
): Definition<S> {
  return { ...definition, labelKey: `settings.items.${name}.label`, helpKey: `settings.items.${name}.help` };
}

/** Every programme setting by its stored key, in the order the page lists them within a group. */
export const SETTINGS = {
  "benefits.relocationMciPerMember": define("relocationMciPerMember", {
    schema: wholeNumber(1, 1000, invalidOf("relocationMciPerMember")),
    default: 70,
    group: "benefits",
    input: { kind: "number", unit: "mci" },
  }),
  "benefits.rentMciPerMonth": define("rentMciPerMonth", {
    schema: rangeSchema(1, 1000, invalidOf("rentMciPerMonth")),
    default: { min: 15, max: 30 },
    group: "benefits",
    input: { kind: "range", unit: "mci" },
  }),
  "benefits.rentMonths": define("rentMonths", {
    schema: wholeNumber(1, 120, invalidOf("rentMonths")),
    default: 12,
    group: "benefits",
    input: { kind: "number", unit: "months" },
  }),
  "benefits.housingSharePercent": define("housingSharePercent", {
    schema: wholeNumber(1, 100, invalidOf("housingSharePercent")),
    default: 50,
    group: "benefits",
    input: { kind: "number", unit: "percent" },
  }),
  "benefits.housingCapTenge": define("housingCapTenge", {
    schema: wholeNumber(1, 1_000_000_000, invalidOf("housingCapTenge")),
    default: 4_560_000,
    group: "benefits",
    input: { kind: "number", unit: "tenge" },
  }),
  "review.timeLimitWorkingDays": define("reviewTimeLimit", {
    schema: wholeNumber(1, MAX_REVIEW_TIME_LIMIT_DAYS, invalidOf("reviewTimeLimit")),
    default: DEFAULT_REVIEW_TIME_LIMIT_DAYS,
    group: "caseWork",
    input: { kind: "number", unit: "workingDays" },
  }),
  "status.validityMonths": define("statusValidity", {
    schema: wholeNumber(1, 120, invalidOf("statusValidity")),
    default: DEFAULT_STATUS_VALIDITY_MONTHS,
    group: "caseWork",
    input: { kind: "number", unit: "months" },
  }),
  "status.maxExtensions": define("maxExtensions", {
    schema: wholeNumber(0, 10, invalidOf("maxExtensions")),
    default: DEFAULT_MAX_EXTENSIONS,
    group: "caseWork",
    input: { kind: "number", unit: "extensions" },
  }),
  "documents.requiredBeforeStep": define("requiredDocuments", {
    schema: requiredDocumentsSchema,
    default: defaultRequiredDocuments(),
    group: "caseWork",
    input: { kind: "documents" },
  }),
  "lookup.perAddress": define("lookupPerAddress", {
    schema: limitSchema,
    default: DEFAULT_LOOKUP_LIMITS.perAddress,
    group: "publicLookup",
    input: { kind: "limit" },
  }),
  "lookup.perCase": define("lookupPerCase", {
    schema: limitSchema,
    default: DEFAULT_LOOKUP_LIMITS.perCase,
    group: "publicLookup",
    input: { kind: "limit" },
  }),
  "session.idleMinutes": define("sessionIdle", {
    schema: wholeNumber(5, 240, invalidOf("sessionIdle")),
    default: DEFAULT_SESSION_LIFETIME.idleMinutes,
    group: "security",
    input: { kind: "number", unit: "minutes" },
  }),
  "session.absoluteHours": define("sessionAbsolute", {
    schema: wholeNumber(1, MAX_SESSION_HOURS, invalidOf("sessionAbsolute")),
    default: DEFAULT_SESSION_LIFETIME.absoluteHours,
    group: "security",
    input: { kind: "number", unit: "hours" },
  }),
  "security.secondFactorRoles": define("secondFactorRoles", {
    schema: rolesSchema,
    default: [...DEFAULT_SECOND_FACTOR_ROLES] as StaffRole[],
    group: "security",
    input: { kind: "roles" },
  }),
  // Read by the daily backup of npm start (scripts/lib/daily-backup.ts); a week of daily backups lets a
  // restore reach any moment of the last seven days with the archived WAL (docs/operations.md).
  "backup.dailyKept": define("backupDailyKept", {
    schema: wholeNumber(1, 90, invalidOf("backupDailyKept")),
    default: 7,
    group: "operations",
    input: { kind: "number", unit: "backups" },
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
/** The value of a setting as the system reads it (the output of its schema). */
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]["schema"]>;

/** Every setting key, in page order. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** Whether a text names a setting of the catalogue. */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** A stored or submitted value checked against the setting's schema: the value, or the issues that refuse it. */
export function parseSettingValue<K extends SettingKey>(
  key: K,
  value: unknown,
): { ok: true; value: SettingValue<K> } | { ok: false; issues: z.core.$ZodIssue[] } {
  const parsed = (SETTINGS[key].schema as z.ZodType).safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data as SettingValue<K> }
    : { ok: false, issues: parsed.error.issues };
}

/** The part of a stored version the choice of the one in force depends on. */
export type VersionLike = {
  id: number;
  /** The calendar day (UTC midnight) from which the version applies. */
  effectiveFrom: Date;
  withdrawnAt: Date | null;
};

/**
 * The version in force on `day` (a calendar day, UTC midnight): of the versions not withdrawn that apply
 * on or before that day, the one applying from the latest day; of several from the same day, the one
 * saved last (highest id), so a correction on the day replaces the earlier save. Null when none applies.
 */
export function versionInForce<V extends VersionLike>(versions: readonly V[], day: Date): V | null {
  let chosen: V | null = null;
  for (const version of versions) {
    if (version.withdrawnAt !== null || version.effectiveFrom.getTime() > day.getTime()) continue;
    if (
      !chosen ||
      version.effectiveFrom.getTime() > chosen.effectiveFrom.getTime() ||
      (version.effectiveFrom.getTime() === chosen.effectiveFrom.getTime() && version.id > chosen.id)
    )
      chosen = version;
  }
  return chosen;
}

/** A version of the history with the value it replaced on its first day (the default when nothing did). */
export type HistoryEntry<V> = { version: V; from: unknown };

/**
 * The history of one setting, newest save first: each version with the value that was in force on its
 * first day when it was saved (versions saved before it and not withdrawn by then), for "from → to".
 */
export function settingHistory<V extends VersionLike & { value: unknown; changedAt: Date }>(
  versions: readonly V[],
  defaultValue: unknown,
): HistoryEntry<V>[] {
  return [...versions]
    .sort((a, b) => b.id - a.id)
    .map((version) => {
      const earlier = versions
        .filter((other) => other.id < version.id)
        .map((other) => ({
          ...other,
          withdrawnAt: other.withdrawnAt && other.withdrawnAt <= version.changedAt ? other.withdrawnAt : null,
        }));
      return { version, from: versionInForce(earlier, version.effectiveFrom)?.value ?? defaultValue };
    });
}

/** How far ahead a change may be scheduled: further is more likely a mistyped year than a plan. */
export const MAX_SCHEDULE_YEARS_AHEAD = 5;

/**
 * Why a version cannot apply from `day` when saved on `today` (both calendar days, UTC midnight): a day
 * before today would change entitlements and decisions already computed; more than
 * MAX_SCHEDULE_YEARS_AHEAD years ahead is refused as a likely typing mistake. Null when it can.
 */
export function effectiveFromIssue(day: Date, today: Date): "past" | "tooFar" | null {
  if (day.getTime() < today.getTime()) return "past";
  const limit = Date.UTC(today.getUTCFullYear() + MAX_SCHEDULE_YEARS_AHEAD, today.getUTCMonth(), today.getUTCDate());
  return day.getTime() > limit ? "tooFar" : null;
}

/** The MCI of a year: a year of the programme's era and a positive whole number of tenge. */
export const mciRateSchema = z
  .object({
    year: wholeNumber(2000, 2100, ERRORS.mciYear),
    amountTenge: wholeNumber(1, 1_000_000, ERRORS.mciAmount),
  })
  .strict();

export type MciRateInput = z.output<typeof mciRateSchema>;
