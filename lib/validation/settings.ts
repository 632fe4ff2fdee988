/**
 * The forms of the settings page (issue 13), shared by the browser (zodResolver) and the server actions:
 * a change of one setting (its value as the form types it, the day it applies from, a reason), the MCI
 * of a year, and the withdrawal of a scheduled change. The value's own rules are the catalogue's
 * (lib/domain/settings.ts); this module turns what a form sends into the value those rules check.
 */
import { z } from "zod";
import type { Category } from "@/lib/generated/prisma/enums";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/domain/documents";
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_STEPS,
  isSettingKey,
  mciRateSchema,
  parseSettingValue,
  SETTING_KEYS,
  SETTINGS,
  type DocumentStep,
  type RequiredDocuments,
  type SettingKey,
  type SettingValue,
} from "@/lib/domain/settings";
import { parseIsoDay } from "@/lib/domain/status-validity";
import { isStorableText, numberOrStorableString, storableString, UNSTORABLE_TEXT_MESSAGE } from "./storable-text";

/** What the page's matrix asks of one document before one step. */
export const REQUIREMENT_LEVELS = ["none", "received", "verified"] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/** The documents setting as the matrix edits it: per category, step and document kind, a level. */
export type DocumentsFormValue = Record<
  Category,
  Record<DocumentStep, Partial<Record<DocumentKind, RequirementLevel>>>
>;

/** A setting's value as its form holds it: digits as typed, roles as the checked boxes, the matrix's choices. */
export type SettingFormValue =
  string | { min: string; max: string } | { attempts: string; windowMinutes: string } | string[] | DocumentsFormValue;

/** Longest reason kept with a change. */
export const MAX_REASON_LENGTH = 500;

/**
 * A whole number from what was typed: digits, with spaces (also the no-break spaces the page's number
 * format writes) between groups; anything else becomes NaN, which the catalogue's schema refuses with
 * the setting's own message.
 */
export function wholeNumberFromText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const digits = value.replace(/[\s\u00a0\u202f]/g, "");
  return /^\d{1,12}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** The checked boxes of a group: react-hook-form sends an array, or a lone box's value or `false`. */
function checkedValues(value: unknown): unknown {
  if (value === false || value === undefined || value === null) return [];
  return typeof value === "string" ? [value] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The matrix's choices as the lists the catalogue keeps; a choice that is not a level spoils its list. */
function documentsFromForm(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([category, steps]) => [
      category,
      isRecord(steps)
        ? Object.fromEntries(
            Object.entries(steps).map(([step, kinds]) => {
              if (!isRecord(kinds)) return [step, kinds];
              const chosen = Object.entries(kinds).filter(([, level]) => level !== "none");
              const invalid = chosen.some(([, level]) => level !== "received" && level !== "verified");
              return [
                step,
                {
                  received: invalid ? null : chosen.map(([kind]) => kind),
                  verified: chosen.filter(([, level]) => level === "verified").map(([kind]) => kind),
                },
              ];
            }),
          )
        : steps,
    ]),
  );
}

/**
 * The value a setting's form sent, in the shape its catalogue schema checks (not yet checked). A value
 * already in that shape passes unchanged: react-hook-form hands the action the schema's output, which
 * the action parses again.
 */
export function fromFormValue(key: SettingKey, value: unknown): unknown {
  if (parseSettingValue(key, value).ok) return value;
  const input = SETTINGS[key].input;
  switch (input.kind) {
    case "number":
      return wholeNumberFromText(value);
    case "range":
      return isRecord(value) ? { min: wholeNumberFromText(value.min), max: wholeNumberFromText(value.max) } : value;
    case "limit":
      return isRecord(value)
        ? { attempts: wholeNumberFromText(value.attempts), windowMinutes: wholeNumberFromText(value.windowMinutes) }
        : value;
    case "roles":
      return checkedValues(value);
    case "documents":
      return documentsFromForm(value);
  }
}

