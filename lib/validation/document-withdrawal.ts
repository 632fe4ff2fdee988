import { z } from "zod";
import { correctionReason } from "./lifecycle";

// Messages are catalogue keys: a bare key lives under `validation`, a dotted one is a full key.

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** The withdrawal of one document file, with its reason (kept with the file and in the audit log). */
export const documentWithdrawalSchema = z.object({
  familyId: id,
  fileId: id,
  reason: correctionReason,
});
export type DocumentWithdrawalInput = z.infer<typeof documentWithdrawalSchema>;
