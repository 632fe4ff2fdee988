import { describe, expect, it } from "vitest";
import { checkTransferProposal, isTransferable, mayWithdrawTransfer, statusAfterTransfer } from "./transfer";

const PAVLODAR = "KZ-55";
const AKMOLA = "KZ-11";
const base = {
  status: "APPROVED" as const,
  fromRegionId: PAVLODAR,
  toRegionId: AKMOLA,
  districtRegionId: AKMOLA,
  hasOpenTransfer: false,
};

describe("checkTransferProposal", () => {
  it("accepts an open case moving to another target region with one of its districts", () => {
    expect(checkTransferProposal(base)).toEqual({ ok: true });
  });
  it("refuses a second open transfer of the same family", () => {
    expect(checkTransferProposal({ ...base, hasOpenTransfer: true })).toEqual({ ok: false, reason: "already-open" });
  });
  it("refuses a move to the family's own region", () => {
    expect(checkTransferProposal({ ...base, toRegionId: PAVLODAR, districtRegionId: PAVLODAR })).toEqual({
      ok: false,
      reason: "same-region",
    });
  });
  it("refuses a region that receives no resettlers", () => {
    expect(checkTransferProposal({ ...base, toRegionId: "KZ-75", districtRegionId: "KZ-75" })).toEqual({
      ok: false,
      reason: "not-target-region",
    });
  });
  it("refuses a district of another region", () => {
    expect(checkTransferProposal({ ...base, districtRegionId: PAVLODAR })).toEqual({
      ok: false,
      reason: "district-not-in-region",
    });
    expect(checkTransferProposal({ ...base, districtRegionId: null })).toEqual({
      ok: false,
      reason: "district-not-in-region",
    });
  });
  it("refuses cases that have arrived or are closed", () => {
    for (const status of ["RESETTLED", "SUPPORTED", "CLOSED", "REJECTED", "WITHDRAWN", "EXPIRED"] as const) {
      expect(isTransferable(status)).toBe(false);
      expect(checkTransferProposal({ ...base, status })).toEqual({ ok: false, reason: "not-transferable" });
    }
    for (const status of ["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED"] as const) {
      expect(isTransferable(status)).toBe(true);
    }
  });
});

describe("statusAfterTransfer", () => {
  it("keeps QUOTA_ALLOCATED only when the target pool took every place", () => {
    expect(statusAfterTransfer("QUOTA_ALLOCATED", [{ year: 2026, persons: 3, outcome: "allocated" }])).toBe(
      "QUOTA_ALLOCATED",
    );
    expect(statusAfterTransfer("QUOTA_ALLOCATED", [{ year: 2026, persons: 3, outcome: "waitlisted" }])).toBe(
      "APPROVED",
    );
  });
  it("leaves a family that held no places in its status", () => {
    expect(statusAfterTransfer("APPROVED", [])).toBe("APPROVED");
    expect(statusAfterTransfer("UNDER_REVIEW", [])).toBe("UNDER_REVIEW");
  });
});

describe("mayWithdrawTransfer", () => {
  it("lets the proposer withdraw a pending transfer", () => {
    expect(mayWithdrawTransfer({ status: "PENDING", proposedById: 7 }, 7)).toBe(true);
  });
  it("refuses anyone else, and a transfer already decided or withdrawn", () => {
    expect(mayWithdrawTransfer({ status: "PENDING", proposedById: 7 }, 8)).toBe(false);
    for (const status of ["ACCEPTED", "DECLINED", "WITHDRAWN"])
      expect(mayWithdrawTransfer({ status, proposedById: 7 }, 7)).toBe(false);
  });
});
