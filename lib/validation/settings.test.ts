import { describe, expect, it } from "vitest";
import { SETTINGS } from "@/lib/domain/settings";
import {
  fromFormValue,
  mciRateFormSchema,
  settingChangeSchema,
  toFormValue,
  wholeNumberFromText,
  withdrawSettingSchema,
  type DocumentsFormValue,
} from "./settings";

const change = (key: string, value: unknown, extra: object = {}) => ({
  key,
  value,
  effectiveFrom: "2030-01-01",
  reason: "",
  ...extra,
});

/** [field, message] of every issue, or the parsed change. */
function parse(input: unknown) {
  const result = settingChangeSchema.safeParse(input);
  return result.success
    ? result.data
    : result.error.issues.map((issue) => [issue.path.join("."), issue.message] as const);
}

describe("wholeNumberFromText", () => {
  it("reads digits, with spaces between groups as the page prints them", () => {
    expect(wholeNumberFromText("30")).toBe(30);
    expect(wholeNumberFromText(" 4 560 000 ")).toBe(4_560_000);
    expect(wholeNumberFromText("4\u00a0560\u202f000")).toBe(4_560_000);
    expect(wholeNumberFromText(12)).toBe(12);
  });

  it("makes anything else NaN, for the setting's own message", () => {
    for (const text of ["", "2.5", "2,5", "-3", "1e3", "ten", "１２"])
      expect(wholeNumberFromText(text), text).toBeNaN();
  });
});

