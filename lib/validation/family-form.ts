import { z } from "zod";
import { compareIinWithPerson, validateIin } from "@/lib/domain/iin";
import { normaliseKzPhone } from "@/lib/domain/phone";
import { storableString } from "./storable-text";

// Error messages are catalogue keys (full paths), translated where they are shown.
const E = {
  required: "validation.required",
  tooLong: "validation.tooLong",
  email: "validation.email",
  invalid: "validation.invalid",
  cyrillic: "familyForm.errors.cyrillic",
  latin: "familyForm.errors.latin",
  date: "familyForm.errors.date",
  futureDate: "familyForm.errors.futureDate",
  tooOld: "familyForm.errors.tooOld",
  phone: "familyForm.errors.phone",
  oneHead: "familyForm.errors.oneHead",
  headRelationship: "familyForm.errors.headRelationship",
  notHeadRelationship: "familyForm.errors.notHeadRelationship",
  originCountry: "familyForm.errors.originCountry",
  originRegion: "familyForm.errors.originRegion",
  iinRepeated: "familyForm.errors.iinRepeated",
  iinWarnings: "familyForm.errors.iinWarnings",
  tooManyMembers: "familyForm.errors.tooManyMembers",
} as const;

/** The key of the message for an invalid IIN, by reason. */
export const IIN_ERROR_KEYS = {
  length: "familyForm.errors.iinLength",
  digits: "familyForm.errors.iinDigits",
  checksum: "familyForm.errors.iinChecksum",
  "no-check-digit": "familyForm.errors.iinNoCheckDigit",
} as const;

export const MAX_MEMBERS = 20;

