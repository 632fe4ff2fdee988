import { describe, expect, it } from "vitest";
import {
  canAttachFile,
  canChangeDocumentStatus,
  checklistKey,
  documentChecklist,
  statusAfterUpload,
  statusAfterWithdrawal,
} from "./documents";

describe("documentChecklist", () => {
  it("lists family documents, identity document and translation per member, and nationality proof for kandas", () => {
    expect(documentChecklist("KANDAS", [{ id: 7 }, { id: 3 }])).toEqual([
      { kind: "APPLICATION", personId: null },
      { kind: "AUTOBIOGRAPHY", personId: null },
      { kind: "IDENTITY_DOCUMENT", personId: 7 },
      { kind: "IDENTITY_TRANSLATION", personId: 7 },
      { kind: "IDENTITY_DOCUMENT", personId: 3 },
      { kind: "IDENTITY_TRANSLATION", personId: 3 },
      { kind: "NATIONALITY_PROOF", personId: null },
    ]);
  });

  it("asks settlers for no proof of nationality", () => {
    const kinds = documentChecklist("SETTLER", [{ id: 1 }]).map((item) => item.kind);
    expect(kinds).toEqual(["APPLICATION", "AUTOBIOGRAPHY", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"]);
  });

  it("grows by two items per member and never repeats a key", () => {
    const members = Array.from({ length: 6 }, (_, index) => ({ id: index + 10 }));
    const items = documentChecklist("KANDAS", members);
    expect(items).toHaveLength(3 + 2 * 6);
    expect(new Set(items.map(checklistKey)).size).toBe(items.length);
    expect(documentChecklist("KANDAS", [])).toHaveLength(3);
  });

  it("keys family-level items with member 0, as the unique index does", () => {
    expect(checklistKey({ kind: "APPLICATION", personId: null })).toBe("APPLICATION:0");
    expect(checklistKey({ kind: "IDENTITY_DOCUMENT", personId: 42 })).toBe("IDENTITY_DOCUMENT:42");
  });
});

describe("document status rules", () => {
  it("lets a caseworker mark items missing or received, but not verify or un-verify", () => {
    expect(canChangeDocumentStatus("CASEWORKER", "MISSING", "RECEIVED")).toBe(true);
    expect(canChangeDocumentStatus("CASEWORKER", "RECEIVED", "MISSING")).toBe(true);
    expect(canChangeDocumentStatus("CASEWORKER", "RECEIVED", "VERIFIED")).toBe(false);
    expect(canChangeDocumentStatus("CASEWORKER", "VERIFIED", "RECEIVED")).toBe(false);
    expect(canChangeDocumentStatus("CASEWORKER", "VERIFIED", "VERIFIED")).toBe(true);
  });

  it("lets coordinators and administrators verify and undo a verification", () => {
    for (const role of ["COORDINATOR", "ADMIN"] as const) {
      expect(canChangeDocumentStatus(role, "RECEIVED", "VERIFIED")).toBe(true);
      expect(canChangeDocumentStatus(role, "VERIFIED", "MISSING")).toBe(true);
    }
  });

  it("lets an analyst change nothing", () => {
    expect(canChangeDocumentStatus("ANALYST", "MISSING", "RECEIVED")).toBe(false);
    expect(canAttachFile("ANALYST", "MISSING")).toBe(false);
  });

  it("keeps files of a verified item to coordinators and administrators", () => {
    expect(canAttachFile("CASEWORKER", "RECEIVED")).toBe(true);
    expect(canAttachFile("CASEWORKER", "VERIFIED")).toBe(false);
    expect(canAttachFile("COORDINATOR", "VERIFIED")).toBe(true);
  });

  it("marks a missing item received when a file arrives and leaves other statuses alone", () => {
    expect(statusAfterUpload("MISSING")).toBe("RECEIVED");
    expect(statusAfterUpload("RECEIVED")).toBe("RECEIVED");
    expect(statusAfterUpload("VERIFIED")).toBe("VERIFIED");
  });
});

describe("statusAfterWithdrawal", () => {
  it("makes an item missing when its last file in force is withdrawn, whatever its status", () => {
    expect(statusAfterWithdrawal("RECEIVED", 0)).toBe("MISSING");
    expect(statusAfterWithdrawal("VERIFIED", 0)).toBe("MISSING");
  });

  it("keeps the status while another file backs the item", () => {
    expect(statusAfterWithdrawal("RECEIVED", 1)).toBe("RECEIVED");
    expect(statusAfterWithdrawal("VERIFIED", 2)).toBe("VERIFIED");
  });
});
