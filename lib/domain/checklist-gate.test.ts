import { describe, expect, it } from "vitest";
import { checklistOverride, gatedStep, missingBeforeStep, missingSummary } from "./checklist-gate";
import type { DocumentKind, DocumentStatus } from "./documents";
import { SETTINGS, type RequiredDocuments } from "./settings";

const DEFAULT = SETTINGS["documents.requiredBeforeStep"].default;
const members = [{ id: 1 }, { id: 2 }];
const CORE: DocumentKind[] = ["APPLICATION", "AUTOBIOGRAPHY", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"];

/** Every item of a two-member family's checklist in one status. */
function allIn(status: DocumentStatus, category: "KANDAS" | "SETTLER" = "KANDAS") {
  const rows: { kind: DocumentKind; personId: number | null; status: DocumentStatus }[] = [
    { kind: "APPLICATION", personId: null, status },
    { kind: "AUTOBIOGRAPHY", personId: null, status },
  ];
  for (const { id } of members)
    rows.push(
      { kind: "IDENTITY_DOCUMENT", personId: id, status },
      { kind: "IDENTITY_TRANSLATION", personId: id, status },
    );
  if (category === "KANDAS") rows.push({ kind: "NATIONALITY_PROOF", personId: null, status });
  return rows;
}

const nothingRequired = (): RequiredDocuments => {
  const none = { received: [], verified: [] };
  const steps = { UNDER_REVIEW: none, APPROVED: none, QUOTA_ALLOCATED: none, RESETTLED: none };
  return { KANDAS: structuredClone(steps), SETTLER: structuredClone(steps) };
};

describe("gatedStep", () => {
  it("gates send for review, approve, include in the quota and record arrival only", () => {
    expect(["UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED", "RESETTLED"].map((to) => gatedStep(to as never))).toEqual([
      "UNDER_REVIEW",
      "APPROVED",
      "QUOTA_ALLOCATED",
      "RESETTLED",
    ]);
    for (const to of ["REJECTED", "WITHDRAWN", "EXPIRED", "SUPPORTED", "CLOSED"] as const)
      expect(gatedStep(to)).toBeNull();
  });
});

describe("missingBeforeStep", () => {
  const base = { category: "KANDAS" as const, required: DEFAULT, members };

  it("lists every required item of an empty checklist, each member's identity items once per member", () => {
    const missing = missingBeforeStep({ ...base, to: "UNDER_REVIEW", documents: [] });
    expect(missing).toEqual([
      { kind: "APPLICATION", personId: null, needs: "received" },
      { kind: "AUTOBIOGRAPHY", personId: null, needs: "received" },
      { kind: "IDENTITY_DOCUMENT", personId: 1, needs: "received" },
      { kind: "IDENTITY_TRANSLATION", personId: 1, needs: "received" },
      { kind: "IDENTITY_DOCUMENT", personId: 2, needs: "received" },
      { kind: "IDENTITY_TRANSLATION", personId: 2, needs: "received" },
    ]);
  });

  it("lets a case with everything received go to review, but not be approved until it is verified", () => {
    const documents = allIn("RECEIVED");
    expect(missingBeforeStep({ ...base, to: "UNDER_REVIEW", documents })).toEqual([]);
    const beforeApproval = missingBeforeStep({ ...base, to: "APPROVED", documents });
    expect(beforeApproval.map((item) => item.needs)).toEqual(Array(6).fill("verified"));
    expect(new Set(beforeApproval.map((item) => item.kind))).toEqual(new Set(CORE));
  });

  it("never requires proof of nationality by default", () => {
    const documents = allIn("VERIFIED").filter((row) => row.kind !== "NATIONALITY_PROOF");
    for (const to of ["UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED", "RESETTLED"] as const)
      expect(missingBeforeStep({ ...base, to, documents })).toEqual([]);
  });

  it("names the one member whose identity document is not yet verified", () => {
    const documents = allIn("VERIFIED").map((row) =>
      row.kind === "IDENTITY_DOCUMENT" && row.personId === 2 ? { ...row, status: "RECEIVED" as const } : row,
    );
    expect(missingBeforeStep({ ...base, to: "QUOTA_ALLOCATED", documents })).toEqual([
      { kind: "IDENTITY_DOCUMENT", personId: 2, needs: "verified" },
    ]);
  });

  it("follows the rules of the family's category and step, not another's", () => {
    const required = nothingRequired();
    required.KANDAS.RESETTLED = { received: ["NATIONALITY_PROOF"], verified: ["NATIONALITY_PROOF"] };
    required.SETTLER.APPROVED = { received: ["APPLICATION"], verified: [] };
    expect(missingBeforeStep({ ...base, required, to: "RESETTLED", documents: [] })).toEqual([
      { kind: "NATIONALITY_PROOF", personId: null, needs: "verified" },
    ]);
    expect(missingBeforeStep({ ...base, required, to: "APPROVED", documents: [] })).toEqual([]);
    expect(missingBeforeStep({ ...base, required, category: "SETTLER", to: "APPROVED", documents: [] })).toEqual([
      { kind: "APPLICATION", personId: null, needs: "received" },
    ]);
    expect(missingBeforeStep({ ...base, required, category: "SETTLER", to: "RESETTLED", documents: [] })).toEqual([]);
  });

  it("asks nothing before a step that is not gated", () => {
    expect(missingBeforeStep({ ...base, to: "WITHDRAWN", documents: [] })).toEqual([]);
  });
});

describe("checklistOverride", () => {
  const missing = [
    { kind: "IDENTITY_DOCUMENT" as const, personId: 1, needs: "verified" as const },
    { kind: "IDENTITY_DOCUMENT" as const, personId: 2, needs: "verified" as const },
    { kind: "APPLICATION" as const, personId: null, needs: "received" as const },
  ];

  it("lets the step through when nothing is missing, whoever asks and whatever the reason", () => {
    expect(checklistOverride([], null, { role: "CASEWORKER" })).toBeNull();
    expect(checklistOverride([], "reason", { role: "COORDINATOR" })).toBeNull();
  });

  it("refuses without a reason, naming each missing kind once", () => {
    expect(() => checklistOverride(missing, null, { role: "COORDINATOR" })).toThrow(
      expect.objectContaining({
        code: "checklistGate.errors.missing",
        status: 409,
        values: { documents: { documents: missingSummary(missing) } },
      }),
    );
    expect(missingSummary(missing)).toEqual([
      { kind: "IDENTITY_DOCUMENT", needs: "verified" },
      { kind: "APPLICATION", needs: "received" },
    ]);
  });

  it("accepts a coordinator's or an administrator's reason, and refuses a caseworker's", () => {
    for (const role of ["COORDINATOR", "ADMIN"] as const)
      expect(checklistOverride(missing, "Шұғыл", { role })).toEqual({ reason: "Шұғыл", missing });
    expect(() => checklistOverride(missing, "Шұғыл", { role: "CASEWORKER" })).toThrow(
      expect.objectContaining({ code: "checklistGate.errors.overrideNotAllowed", status: 403 }),
    );
  });
});