// Kazakh and Russian Cyrillic letters, with hyphen, apostrophe and inner spaces for compound names
// (staff names use the same patterns, lib/validation/staff-account.ts).
export const CYRILLIC_NAME = /^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:[ '\-‐][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*$/u;
export const LATIN_NAME = /^[A-Za-z]+(?:[ '\-][A-Za-z]+)*$/;

// Every text field starts from storableString: a NUL or a broken surrogate is refused before any other check.
const requiredText = (max: number) => storableString().trim().min(1, E.required).max(max, E.tooLong);
const optionalText = (max: number) =>
  storableString()
    .trim()
    .max(max, E.tooLong)
    .transform((value) => (value === "" ? null : value));
const cyrillicName = requiredText(80).regex(CYRILLIC_NAME, E.cyrillic);
const latinName = requiredText(80).regex(LATIN_NAME, E.latin);
const optionalCyrillicName = optionalText(80).refine(
  (value) => value === null || CYRILLIC_NAME.test(value),
  E.cyrillic,
);
const optionalLatinName = optionalText(80).refine((value) => value === null || LATIN_NAME.test(value), E.latin);

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
const pastDate = storableString()
  .min(1, E.required)
  .refine(isRealDate, E.date)
  .refine((value) => value <= todayIso(), E.futureDate)
  .refine((value) => value >= "1900-01-01", E.tooOld);

export const RELATIONSHIPS = [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "PARENT",
  "SIBLING",
  "GRANDCHILD",
  "GRANDPARENT",
  "OTHER",
] as const;
export const EDUCATION_LEVELS = ["NONE", "PRIMARY", "SECONDARY", "VOCATIONAL", "HIGHER", "POSTGRADUATE"] as const;

export const memberSchema = z.object({
  /** Existing person (editing); absent for a new member. */
  personId: z.number().int().positive().optional(),
  isHead: z.boolean(),
  relationship: z.enum(RELATIONSHIPS, E.required),
  surnameCyr: cyrillicName,
  givenNameCyr: cyrillicName,
  patronymicCyr: optionalCyrillicName,
  surnameLat: latinName,
  givenNameLat: latinName,
  patronymicLat: optionalLatinName,
  birthDate: pastDate,
  sex: z.enum(["M", "F"], E.required),
  iin: storableString()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .superRefine((value, context) => {
      if (value === null) return;
      const result = validateIin(value);
      if (!result.ok) context.addIssue({ code: "custom", message: IIN_ERROR_KEYS[result.reason] });
    }),
  citizenship: storableString().regex(/^[A-Z]{2}$/, E.required),
  education: z
    .enum(EDUCATION_LEVELS)
    .or(z.literal(""))
    .transform((value) => (value === "" ? null : value)),
  profession: optionalText(120),
});

const familyFields = {
  category: z.enum(["KANDAS", "SETTLER"], E.required),
  originCountry: storableString().trim(),
  originRegionId: storableString().trim(),
  /** Only administrators choose; for regional staff the server uses their own region. */
  targetRegionId: storableString().trim(),
  targetDistrictId: storableString()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (Number.isInteger(value) && value > 0), E.invalid),
  contactPhone: storableString()
    .trim()
    .transform((value, context) => {
      if (value === "") return null;
      const phone = normaliseKzPhone(value);
      if (!phone) context.addIssue({ code: "custom", message: E.phone });
      return phone;
    }),
  contactEmail: storableString()
    .trim()
    .max(254, E.tooLong)
    .refine((value) => value === "" || z.email().safeParse(value).success, E.email)
    .transform((value) => (value === "" ? null : value.toLowerCase())),
  address: optionalText(300),
  applicationDate: pastDate,
  members: z.array(memberSchema).min(1, E.required).max(MAX_MEMBERS, E.tooManyMembers),
  /** The caseworker saw the IIN date/sex warnings and confirms the entered data. */
  acknowledgeIinWarnings: z.boolean(),
  /** Decisions on the possible duplicates the server listed: person id → same or different person. */
  duplicateDecisions: z
    .array(z.object({ personId: z.number().int().positive(), decision: z.enum(["SAME_PERSON", "DIFFERENT_PERSON"]) }))
    .max(200),
};

type FamilyFields = z.infer<z.ZodObject<typeof familyFields>>;

/** The IIN warnings of every member, by member index: date or sex in the IIN differs from the entered. */
export function iinWarningsByMember(members: FamilyFields["members"] | z.input<typeof memberSchema>[]) {
  return members.map((member) =>
    member.iin && member.birthDate && (member.sex === "M" || member.sex === "F")
      ? compareIinWithPerson(member.iin.trim(), member.birthDate, member.sex)
      : [],
  );
}

function checkHousehold(value: FamilyFields, context: z.RefinementCtx) {
  if (value.category === "KANDAS" && !/^[A-Z]{2}$/.test(value.originCountry)) {
    context.addIssue({ code: "custom", path: ["originCountry"], message: E.originCountry });
  }
  if (value.category === "SETTLER" && !/^KZ-\d{2}$/.test(value.originRegionId)) {
    context.addIssue({ code: "custom", path: ["originRegionId"], message: E.originRegion });
  }
  const heads = value.members.filter((member) => member.isHead).length;
  if (heads !== 1) context.addIssue({ code: "custom", path: ["members"], message: E.oneHead });
  value.members.forEach((member, index) => {
    if (member.isHead && member.relationship !== "HEAD") {
      context.addIssue({ code: "custom", path: ["members", index, "relationship"], message: E.headRelationship });
    }
    if (!member.isHead && member.relationship === "HEAD") {
      context.addIssue({ code: "custom", path: ["members", index, "relationship"], message: E.notHeadRelationship });
    }
  });
  const seen = new Map<string, number>();
  value.members.forEach((member, index) => {
    if (!member.iin) return;
    if (seen.has(member.iin))
      context.addIssue({ code: "custom", path: ["members", index, "iin"], message: E.iinRepeated });
    seen.set(member.iin, index);
  });
  const hasWarnings = iinWarningsByMember(value.members).some((warnings) => warnings.length > 0);
  if (hasWarnings && !value.acknowledgeIinWarnings) {
    context.addIssue({ code: "custom", path: ["acknowledgeIinWarnings"], message: E.iinWarnings });
  }
}

/** The fields the family form edits, as the browser validates them before sending. */
export const familyFieldsSchema = z.object(familyFields).superRefine(checkHousehold);

/** Registering a family: the form's fields plus a key that makes a repeated submit create one family. */
export const familyCreateSchema = z.object({ ...familyFields, registrationKey: z.uuid() }).superRefine(checkHousehold);

/** Editing a family: the same fields plus the version the editor loaded (optimistic locking). */
export const familyUpdateSchema = z
  .object({ ...familyFields, familyId: z.number().int().positive(), version: z.number().int().positive() })
  .superRefine(checkHousehold);

export type FamilyCreateInput = z.infer<typeof familyCreateSchema>;
export type FamilyUpdateInput = z.infer<typeof familyUpdateSchema>;
export type FamilyFormValues = z.input<typeof familyFieldsSchema>;
export type MemberFormValues = z.input<typeof memberSchema>;
export type FamilyFieldsInput = FamilyFields;

/** A blank household member; the first member of a new family is its head. */
export function emptyMember(isHead: boolean): MemberFormValues {
  return {
    isHead,
    relationship: (isHead ? "HEAD" : "") as MemberFormValues["relationship"],
    surnameCyr: "",
    givenNameCyr: "",
    patronymicCyr: "",
    surnameLat: "",
    givenNameLat: "",
    patronymicLat: "",
    birthDate: "",
    sex: "" as MemberFormValues["sex"],
    iin: "",
    citizenship: "",
    education: "",
    profession: "",
  };
}
