import { z } from "zod";
import { DECISION_NUMBER_MAX_LENGTH } from "@/lib/domain/case-status";
import { storableString } from "./storable-text";

// Messages are catalogue keys: a bare key lives under `validation`, a dotted one is a full key.

const id = z.coerce.number().int().positive().max(2_147_483_647);
const isoDay = storableString()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "casefile.validation.date");
/** Why a recorded payment or file is corrected (reversed, withdrawn): kept with it and in the audit log. */
export const correctionReason = storableString().trim().min(1, "required").max(1000, "tooLong");

/** A kandas status extension: the decision and the new last valid day. */
export const statusExtensionSchema = z.object({
  familyId: id,
  version: id,
  decisionNumber: storableString().trim().min(1, "required").max(DECISION_NUMBER_MAX_LENGTH, "tooLong"),
  decisionDate: isoDay,
  validUntil: isoDay,
});
export type StatusExtensionFormInput = z.infer<typeof statusExtensionSchema>;

/** The reversal of a payment, with its reason. */
export const paymentReversalSchema = z.object({ familyId: id, paymentId: id, reason: correctionReason });
export type PaymentReversalInput = z.infer<typeof paymentReversalSchema>;
