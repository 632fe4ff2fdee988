import { describe, expect, it } from "vitest";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import { deactivationSchema, staffAccountSchema, staffAssignmentSchema } from "./staff-account";
import { parseStaffFilters } from "./staff-filters";

const account = {
  fullName: "Сейітов Ерлан Қайратұлы",
  fullNameLatin: "Seyitov Yerlan Kairatuly",
  email: " E.Seitov@NurlyKosh.kz ",
  phone: "8 701 234 56 78",
  role: "CASEWORKER",
  regionId: "KZ-11",
} as const;

const messagesAt = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("staffAccountSchema", () => {
  it("stores the e-mail in lower case, the phone as +7… and keeps the region of a regional role", () => {
    expect(staffAccountSchema.parse(account)).toEqual({
      ...account,
      email: "e.seitov@nurlykosh.kz",
      phone: "+77012345678",
    });
  });

  it("accepts the Latin spelling the form suggests for a Kazakh name", () => {
    const fullName = "Тұрсынова Әсел Ғалымқызы";
    const result = staffAccountSchema.safeParse({ ...account, fullName, fullNameLatin: transliterateKazakh(fullName) });
    expect(result.error?.issues).toBeUndefined();
  });

  it("requires a region for coordinators and caseworkers", () => {
    for (const role of ["COORDINATOR", "CASEWORKER"] as const) {
      expect(messagesAt(staffAccountSchema.safeParse({ ...account, role, regionId: "" }))).toEqual({
        regionId: "users.errors.regionRequired",
      });
      expect(messagesAt(staffAccountSchema.safeParse({ ...account, role, regionId: "KZ-99" }))).toEqual({
        regionId: "users.errors.regionRequired",
      });
    }
  });

  it("gives national roles no region, whatever the form held", () => {
    expect(staffAccountSchema.parse({ ...account, role: "ADMIN" }).regionId).toBeNull();
    expect(staffAccountSchema.parse({ ...account, role: "ANALYST", regionId: "" }).regionId).toBeNull();
  });

  it("says which field is wrong: names in their alphabets, the e-mail, the phone", () => {
    expect(
      messagesAt(
        staffAccountSchema.safeParse({
          ...account,
          fullName: "Seitov Yerlan",
          fullNameLatin: "Сейітов",
          email: "not-an-email",
          phone: "12345",
        }),
      ),
    ).toEqual({
      fullName: "familyForm.errors.cyrillic",
      fullNameLatin: "familyForm.errors.latin",
      email: "validation.email",
      phone: "familyForm.errors.phone",
    });
  });

  it("takes no phone as none", () => {
    expect(staffAccountSchema.parse({ ...account, phone: "  " }).phone).toBeNull();
  });
});

describe("staffAssignmentSchema and deactivationSchema", () => {
  it("parses a move to another region and a promotion to a national role", () => {
    expect(staffAssignmentSchema.parse({ userId: "7", role: "CASEWORKER", regionId: "KZ-55" })).toEqual({
      userId: 7,
      role: "CASEWORKER",
      regionId: "KZ-55",
    });
    expect(staffAssignmentSchema.parse({ userId: 7, role: "ANALYST", regionId: "KZ-55" }).regionId).toBeNull();
  });

  it("requires a reason to deactivate", () => {
    expect(messagesAt(deactivationSchema.safeParse({ userId: 7, reason: "   " }))).toEqual({
      reason: "validation.required",
    });
    expect(deactivationSchema.parse({ userId: 7, reason: " Left the centre " }).reason).toBe("Left the centre");
  });
});

describe("parseStaffFilters", () => {
  it("keeps what it understands and drops the rest", () => {
    expect(
      parseStaffFilters({ q: " Seitov ", role: "CASEWORKER", region: "KZ-11", state: "pending", page: "2" }),
    ).toEqual({
      filters: { q: "Seitov", role: "CASEWORKER", region: "KZ-11", state: "pending", page: 2 },
      searchError: null,
    });
    expect(parseStaffFilters({ role: "ROOT", region: "Akmola", state: "gone", page: "-1" })).toEqual({
      filters: {},
      searchError: null,
    });
  });

  it("refuses a search PostgreSQL cannot store with a message instead of listing everyone", () => {
    expect(parseStaffFilters({ q: "a\u0000b" })).toEqual({
      filters: {},
      searchError: { message: "validation.unstorableText", query: "a\uFFFDb" },
    });
  });
});
