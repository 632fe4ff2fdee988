import { describe, expect, it } from "vitest";
import {
  emptyMember,
  familyFieldsSchema,
  iinWarningsByMember,
  type FamilyFormValues,
  type MemberFormValues,
} from "./family-form";

const head: MemberFormValues = {
  ...emptyMember(true),
  surnameCyr: "Қасымов",
  givenNameCyr: "Нұрлан",
  surnameLat: "Kassymov",
  givenNameLat: "Nurlan",
  birthDate: "1985-04-12",
  sex: "M",
  iin: "850412353067",
  citizenship: "UZ",
};

function form(overrides: Partial<FamilyFormValues> = {}, members: MemberFormValues[] = [head]): FamilyFormValues {
  return {
    category: "KANDAS",
    originCountry: "UZ",
    originRegionId: "",
    targetRegionId: "",
    targetDistrictId: "",
    contactPhone: "",
    contactEmail: "",
    address: "",
    applicationDate: "2026-02-01",
    members,
    acknowledgeIinWarnings: false,
    duplicateDecisions: [],
    ...overrides,
  };
}

function errorsOf(values: FamilyFormValues): Record<string, string> {
  const result = familyFieldsSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("familyFieldsSchema", () => {
  it("accepts a complete kandas family and normalises contacts", () => {
    const parsed = familyFieldsSchema.parse(form({ contactPhone: "8 701 234 56 78", contactEmail: " A@B.KZ " }));
    expect(parsed.contactPhone).toBe("+77012345678");
    expect(parsed.contactEmail).toBe("a@b.kz");
    expect(parsed.members[0]?.iin).toBe("850412353067");
  });

  it("names the IIN error by its reason", () => {
    expect(errorsOf(form({}, [{ ...head, iin: "850412353068" }]))["members.0.iin"]).toBe(
      "familyForm.errors.iinChecksum",
    );
    expect(errorsOf(form({}, [{ ...head, iin: "85041235306" }]))["members.0.iin"]).toBe("familyForm.errors.iinLength");
    expect(errorsOf(form({}, [{ ...head, iin: "90010130080x" }]))["members.0.iin"]).toBe("familyForm.errors.iinDigits");
    expect(errorsOf(form({}, [{ ...head, iin: "900101300804" }]))["members.0.iin"]).toBe(
      "familyForm.errors.iinNoCheckDigit",
    );
  });

  it("allows a member without an IIN yet", () => {
    expect(errorsOf(form({}, [{ ...head, iin: "" }]))).toEqual({});
  });

  it("requires exactly one head with the head relationship", () => {
    const child = { ...head, isHead: false, relationship: "CHILD" as const, iin: "" };
    expect(errorsOf(form({}, [{ ...child }]))["members"]).toBe("familyForm.errors.oneHead");
    expect(errorsOf(form({}, [head, { ...child, relationship: "HEAD" }]))["members.1.relationship"]).toBe(
      "familyForm.errors.notHeadRelationship",
    );
  });

  it("refuses the same IIN twice in one household", () => {
    const spouse = { ...head, isHead: false, relationship: "SPOUSE" as const };
    expect(errorsOf(form({}, [head, spouse]))["members.1.iin"]).toBe("familyForm.errors.iinRepeated");
  });

  it("turns an IIN whose date or sex differs into warnings that must be acknowledged", () => {
    const mismatched = { ...head, birthDate: "1985-04-13", sex: "F" as const };
    expect(iinWarningsByMember([mismatched])).toEqual([["birth-date-mismatch", "sex-mismatch"]]);
    expect(errorsOf(form({}, [mismatched]))["acknowledgeIinWarnings"]).toBe("familyForm.errors.iinWarnings");
    expect(errorsOf(form({ acknowledgeIinWarnings: true }, [mismatched]))).toEqual({});
  });

  it("checks the scripts of names and keeps Kazakh letters", () => {
    const errors = errorsOf(form({}, [{ ...head, surnameCyr: "Kasymov", givenNameLat: "Нұрлан" }]));
    expect(errors["members.0.surnameCyr"]).toBe("familyForm.errors.cyrillic");
    expect(errors["members.0.givenNameLat"]).toBe("familyForm.errors.latin");
    expect(errorsOf(form({}, [{ ...head, surnameCyr: "Әбілқайыр-Ұлы" }]))).toEqual({});
    expect(errorsOf(form({}, [{ ...head, surnameCyr: "<script>" }]))["members.0.surnameCyr"]).toBe(
      "familyForm.errors.cyrillic",
    );
  });

  it("asks kandas for a country and settlers for a region", () => {
    expect(errorsOf(form({ originCountry: "" }))["originCountry"]).toBe("familyForm.errors.originCountry");
    expect(errorsOf(form({ category: "SETTLER", originRegionId: "" }))["originRegionId"]).toBe(
      "familyForm.errors.originRegion",
    );
  });

  it("refuses dates in the future and impossible dates", () => {
    expect(errorsOf(form({}, [{ ...head, birthDate: "2999-01-01" }]))["members.0.birthDate"]).toBe(
      "familyForm.errors.futureDate",
    );
    expect(errorsOf(form({ applicationDate: "2026-02-30" }))["applicationDate"]).toBe("familyForm.errors.date");
  });

  it("refuses a phone that is not a Kazakhstan number", () => {
    expect(errorsOf(form({ contactPhone: "12345" }))["contactPhone"]).toBe("familyForm.errors.phone");
  });
});