describe("settingChangeSchema", () => {
  it("turns each kind of form into the value the catalogue keeps", () => {
    expect(parse(change("review.timeLimitWorkingDays", " 25 ", { reason: "  Order 12  " }))).toEqual({
      key: "review.timeLimitWorkingDays",
      value: 25,
      effectiveFrom: "2030-01-01",
      reason: "Order 12",
    });
    expect(parse(change("review.timeLimitWorkingDays", "25"))).toMatchObject({ reason: "" });
    expect(parse(change("benefits.rentMciPerMonth", { min: "10", max: "35" }))).toMatchObject({
      value: { min: 10, max: 35 },
    });
    expect(parse(change("lookup.perCase", { attempts: "5", windowMinutes: "120" }))).toMatchObject({
      value: { attempts: 5, windowMinutes: 120 },
    });
    expect(parse(change("security.secondFactorRoles", ["ADMIN", "CASEWORKER"]))).toMatchObject({
      value: ["ADMIN", "CASEWORKER"],
    });
    expect(parse(change("security.secondFactorRoles", false))).toMatchObject({ value: [] });
    expect(parse(change("security.secondFactorRoles", "ANALYST"))).toMatchObject({ value: ["ANALYST"] });
  });

  it("reads the documents matrix: received, verified (and so received) or not required", () => {
    const form = toFormValue("documents.requiredBeforeStep", SETTINGS["documents.requiredBeforeStep"].default);
    const matrix = structuredClone(form) as DocumentsFormValue;
    matrix.KANDAS.UNDER_REVIEW.NATIONALITY_PROOF = "verified";
    matrix.SETTLER.RESETTLED.AUTOBIOGRAPHY = "none";
    const parsed = parse(change("documents.requiredBeforeStep", matrix));
    expect(parsed).toMatchObject({
      value: {
        KANDAS: {
          UNDER_REVIEW: {
            received: [
              "APPLICATION",
              "AUTOBIOGRAPHY",
              "IDENTITY_DOCUMENT",
              "IDENTITY_TRANSLATION",
              "NATIONALITY_PROOF",
            ],
            verified: ["NATIONALITY_PROOF"],
          },
        },
        SETTLER: {
          RESETTLED: {
            received: ["APPLICATION", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"],
            verified: ["APPLICATION", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"],
          },
        },
      },
    });

    const settlerProof = structuredClone(form) as DocumentsFormValue;
    settlerProof.SETTLER.APPROVED.NATIONALITY_PROOF = "received";
    expect(parse(change("documents.requiredBeforeStep", settlerProof))).toEqual([
      ["value.SETTLER.APPROVED.received.4", "settings.errors.documents"],
    ]);
    const unknownLevel = structuredClone(form) as Record<string, Record<string, Record<string, string>>>;
    unknownLevel.KANDAS!.APPROVED!.APPLICATION = "signed";
    expect(parse(change("documents.requiredBeforeStep", unknownLevel))).toEqual([
      ["value.KANDAS.APPROVED.received", "settings.errors.documents"],
    ]);
  });

  it("parses its own output to itself, as the action receives the resolver's output", () => {
    const form = toFormValue("documents.requiredBeforeStep", SETTINGS["documents.requiredBeforeStep"].default);
    for (const input of [
      change("review.timeLimitWorkingDays", "25", { reason: "Order 12" }),
      change("benefits.rentMciPerMonth", { min: "10", max: "35" }),
      change("lookup.perCase", { attempts: "5", windowMinutes: "120" }),
      change("security.secondFactorRoles", ["ADMIN"]),
      change("documents.requiredBeforeStep", form),
    ]) {
      const once = settingChangeSchema.parse(input);
      expect(settingChangeSchema.parse(once), input.key).toEqual(once);
    }
    const mci = mciRateFormSchema.parse({ year: "2027", amountTenge: "4 500" });
    expect(mciRateFormSchema.parse(mci)).toEqual(mci);
  });

  it("round-trips every default through the form", () => {
    for (const key of Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]) {
      const value = SETTINGS[key].default;
      expect(fromFormValue(key, toFormValue(key, value)), key).toEqual(value);
    }
  });

  it("puts the catalogue's messages at the value's fields, with the other fields' messages", () => {
    expect(parse(change("review.timeLimitWorkingDays", "0", { effectiveFrom: "2030-02-30" }))).toEqual([
      ["effectiveFrom", "settings.errors.effectiveFromInvalid"],
      ["value", "settings.items.reviewTimeLimit.invalid"],
    ]);
    expect(parse(change("benefits.rentMciPerMonth", { min: "40", max: "30" }))).toEqual([
      ["value.max", "settings.errors.rangeOrder"],
    ]);
    expect(parse(change("lookup.perAddress", { attempts: "many", windowMinutes: "15" }))).toEqual([
      ["value.attempts", "settings.errors.attempts"],
    ]);
    expect(parse(change("benefits.housingCapTenge", "4 560 000.5"))).toEqual([
      ["value", "settings.items.housingCapTenge.invalid"],
    ]);
    expect(parse(change("review.timeLimitWorkingDays", "30", { reason: "x".repeat(501) }))).toEqual([
      ["reason", "tooLong"],
    ]);
  });

  it("refuses unknown settings and unknown fields", () => {
    expect(parse(change("review", "30"))).toEqual([["key", "settings.errors.unknownSetting"]]);
    expect(settingChangeSchema.safeParse({ ...change("review.timeLimitWorkingDays", "30"), extra: 1 }).success).toBe(
      false,
    );
  });

  it("refuses text PostgreSQL cannot store inside the value with the shared message", () => {
    expect(parse(change("benefits.rentMciPerMonth", { min: "1\u0000", max: "30" }))).toEqual([
      ["value.min", "validation.unstorableText"],
    ]);
  });
});

describe("mciRateFormSchema and withdrawSettingSchema", () => {
  it("read the MCI of a year as typed", () => {
    expect(mciRateFormSchema.parse({ year: "2027", amountTenge: "4 500" })).toEqual({ year: 2027, amountTenge: 4500 });
    const refused = mciRateFormSchema.safeParse({ year: "27", amountTenge: "4.5" });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["year", "settings.errors.mciYear"],
      ["amountTenge", "settings.errors.mciAmount"],
    ]);
  });

  it("withdraw one version by its id", () => {
    expect(withdrawSettingSchema.parse({ versionId: 7 })).toEqual({ versionId: 7 });
    expect(withdrawSettingSchema.safeParse({ versionId: "7" }).success).toBe(false);
  });
});
