import { describe, expect, it } from "vitest";
import { DEFAULT_SECOND_FACTOR_ROLES } from "./permissions";
import {
  checklistKinds,
  DOCUMENT_STEPS,
  effectiveFromIssue,
  isSettingKey,
  mciRateSchema,
  parseSettingValue,
  SETTING_GROUPS,
  SETTING_KEYS,
  SETTINGS,
  settingHistory,
  versionInForce,
  type SettingKey,
} from "./settings";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** The catalogue key of the first issue that refuses the value, or null when it is accepted. */
function refusal(key: SettingKey, value: unknown): string | null {
  const parsed = parseSettingValue(key, value);
  return parsed.ok ? null : (parsed.issues[0]?.message ?? "no message");
}

describe("the settings catalogue", () => {
  it("keeps a week of daily backups by default and refuses none or a fraction", () => {
    expect(SETTINGS["backup.dailyKept"].default).toBe(7);
    expect(parseSettingValue("backup.dailyKept", 0).ok).toBe(false);
    expect(parseSettingValue("backup.dailyKept", 2.5).ok).toBe(false);
    expect(parseSettingValue("backup.dailyKept", 90).ok).toBe(true);
  });

  it("holds every value the system reads, each default accepted by its own schema", () => {
    expect(SETTING_KEYS).toEqual([
      "benefits.relocationMciPerMember",
      "benefits.rentMciPerMonth",
      "benefits.rentMonths",
      "benefits.housingSharePercent",
      "benefits.housingCapTenge",
      "review.timeLimitWorkingDays",
      "status.validityMonths",
      "status.maxExtensions",
      "documents.requiredBeforeStep",
      "lookup.perAddress",
      "lookup.perCase",
      "session.idleMinutes",
      "session.absoluteHours",
      "security.secondFactorRoles",
      "backup.dailyKept",
    ]);
    for (const key of SETTING_KEYS) {
      expect(parseSettingValue(key, SETTINGS[key].default), key).toEqual({ ok: true, value: SETTINGS[key].default });
      expect(SETTING_GROUPS).toContain(SETTINGS[key].group);
      expect(SETTINGS[key].labelKey).toMatch(/^settings\.items\.\w+\.label$/);
      expect(SETTINGS[key].helpKey).toMatch(/^settings\.items\.\w+\.help$/);
    }
  });

  it("keeps the published rates and the issue's defaults", () => {
    expect(SETTINGS["benefits.relocationMciPerMember"].default).toBe(70);
    expect(SETTINGS["benefits.rentMciPerMonth"].default).toEqual({ min: 15, max: 30 });
    expect(SETTINGS["benefits.housingCapTenge"].default).toBe(4_560_000);
    expect(SETTINGS["review.timeLimitWorkingDays"].default).toBe(30);
    expect(SETTINGS["status.validityMonths"].default).toBe(12);
    expect(SETTINGS["status.maxExtensions"].default).toBe(2);
    expect(SETTINGS["session.idleMinutes"].default).toBe(30);
    expect(SETTINGS["session.absoluteHours"].default).toBe(8);
    expect(SETTINGS["security.secondFactorRoles"].default).toEqual([...DEFAULT_SECOND_FACTOR_ROLES]);
    expect(SETTINGS["lookup.perAddress"].default).toEqual({ attempts: 10, windowMinutes: 15 });
  });

  it("tells its keys from other text", () => {
    expect(isSettingKey("review.timeLimitWorkingDays")).toBe(true);
    expect(isSettingKey("review")).toBe(false);
    expect(isSettingKey("toString")).toBe(false);
  });
});

