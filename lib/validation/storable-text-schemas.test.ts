// Every text field of every schema in lib/validation applies the one rule of storable-text.ts: a NUL or
// an unpaired surrogate is a field error with the shared message at that field, whatever else the field
// checks. Each case first parses a valid input, so a broken base input cannot make the case pass.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { adaptationPlanSchema, documentFileNameSchema, noteSchema, paymentSchema } from "./case-file";
import { familyFiltersSchema, parseFamilyFilters } from "./family-filters";
import {
  emptyMember,
  familyCreateSchema,
  familyFieldsSchema,
  familyUpdateSchema,
  type FamilyFormValues,
} from "./family-form";
import { loginSchema } from "./login";
import { quotaAmendmentSchema, quotaOrderSchema } from "./quota-order";
import { activationSchema, ownPasswordSchema } from "./password";
import { parseReportFilters } from "./report-filters";
import { mciRateFormSchema, settingChangeSchema } from "./settings";
import { deactivationSchema, staffAccountSchema, staffAssignmentSchema } from "./staff-account";
import { UNSTORABLE_TEXT_MESSAGE } from "./storable-text";
import { transitionSchema } from "./transition";
import { parseWaitlistQuery } from "./waitlist";

const BAD = { nul: "\u0000", "lone surrogate": "\uD800" } as const;

/** The value with the bad character after its first character (or after an "a" when empty). */
function poison(value: unknown, bad: string): string {
  const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
  return text ? `${text.slice(0, 1)}${bad}${text.slice(1)}` : `a${bad}`;
}

function withValueAt(input: unknown, path: (string | number)[], value: string): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

const valueAt = (input: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], input);

const head = {
  ...emptyMember(true),
  surnameCyr: "Қасымов",
  givenNameCyr: "Нұрлан",
  patronymicCyr: "Серікұлы",
  surnameLat: "Kassymov",
  givenNameLat: "Nurlan",
  patronymicLat: "Serikuly",
  birthDate: "1985-04-12",
  sex: "M",
  iin: "850412353067",
  citizenship: "UZ",
  profession: "Welder",
} satisfies FamilyFormValues["members"][number];

const family: FamilyFormValues = {
  category: "KANDAS",
  originCountry: "UZ",
  originRegionId: "",
  targetRegionId: "KZ-55",
  targetDistrictId: "12",
  contactPhone: "8 701 234 56 78",
  contactEmail: "a@b.kz",
  address: "Pavlodar, Toraighyrov St. 1",
  applicationDate: "2026-02-01",
  members: [head],
  acknowledgeIinWarnings: false,
  duplicateDecisions: [],
};

const FAMILY_FIELDS = [
  "originCountry",
  "originRegionId",
  "targetRegionId",
  "targetDistrictId",
  "contactPhone",
  "contactEmail",
  "address",
  "applicationDate",
  ...(
    [
      "surnameCyr",
      "givenNameCyr",
      "patronymicCyr",
      "surnameLat",
      "givenNameLat",
      "patronymicLat",
      "birthDate",
      "iin",
      "citizenship",
      "profession",
    ] as const
  ).map((field) => `members.0.${field}`),
];

const quotaOrder = {
  year: "2027",
  reference: "123-ө",
  orderDate: "2027-01-10",
  note: "Order of the minister",
  places: [{ regionId: "KZ-55", pool: "KANDAS", total: "977" }],
};

type Case = { name: string; schema: z.ZodType; input: unknown; fields: string[]; message?: string };

