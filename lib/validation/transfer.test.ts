import { describe, expect, it } from "vitest";
import { declineTransferSchema, proposeTransferSchema } from "./transfer";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("proposeTransferSchema", () => {
  it("accepts a region, a district and a reason, with the district coerced from the select's text", () => {
    const parsed = proposeTransferSchema.parse({
      familyId: 5,
      toRegionId: "KZ-11",
      toDistrictId: "12",
      reason: " job ",
    });
    expect(parsed).toEqual({ familyId: 5, toRegionId: "KZ-11", toDistrictId: 12, reason: "job" });
  });
  it("asks for the reason, a known region and a district", () => {
    const result = proposeTransferSchema.safeParse({ familyId: 5, toRegionId: "XX", toDistrictId: "", reason: "  " });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        "transfers.validation.regionRequired",
        "transfers.validation.districtRequired",
        "transfers.validation.reasonRequired",
      ]),
    );
  });
  it("refuses a reason PostgreSQL cannot store with the shared message", () => {
    const result = declineTransferSchema.safeParse({ transferId: 1, reason: "a\u0000b" });
    expect(messages(result)).toEqual(["validation.unstorableText"]);
  });
});
