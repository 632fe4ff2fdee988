import { z } from "zod";
import { normaliseKzPhone } from "@/lib/domain/phone";
import { hasRegion, ROLES } from "@/lib/domain/permissions";
import { findRegion } from "@/lib/domain/regions";
import { CYRILLIC_NAME, LATIN_NAME } from "./family-form";
import { storableString } from "./storable-text";

// Error messages are catalogue keys (full paths), translated where they are shown.
const E = {
  required: "validation.required",
  tooLong: "validation.tooLong",
  email: "validation.email",
  cyrillic: "familyForm.errors.cyrillic",
  latin: "familyForm.errors.latin",
  phone: "familyForm.errors.phone",
  regionRequired: "users.errors.regionRequired",
} as const;

const userId = z.coerce.number().int().positive().max(2_147_483_647);
const requiredText = (max: number) => storableString().trim().min(1, E.required).max(max, E.tooLong);

const assignmentFields = {
  /** Chosen on purpose: the form starts without a role ("" until one is picked). */
  role: z.enum(["", ...ROLES], E.required).pipe(z.enum(ROLES, E.required)),
  /** A region code for coordinators and caseworkers; ignored (stored as none) for national roles. */
  regionId: storableString().trim(),
};

type Assignment = { role: (typeof ROLES)[number]; regionId: string };

/** A regional role needs a known region; a national role gets none, whatever the form held. */
function checkRegion(value: Assignment, ctx: z.RefinementCtx) {
  if (hasRegion(value.role) && !findRegion(value.regionId))
    ctx.addIssue({ code: "custom", path: ["regionId"], message: E.regionRequired });
}

function storedRegion<T extends Assignment>(value: T): Omit<T, "regionId"> & { regionId: string | null } {
  return { ...value, regionId: hasRegion(value.role) ? value.regionId : null };
}

/** A new staff account, as the administrator's form and the server action parse it. */
export const staffAccountSchema = z
  .object({
    fullName: requiredText(120).regex(CYRILLIC_NAME, E.cyrillic),
    fullNameLatin: requiredText(120).regex(LATIN_NAME, E.latin),
    email: storableString()
      .trim()
      .min(1, E.required)
      .max(254, E.tooLong)
      .refine((value) => z.email().safeParse(value).success, E.email)
      .transform((value) => value.toLowerCase()),
    phone: storableString()
      .trim()
      .transform((value, ctx) => {
        if (value === "") return null;
        const phone = normaliseKzPhone(value);
        if (!phone) ctx.addIssue({ code: "custom", message: E.phone });
        return phone;
      }),
    ...assignmentFields,
  })
  .superRefine(checkRegion)
  .transform(storedRegion);

/** A change of a person's role and region. */
export const staffAssignmentSchema = z
  .object({ userId, ...assignmentFields })
  .superRefine(checkRegion)
  .transform(storedRegion);

/** Deactivating an account: the administrator says why (kept with the account and in the audit log). */
export const deactivationSchema = z.object({ userId, reason: requiredText(500) });

/** An action on one account that needs nothing else (reactivate, issue a new link). */
export const staffMemberSchema = z.object({ userId });

export type StaffAccountFormValues = z.input<typeof staffAccountSchema>;
export type StaffAccountInput = z.output<typeof staffAccountSchema>;
export type StaffAssignmentFormValues = z.input<typeof staffAssignmentSchema>;
export type StaffAssignmentInput = z.output<typeof staffAssignmentSchema>;
export type DeactivationFormValues = z.input<typeof deactivationSchema>;
export type DeactivationInput = z.output<typeof deactivationSchema>;