/** A setting's value as its form starts: the value in force, in the form's shape. */
export function toFormValue<K extends SettingKey>(key: K, value: SettingValue<K>): SettingFormValue {
  const input = SETTINGS[key].input;
  switch (input.kind) {
    case "number":
      return String(value);
    case "range": {
      const range = value as { min: number; max: number };
      return { min: String(range.min), max: String(range.max) };
    }
    case "limit": {
      const limit = value as { attempts: number; windowMinutes: number };
      return { attempts: String(limit.attempts), windowMinutes: String(limit.windowMinutes) };
    }
    case "roles":
      return [...(value as string[])];
    case "documents": {
      const documents = value as RequiredDocuments;
      const levels = (requirement: RequiredDocuments[Category][DocumentStep]) =>
        Object.fromEntries(
          DOCUMENT_KINDS.map((kind): [DocumentKind, RequirementLevel] => [
            kind,
            requirement.verified.includes(kind)
              ? "verified"
              : requirement.received.includes(kind)
                ? "received"
                : "none",
          ]),
        );
      return Object.fromEntries(
        DOCUMENT_CATEGORIES.map((category) => [
          category,
          Object.fromEntries(DOCUMENT_STEPS.map((step) => [step, levels(documents[category][step])])),
        ]),
      ) as DocumentsFormValue;
    }
  }
}

/** The path of the first text in a form value that PostgreSQL could not store, or null. */
function unstorableTextAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, nested] of Object.entries(value)) {
    const found = unstorableTextAt(nested, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * A change of one setting: its key, its value as the form holds it (checked against the catalogue's
 * schema, messages at `value` or `value.<part>`), the first day it applies (yyyy-mm-dd; whether the day
 * may be chosen is the data layer's rule, which knows today) and an optional reason (empty: none). Its
 * output parses again to itself, as the server action receives what the form's resolver produced.
 */
export const settingChangeSchema = z
  .object({
    key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], "settings.errors.unknownSetting"),
    // Any shape: the check below reads it as the setting's kind needs (and refuses anything else).
    value: z.custom<SettingFormValue>(),
    effectiveFrom: storableString("required")
      .trim()
      .refine((day) => parseIsoDay(day) !== null, "settings.errors.effectiveFromInvalid"),
    reason: storableString("required").trim().max(MAX_REASON_LENGTH, "tooLong"),
  })
  .strict()
  .superRefine(
    (change, context) => {
      const unstorable = unstorableTextAt(change.value);
      if (unstorable) {
        context.addIssue({ code: "custom", path: ["value", ...unstorable], message: UNSTORABLE_TEXT_MESSAGE });
        return;
      }
      const parsed = parseSettingValue(change.key, fromFormValue(change.key, change.value));
      if (parsed.ok) return;
      for (const issue of parsed.issues)
        context.addIssue({ code: "custom", path: ["value", ...issue.path.map(String)], message: issue.message });
    },
    // Check the value whenever the key is known, so its message shows with those of the other fields.
    { when: (payload) => isRecord(payload.value) && isSettingKey(String(payload.value.key)) },
  )
  .transform((change) => ({ ...change, value: fromFormValue(change.key, change.value) }));

export type SettingChangeFormInput = z.input<typeof settingChangeSchema>;
export type SettingChange = z.output<typeof settingChangeSchema>;

const typedWholeNumber = () => numberOrStorableString().transform(wholeNumberFromText);

/** The MCI of a year as its form types it: digits (groups may be spaced), checked by the catalogue's rule. */
export const mciRateFormSchema = z
  .object({ year: typedWholeNumber(), amountTenge: typedWholeNumber() })
  .strict()
  .pipe(mciRateSchema);

export type MciRateFormInput = z.input<typeof mciRateFormSchema>;
export type MciRateFormData = z.output<typeof mciRateFormSchema>;

/** The scheduled change to withdraw, by its id. */
export const withdrawSettingSchema = z.object({ versionId: z.number().int().positive() }).strict();
