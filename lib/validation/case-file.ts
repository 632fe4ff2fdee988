import { z } from "zod";
import { DOCUMENT_STATUSES } from "@/lib/domain/documents";
import { kazakhstanToday, PAYMENT_KINDS } from "@/lib/domain/benefits";
import { storableString } from "./storable-text";

// Messages are catalogue keys: a bare key lives under `validation`, a dotted one (casefile.validation.…)
// is a full key from the catalogue root (casefile.json), the same rule lib/i18n/error-message.ts applies.

const id = z.coerce.number().int().positive().max(2_147_483_647);
const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null));
const isoDate = storableString()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "casefile.validation.date")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) &&
      date.toISOString().slice(0, 10) === value &&
      value >= "1990-01-01" &&
      value <= "2100-12-31"
    );
  }, "casefile.validation.date");
const optionalText = (max: number) => z.preprocess(emptyToNull, storableString().trim().max(max, "tooLong").nullable());

/** Change the status of one checklist item. */
export const documentStatusSchema = z.object({
  familyId: id,
  documentId: id,
  status: z.enum(DOCUMENT_STATUSES, "invalid"),
});
export type DocumentStatusInput = z.infer<typeof documentStatusSchema>;

/** The non-file fields of an upload (the file itself is checked by content on the server). */
export const documentUploadSchema = z.object({
  familyId: id,
  documentId: id,
  /** The earlier file of the item this one replaces, if any. */
  replacesFileId: id.nullable().default(null),
});

/**
 * The name an uploaded file arrives with (`File.name` of the multipart body). No OS lets a file name hold
 * a NUL, so one that does was crafted: it is refused with the shared message rather than cleaned.
 * lib/domain/file-type.ts `safeFileName` still shapes the stored name.
 */
export const documentFileNameSchema = storableString();

/** Most members a plan can list; the real bound is the family's size, checked against the row. */
export const MAX_MEMBERS_ARRIVING = 50;

/** The individual adaptation plan. `loadedAt` is when the editor loaded it, to refuse overwriting a newer save. */
export const adaptationPlanSchema = z.object({
  familyId: id,
  plannedArrival: z.preprocess(emptyToNull, isoDate.nullable()),
  transport: optionalText(200),
  membersArriving: z.preprocess(
    emptyToNull,
    z.coerce
      .number("casefile.validation.membersRange")
      .int("casefile.validation.membersRange")
      .min(1, "casefile.validation.membersRange")
      .max(MAX_MEMBERS_ARRIVING, "casefile.validation.membersRange")
      .nullable(),
  ),
  housing: optionalText(1000),
  job: optionalText(1000),
  training: optionalText(1000),
  loadedAt: storableString().max(40).nullable().optional(),
});
export type AdaptationPlanInput = z.infer<typeof adaptationPlanSchema>;

/** The same schema with the family's size as the bound on members arriving, for the form. */
export function adaptationPlanSchemaFor(familySize: number) {
  return adaptationPlanSchema.refine((plan) => plan.membersArriving === null || plan.membersArriving <= familySize, {
    message: "casefile.validation.membersRange",
    path: ["membersArriving"],
  });
}

/** A payment of a support measure. Entitlement checks need the database and happen in lib/db. */
export const paymentSchema = z
  .object({
    familyId: id,
    kind: z.enum(PAYMENT_KINDS, "required"),
    amountTenge: z.coerce
      .number("casefile.validation.amountPositive")
      .int("casefile.validation.amountWhole")
      .positive("casefile.validation.amountPositive")
      .max(1_000_000_000, "casefile.validation.amountTooLarge"),
    paidOn: isoDate.refine((value) => value <= kazakhstanToday(), "casefile.validation.dateInFuture"),
    months: z.preprocess(
      emptyToNull,
      z.coerce
        .number("casefile.validation.monthsRange")
        .int("casefile.validation.monthsRange")
        .min(1, "casefile.validation.monthsRange")
        .max(12, "casefile.validation.monthsRange")
        .nullable(),
    ),
    note: optionalText(1000),
  })
  .superRefine((payment, context) => {
    if (payment.kind === "RENT_COMPENSATION" && payment.months === null) {
      context.addIssue({ code: "custom", path: ["months"], message: "casefile.validation.monthsRequired" });
    }
    if (payment.kind !== "RENT_COMPENSATION" && payment.months !== null) {
      context.addIssue({ code: "custom", path: ["months"], message: "casefile.validation.monthsOnlyForRent" });
    }
  });
export type PaymentInput = z.infer<typeof paymentSchema>;

/** A free-text case note. */
export const noteSchema = z.object({
  familyId: id,
  body: storableString("required").trim().min(1, "required").max(4000, "casefile.validation.noteTooLong"),
});
export type NoteInput = z.infer<typeof noteSchema>;
