import { z } from "zod";
import { isRegionId } from "@/lib/domain/regions";
import { storableString } from "./storable-text";

// Messages are catalogue keys: a bare key lives under `validation`, a dotted one is a full key (transfers.json).

/** Longest reason of a proposal or a refusal kept with the transfer. */
export const TRANSFER_REASON_MAX_LENGTH = 2000;

const id = z.coerce.number("transfers.validation.required").int().positive().max(2_147_483_647);
const reason = storableString()
  .trim()
  .min(1, "transfers.validation.reasonRequired")
  .max(TRANSFER_REASON_MAX_LENGTH, "tooLong");

/** A proposal from the case page: the target region, one of its districts, and why the family moves. */
export const proposeTransferSchema = z.object({
  familyId: id,
  toRegionId: storableString().refine(isRegionId, "transfers.validation.regionRequired"),
  toDistrictId: z.coerce
    .number("transfers.validation.districtRequired")
    .int("transfers.validation.districtRequired")
    .positive("transfers.validation.districtRequired")
    .max(2_147_483_647, "transfers.validation.districtRequired"),
  reason,
});
export type ProposeTransferValues = z.input<typeof proposeTransferSchema>;

/** Accepting a transfer to the own region. */
export const acceptTransferSchema = z.object({ transferId: id }).strict();

/** Withdrawing one's own pending proposal. */
export const withdrawTransferSchema = z.object({ transferId: id }).strict();

/** Declining one, with the reason the source region reads. */
export const declineTransferSchema = z.object({ transferId: id, reason });