const CASES: Case[] = [
  { name: "familyFieldsSchema", schema: familyFieldsSchema, input: family, fields: FAMILY_FIELDS },
  {
    name: "familyCreateSchema",
    schema: familyCreateSchema,
    input: { ...family, registrationKey: "6f1c1b0e-3a53-4c43-9f43-6a1c7f9b2d10" },
    fields: FAMILY_FIELDS,
  },
  {
    name: "familyUpdateSchema",
    schema: familyUpdateSchema,
    input: { ...family, familyId: 3, version: 2 },
    fields: FAMILY_FIELDS,
  },
  { name: "noteSchema", schema: noteSchema, input: { familyId: 1, body: "Called the family" }, fields: ["body"] },
  {
    name: "adaptationPlanSchema",
    schema: adaptationPlanSchema,
    input: {
      familyId: 1,
      plannedArrival: "2026-12-15",
      transport: "Train",
      membersArriving: "2",
      housing: "Rented flat",
      job: "Welder",
      training: "Language course",
      loadedAt: "2026-11-30T10:00:00.000Z",
    },
    fields: ["plannedArrival", "transport", "housing", "job", "training", "loadedAt"],
  },
  {
    name: "paymentSchema",
    schema: paymentSchema,
    input: {
      familyId: 1,
      kind: "RENT_COMPENSATION",
      amountTenge: "120000",
      paidOn: "2025-05-10",
      months: "3",
      note: "May to July",
    },
    fields: ["paidOn", "note"],
  },
  { name: "documentFileNameSchema", schema: documentFileNameSchema, input: "passport scan.png", fields: [""] },
  {
    name: "transitionSchema (approval)",
    schema: transitionSchema,
    input: { familyId: 7, version: 3, to: "APPROVED", decisionNumber: "55-КС/1", decisionDate: "2026-03-02" },
    fields: ["decisionNumber", "decisionDate"],
  },
  {
    name: "transitionSchema (rejection)",
    schema: transitionSchema,
    input: { familyId: 7, version: 3, to: "REJECTED", reason: "No proof of ethnicity" },
    fields: ["reason"],
  },
  {
    name: "transitionSchema (resettlement)",
    schema: transitionSchema,
    input: { familyId: 7, version: 3, to: "RESETTLED", arrivalDate: "2026-05-10" },
    fields: ["arrivalDate"],
  },
  {
    name: "quotaOrderSchema",
    schema: quotaOrderSchema,
    input: quotaOrder,
    fields: ["reference", "orderDate", "note", "places.0.regionId", "places.0.total"],
  },
  {
    name: "quotaAmendmentSchema",
    schema: quotaAmendmentSchema,
    input: {
      year: 2027,
      reference: "124-ө",
      orderDate: "2027-06-01",
      note: "Amendment",
      changes: [{ regionId: "KZ-55", pool: "KANDAS", total: "980" }],
    },
    fields: ["reference", "orderDate", "note", "changes.0.regionId", "changes.0.total"],
  },
  {
    name: "settingChangeSchema (a number)",
    schema: settingChangeSchema,
    input: { key: "review.timeLimitWorkingDays", value: "25", effectiveFrom: "2030-01-01", reason: "Order 12" },
    fields: ["value", "effectiveFrom", "reason"],
  },
  {
    name: "settingChangeSchema (a range)",
    schema: settingChangeSchema,
    input: {
      key: "benefits.rentMciPerMonth",
      value: { min: "15", max: "30" },
      effectiveFrom: "2030-01-01",
      reason: "",
    },
    fields: ["value.min", "value.max"],
  },
  {
    name: "mciRateFormSchema",
    schema: mciRateFormSchema,
    input: { year: "2027", amountTenge: "4 500" },
    fields: ["year", "amountTenge"],
  },
  {
    name: "staffAccountSchema",
    schema: staffAccountSchema,
    input: {
      fullName: "Сейітов Ерлан Қайратұлы",
      fullNameLatin: "Seyitov Yerlan Kairatuly",
      email: "e.seitov@nurlykosh.kz",
      phone: "+7 701 234 56 78",
      role: "CASEWORKER",
      regionId: "KZ-11",
    },
    fields: ["fullName", "fullNameLatin", "email", "phone", "regionId"],
  },
  {
    name: "staffAssignmentSchema",
    schema: staffAssignmentSchema,
    input: { userId: 7, role: "COORDINATOR", regionId: "KZ-55" },
    fields: ["regionId"],
  },
  {
    name: "deactivationSchema",
    schema: deactivationSchema,
    input: { userId: 7, reason: "Left the employment centre" },
    fields: ["reason"],
  },
  {
    name: "activationSchema",
    schema: activationSchema(),
    input: {
      token: "q0dTUx2xk4V_Wk-9f8ZfYcvJ1n3yH4lP2m5nB7cD8eF",
      password: "Steppe-Falcon-Morning-7",
      confirmation: "Steppe-Falcon-Morning-7",
    },
    fields: ["token", "password", "confirmation"],
  },
  {
    name: "ownPasswordSchema",
    schema: ownPasswordSchema(),
    input: {
      currentPassword: "Demo-2026!",
      password: "Steppe-Falcon-Morning-7",
      confirmation: "Steppe-Falcon-Morning-7",
    },
    fields: ["currentPassword", "password", "confirmation"],
  },
  // The login form looks its messages up under `validation` itself, so it gets the bare key.
  {
    name: "loginSchema",
    schema: loginSchema,
    input: { email: "caseworker@nurlykosh.kz", password: "Demo-2026!" },
    fields: ["email", "password"],
    message: "unstorableText",
  },
];