describe("the schemas' bounds", () => {
  it("accept whole numbers within the bounds, with the setting's own message otherwise", () => {
    const message = "settings.items.sessionIdle.invalid";
    expect([5, 30, 240].map((value) => refusal("session.idleMinutes", value))).toEqual([null, null, null]);
    for (const value of [4, 241, 30.5, Number.NaN, "30", null, undefined])
      expect(refusal("session.idleMinutes", value), String(value)).toBe(message);
    expect(refusal("session.absoluteHours", 24)).toBeNull();
    expect(refusal("session.absoluteHours", 25)).toBe("settings.items.sessionAbsolute.invalid");
    expect(refusal("session.absoluteHours", 0)).toBe("settings.items.sessionAbsolute.invalid");
    expect(refusal("benefits.housingSharePercent", 100)).toBeNull();
    expect(refusal("benefits.housingSharePercent", 101)).toBe("settings.items.housingSharePercent.invalid");
    expect(refusal("benefits.housingCapTenge", 0)).toBe("settings.items.housingCapTenge.invalid");
    expect(refusal("review.timeLimitWorkingDays", 365)).toBeNull();
    expect(refusal("review.timeLimitWorkingDays", 366)).toBe("settings.items.reviewTimeLimit.invalid");
  });

  it("refuse a range whose minimum is above its maximum, at the maximum", () => {
    expect(refusal("benefits.rentMciPerMonth", { min: 20, max: 20 })).toBeNull();
    const parsed = parseSettingValue("benefits.rentMciPerMonth", { min: 31, max: 30 });
    expect(parsed.ok ? [] : parsed.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["max"], "settings.errors.rangeOrder"],
    ]);
    expect(refusal("benefits.rentMciPerMonth", { min: 0, max: 30 })).toBe("settings.items.rentMciPerMonth.invalid");
    expect(refusal("benefits.rentMciPerMonth", { min: 1, max: 30, extra: 1 })).not.toBeNull();
  });

  it("bound the lookup limits: 1–1000 attempts within 1–1440 minutes", () => {
    expect(refusal("lookup.perCase", { attempts: 1000, windowMinutes: 1440 })).toBeNull();
    expect(refusal("lookup.perCase", { attempts: 0, windowMinutes: 60 })).toBe("settings.errors.attempts");
    expect(refusal("lookup.perCase", { attempts: 1001, windowMinutes: 60 })).toBe("settings.errors.attempts");
    expect(refusal("lookup.perAddress", { attempts: 10, windowMinutes: 1441 })).toBe("settings.errors.window");
  });

  it("take the second-factor roles as a set of roles, possibly empty", () => {
    expect(refusal("security.secondFactorRoles", [])).toBeNull();
    expect(refusal("security.secondFactorRoles", ["ANALYST", "CASEWORKER"])).toBeNull();
    expect(refusal("security.secondFactorRoles", ["ADMIN", "ADMIN"])).toBe("settings.errors.roles");
    expect(refusal("security.secondFactorRoles", ["ROOT"])).toBe("settings.errors.roles");
    expect(refusal("security.secondFactorRoles", "ADMIN")).toBe("settings.errors.roles");
  });

  it("keep the required documents to the category's checklist, verified ones also received", () => {
    const value = structuredClone(SETTINGS["documents.requiredBeforeStep"].default);
    expect(checklistKinds("KANDAS")).toContain("NATIONALITY_PROOF");
    expect(checklistKinds("SETTLER")).not.toContain("NATIONALITY_PROOF");

    value.KANDAS.UNDER_REVIEW.received.push("NATIONALITY_PROOF");
    expect(refusal("documents.requiredBeforeStep", value)).toBeNull();

    const settlerProof = structuredClone(value);
    settlerProof.SETTLER.APPROVED.received.push("NATIONALITY_PROOF");
    expect(refusal("documents.requiredBeforeStep", settlerProof)).toBe("settings.errors.documents");

    const verifiedOnly = structuredClone(value);
    verifiedOnly.KANDAS.UNDER_REVIEW.verified.push("NATIONALITY_PROOF");
    verifiedOnly.KANDAS.UNDER_REVIEW.received = ["APPLICATION"];
    expect(refusal("documents.requiredBeforeStep", verifiedOnly)).toBe("settings.errors.verifiedNotReceived");

    const twice = structuredClone(value);
    twice.SETTLER.RESETTLED.received.push("APPLICATION");
    expect(refusal("documents.requiredBeforeStep", twice)).toBe("settings.errors.documents");

    const { RESETTLED: _dropped, ...withoutStep } = value.SETTLER;
    expect(refusal("documents.requiredBeforeStep", { ...value, SETTLER: withoutStep })).not.toBeNull();
  });

  it("require the default documents before review and verified before the decision", () => {
    const { KANDAS, SETTLER } = SETTINGS["documents.requiredBeforeStep"].default;
    expect(Object.keys(KANDAS)).toEqual([...DOCUMENT_STEPS]);
    expect(KANDAS.UNDER_REVIEW).toEqual({
      received: ["APPLICATION", "AUTOBIOGRAPHY", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"],
      verified: [],
    });
    expect(KANDAS.APPROVED.verified).toEqual(KANDAS.APPROVED.received);
    expect(SETTLER).toEqual(KANDAS);
  });

  it("bound the MCI of a year", () => {
    expect(mciRateSchema.safeParse({ year: 2027, amountTenge: 4500 }).success).toBe(true);
    expect(mciRateSchema.safeParse({ year: 1999, amountTenge: 4500 }).error?.issues[0]?.message).toBe(
      "settings.errors.mciYear",
    );
    expect(mciRateSchema.safeParse({ year: 2027, amountTenge: 0 }).error?.issues[0]?.message).toBe(
      "settings.errors.mciAmount",
    );
    expect(mciRateSchema.safeParse({ year: 2027, amountTenge: 4500.5 }).success).toBe(false);
  });
});

