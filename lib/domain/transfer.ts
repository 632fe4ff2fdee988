/**
 * Transfers between regions (issue 15): which cases may move, who may propose and decide a transfer, and
 * what acceptance does with the quota places. The database applies it (lib/db/transfers/transfers.ts).
 */
import type { CaseStatus } from "./case-status";
import { isQuotaTargetRegion } from "./quota";

/**
 * Cases that may still move: before the family has arrived and while the case is open. A family that
 * has arrived (RESETTLED, SUPPORTED) lives in its region; a closed case has nothing left to move.
 */
const TRANSFERABLE: readonly CaseStatus[] = ["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED"];

export function isTransferable(status: CaseStatus): boolean {
  return TRANSFERABLE.includes(status);
}

export type TransferRefusal =
  "same-region" | "not-target-region" | "district-not-in-region" | "not-transferable" | "already-open";

/**
 * Whether a transfer may be proposed: the case is open and has not arrived, the target is another region
 * that receives resettlers, the district belongs to it, and no other transfer of the family is open.
 */
export function checkTransferProposal(input: {
  status: CaseStatus;
  fromRegionId: string;
  toRegionId: string;
  districtRegionId: string | null;
  hasOpenTransfer: boolean;
}): { ok: true } | { ok: false; reason: TransferRefusal } {
  if (input.hasOpenTransfer) return { ok: false, reason: "already-open" };
  if (!isTransferable(input.status)) return { ok: false, reason: "not-transferable" };
  if (input.toRegionId === input.fromRegionId) return { ok: false, reason: "same-region" };
  if (!isQuotaTargetRegion(input.toRegionId)) return { ok: false, reason: "not-target-region" };
  if (input.districtRegionId !== input.toRegionId) return { ok: false, reason: "district-not-in-region" };
  return { ok: true };
}

/** Places moved by an accepted transfer, per quota year: taken in the target pool, or the family waits there. */
export type TransferPlaces = { year: number; persons: number; outcome: "allocated" | "waitlisted" };

/**
 * The status after acceptance: a family that held places keeps QUOTA_ALLOCATED only when the target
 * pool took all of them; otherwise it is APPROVED again and waits on the target region's waitlist.
 */
export function statusAfterTransfer(status: CaseStatus, places: readonly TransferPlaces[]): CaseStatus {
  if (status !== "QUOTA_ALLOCATED") return status;
  return places.length > 0 && places.every((place) => place.outcome === "allocated") ? status : "APPROVED";
}

/**
 * Whether a person may withdraw a transfer: only the one who proposed it, and only while the target
 * region has not decided (an accepted transfer has already moved the case; a declined one is closed).
 */
export function mayWithdrawTransfer(transfer: { status: string; proposedById: number }, actorId: number): boolean {
  return transfer.status === "PENDING" && transfer.proposedById === actorId;
}
