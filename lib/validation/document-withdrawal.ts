import { z } from "zod";
import { storableString } from "./storable-text";

// Messages are catalogue keys: a bare key lives under `validation`, a dotted one is a full key.

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** The withdrawal of one document file, with its reason (kept with the file and in the audit log). */
export const documentWithdrawalSchema = z.object({
  familyId: id,
  fileId: id,
  reason: storableString().trim().min(1, "required").max(1000, "tooLong"),
});
export type DocumentWithdrawalInput = z.infer<typeof documentWithdrawalSchema>;