describe("versionInForce", () => {
  const version = (id: number, from: string, withdrawnAt: Date | null = null) => ({
    id,
    effectiveFrom: day(from),
    withdrawnAt,
  });
  const versions = [
    version(1, "2000-01-01"),
    version(2, "2026-03-01"),
    version(3, "2026-06-01"),
    version(4, "2026-03-01"),
    version(5, "2026-09-01", new Date("2026-08-01T10:00:00Z")),
  ];

  it("is the latest version applying on or before the day", () => {
    expect(versionInForce(versions, day("1999-12-31"))).toBeNull();
    expect(versionInForce(versions, day("2000-01-01"))?.id).toBe(1);
    expect(versionInForce(versions, day("2026-02-28"))?.id).toBe(1);
    expect(versionInForce(versions, day("2026-05-31"))?.id).toBe(4);
    expect(versionInForce(versions, day("2026-06-01"))?.id).toBe(3);
  });

  it("takes the last save among versions of the same day, whatever the order given", () => {
    expect(versionInForce([...versions].reverse(), day("2026-03-01"))?.id).toBe(4);
  });

  it("ignores a withdrawn version", () => {
    expect(versionInForce(versions, day("2026-12-31"))?.id).toBe(3);
    expect(versionInForce([], day("2026-12-31"))).toBeNull();
  });
});

describe("settingHistory", () => {
  it("lists saves newest first, each with the value it replaced on its first day", () => {
    const at = (iso: string) => new Date(iso);
    const versions = [
      { id: 1, effectiveFrom: day("2026-01-10"), withdrawnAt: null, value: 40, changedAt: at("2026-01-10T05:00:00Z") },
      {
        id: 2,
        effectiveFrom: day("2026-05-01"),
        withdrawnAt: at("2026-02-01T05:00:00Z"),
        value: 45,
        changedAt: at("2026-01-20T05:00:00Z"),
      },
      { id: 3, effectiveFrom: day("2026-06-01"), withdrawnAt: null, value: 50, changedAt: at("2026-01-25T05:00:00Z") },
      { id: 4, effectiveFrom: day("2026-07-01"), withdrawnAt: null, value: 55, changedAt: at("2026-03-01T05:00:00Z") },
    ];
    expect(settingHistory(versions, 30).map((entry) => [entry.version.id, entry.from])).toEqual([
      [4, 50],
      // Saved while version 2 was still scheduled: it replaced 45 then.
      [3, 45],
      [2, 40],
      [1, 30],
    ]);
  });
});

describe("effectiveFromIssue", () => {
  const today = day("2026-11-30");
  it("accepts today and later, refuses the past and more than five years ahead", () => {
    expect(effectiveFromIssue(today, today)).toBeNull();
    expect(effectiveFromIssue(day("2026-12-01"), today)).toBeNull();
    expect(effectiveFromIssue(day("2031-11-30"), today)).toBeNull();
    expect(effectiveFromIssue(day("2026-11-29"), today)).toBe("past");
    expect(effectiveFromIssue(day("2031-12-01"), today)).toBe("tooFar");
  });
});
