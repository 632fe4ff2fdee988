import { describe, expect, it } from "vitest";
import { extensionIssue, type ExtensionCase, type ExtensionDraft } from "./status-extension";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const current: ExtensionCase = {
  category: "KANDAS",
  status: "APPROVED",
  statusValidUntil: day("2026-12-31"),
  extensionsSoFar: 0,
};
const draft: ExtensionDraft = {
  decisionNumber: "ҰК-15",
  decisionDate: day("2026-12-01"),
  validUntil: day("2027-06-30"),
};
const options = { maxExtensions: 2, today: day("2026-12-07") };

describe("extensionIssue", () => {
  it("accepts a later validity under a decision", () => {
    expect(extensionIssue(current, draft, options)).toBeNull();
    expect(extensionIssue({ ...current, status: "QUOTA_ALLOCATED", extensionsSoFar: 1 }, draft, options)).toBeNull();
  });

  it("refuses a settler, a status without an end date and a status past arrival or closed", () => {
    expect(extensionIssue({ ...current, category: "SETTLER" }, draft, options)).toEqual({ key: "notExtendable" });
    expect(extensionIssue({ ...current, statusValidUntil: null }, draft, options)).toEqual({ key: "notExtendable" });
    for (const status of ["UNDER_REVIEW", "RESETTLED", "EXPIRED", "CLOSED"] as const)
      expect(extensionIssue({ ...current, status }, draft, options)).toEqual({ key: "notExtendable" });
  });

  it("refuses an extension beyond the limit", () => {
    expect(extensionIssue({ ...current, extensionsSoFar: 2 }, draft, options)).toEqual({ key: "limitReached", max: 2 });
    expect(extensionIssue({ ...current, extensionsSoFar: 2 }, draft, { ...options, maxExtensions: 3 })).toBeNull();
  });

  it("needs a decision number, a decision not in the future and a later last day", () => {
    expect(extensionIssue(current, { ...draft, decisionNumber: "  " }, options)).toMatchObject({
      key: "decisionNumberRequired",
    });
    expect(extensionIssue(current, { ...draft, decisionNumber: "x".repeat(65) }, options)).toMatchObject({
      key: "decisionNumberTooLong",
    });
    expect(extensionIssue(current, { ...draft, decisionDate: day("2026-12-08") }, options)).toMatchObject({
      key: "decisionDateFuture",
    });
    expect(extensionIssue(current, { ...draft, validUntil: day("2026-12-31") }, options)).toMatchObject({
      key: "notLater",
    });
  });
});