describe("every text field of every schema refuses text PostgreSQL cannot store", () => {
  for (const { name, schema, input, fields, message = UNSTORABLE_TEXT_MESSAGE } of CASES) {
    it(`${name}: the valid input parses`, () => {
      expect(schema.safeParse(input).error?.issues).toBeUndefined();
    });

    for (const field of fields) {
      for (const [label, bad] of Object.entries(BAD)) {
        it(`${name}: a ${label} in ${field || "the value"} is a field error with the shared message`, () => {
          const path = field === "" ? [] : field.split(".").map((key) => (/^\d+$/.test(key) ? Number(key) : key));
          const poisoned =
            path.length === 0 ? poison(input, bad) : withValueAt(input, path, poison(valueAt(input, path), bad));
          const issues = schema.safeParse(poisoned).error?.issues ?? [];
          // The first issue at the field is what the form and defineAction show.
          expect(issues.find((issue) => issue.path.join(".") === field)?.message).toBe(message);
        });
      }
    }
  }
});

describe("search and filter parameters drop such text instead of failing", () => {
  it("the family list's search box: dropped from the filters, with a message for the box", () => {
    for (const q of ["\u0000", "a\u0000b", "Kassymov\uDC00"]) {
      expect(familyFiltersSchema.parse({ q }).q, JSON.stringify(q)).toBeUndefined();
      expect(parseFamilyFilters({ q, status: "APPROVED" })).toEqual({
        filters: { status: "APPROVED" },
        searchError: { message: UNSTORABLE_TEXT_MESSAGE, query: q.replace(/\u0000|\p{Cs}/u, "\uFFFD") },
      });
    }
    expect(parseFamilyFilters({ q: "Kassymov" })).toEqual({ filters: { q: "Kassymov" }, searchError: null });
    expect(familyFiltersSchema.parse({ region: "KZ-55\u0000", origin: "C\u0000N" })).toEqual({});
  });

  it("report and waitlist filters fall back as for any unknown value", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(parseReportFilters({ year: "2025\u0000", region: "KZ-55\u0000", category: "KANDAS\u0000" }, now)).toEqual({
      year: 2026,
      regionId: null,
      category: null,
    });
    expect(parseReportFilters(new URLSearchParams("year=%00&region=%00&category=%00"), now)).toEqual({
      year: 2026,
      regionId: null,
      category: null,
    });
    expect(
      parseWaitlistQuery(
        { year: "2025\u0000", region: "KZ-11\u0000", pool: "SETTLER\u0000" },
        { year: 2026, regionId: "KZ-55" },
      ),
    ).toEqual({
      year: 2026,
      regionId: "KZ-55",
      pool: "KANDAS",
    });
  });
});
