import { describe, expect, it } from "vitest";
import { requirementsFor, transitionSchema } from "./transition";

const base = { familyId: 7, version: 3 };
const issues = (input: unknown) => {
  const parsed = transitionSchema.safeParse(input);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("requirementsFor", () => {
  it("follows the transition table", () => {
    expect(requirementsFor("APPROVED")).toEqual(["decision"]);
    expect(requirementsFor("REJECTED")).toEqual(["reason"]);
    expect(requirementsFor("WITHDRAWN")).toEqual(["reason"]);
    expect(requirementsFor("RESETTLED")).toEqual(["arrivalDate"]);
    expect(requirementsFor("UNDER_REVIEW")).toEqual([]);
    expect(requirementsFor("QUOTA_ALLOCATED")).toEqual([]);
  });
});

describe("transitionSchema", () => {
  it("accepts a plain move without data", () => {
    expect(transitionSchema.parse({ ...base, to: "UNDER_REVIEW" })).toEqual({ ...base, to: "UNDER_REVIEW" });
  });

  it("requires a decision number and a real, past decision date for an approval", () => {
    expect(issues({ ...base, to: "APPROVED", decisionNumber: "  ", decisionDate: "" })).toEqual({
      decisionNumber: "required",
      decisionDate: "required",
    });
    expect(issues({ ...base, to: "APPROVED", decisionNumber: "55-1", decisionDate: "2026-02-30" })).toEqual({
      decisionDate: "workflow.validation.date",
    });
    expect(issues({ ...base, to: "APPROVED", decisionNumber: "55-1", decisionDate: "2999-01-01" })).toEqual({
      decisionDate: "workflow.validation.futureDate",
    });
    expect(issues({ ...base, to: "APPROVED", decisionNumber: "x".repeat(65), decisionDate: "2026-03-02" })).toEqual({
      decisionNumber: "tooLong",
    });
    expect(
      transitionSchema.parse({ ...base, to: "APPROVED", decisionNumber: " 55-КС/1 ", decisionDate: "2026-03-02" }),
    ).toMatchObject({
      decisionNumber: "55-КС/1",
    });
  });

  it("requires a reason for rejection and withdrawal, and an arrival date for resettlement", () => {
    expect(issues({ ...base, to: "REJECTED", reason: " " })).toEqual({ reason: "required" });
    expect(issues({ ...base, to: "WITHDRAWN" })).toEqual({ reason: "required" });
    expect(issues({ ...base, to: "RESETTLED", arrivalDate: "10.05.2026" })).toEqual({
      arrivalDate: "workflow.validation.date",
    });
    expect(issues({ ...base, to: "RESETTLED", arrivalDate: "2026-05-10" })).toEqual({});
  });

  it("refuses fields the form does not have, such as a region or a status of the client's choosing", () => {
    expect(transitionSchema.safeParse({ ...base, to: "UNDER_REVIEW", regionId: "KZ-11" }).success).toBe(false);
    expect(transitionSchema.safeParse({ ...base, to: "NOT_A_STATUS" }).success).toBe(false);
    expect(transitionSchema.safeParse({ familyId: "7", version: 3, to: "UNDER_REVIEW" }).success).toBe(false);
  });
});
