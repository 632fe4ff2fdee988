import { describe, expect, it } from "vitest";
import { caseDecision, hasDecision, paperLocale, receivedDocuments } from "./family-papers";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("paperLocale", () => {
  it("takes the language chosen on the page when it is Kazakh or Russian", () => {
    expect(paperLocale("ru", "kk")).toBe("ru");
    expect(paperLocale("kk", "en")).toBe("kk");
  });

  it("otherwise follows the interface in Kazakh or Russian, and prints Kazakh for an English interface", () => {
    expect(paperLocale(undefined, "ru")).toBe("ru");
    expect(paperLocale("en", "ru")).toBe("ru");
    expect(paperLocale(["ru"], "kk")).toBe("kk");
    expect(paperLocale(null, "en")).toBe("kk");
  });
});

describe("receivedDocuments", () => {
  const doc = (kind: string, status: string, personPosition: number | null) =>
    ({ kind, status, person: personPosition === null ? null : { position: personPosition }, personPosition }) as const;

  it("keeps the received and verified documents, in checklist order and by member", () => {
    const documents = [
      doc("NATIONALITY_PROOF", "VERIFIED", null),
      doc("IDENTITY_DOCUMENT", "RECEIVED", 2),
      doc("AUTOBIOGRAPHY", "MISSING", null),
      doc("IDENTITY_DOCUMENT", "VERIFIED", 1),
      doc("APPLICATION", "RECEIVED", null),
      doc("IDENTITY_TRANSLATION", "MISSING", 1),
    ].map((d) => ({ ...d, kind: d.kind as never, status: d.status as never }));
    expect(receivedDocuments(documents).map((d) => `${d.kind}:${d.personPosition ?? "-"}`)).toEqual([
      "APPLICATION:-",
      "IDENTITY_DOCUMENT:1",
      "IDENTITY_DOCUMENT:2",
      "NATIONALITY_PROOF:-",
    ]);
  });

  it("is empty when nothing has been handed in", () => {
    expect(receivedDocuments([{ kind: "APPLICATION", status: "MISSING", person: null, personPosition: null }])).toEqual(
      [],
    );
  });
});

describe("caseDecision", () => {
  const events = [
    { toStatus: "REGISTERED" as const, at: new Date("2026-01-10T04:00:00Z"), reason: null },
    { toStatus: "UNDER_REVIEW" as const, at: new Date("2026-01-20T04:00:00Z"), reason: null },
  ];

  it("has no decision before the akimat decides", () => {
    const input = { status: "UNDER_REVIEW" as const, decisionNumber: null, decisionDate: null, events };
    expect(caseDecision(input)).toBeNull();
    expect(hasDecision(input)).toBe(false);
  });

  it("states an approval with its number and date, also after later steps", () => {
    for (const status of ["APPROVED", "QUOTA_ALLOCATED", "CLOSED", "EXPIRED"] as const) {
      const input = { status, decisionNumber: "№ 12-45", decisionDate: day("2026-02-02"), events };
      expect(caseDecision(input)).toEqual({ kind: "approval", number: "№ 12-45", date: day("2026-02-02") });
      expect(hasDecision(input)).toBe(true);
    }
  });

  it("states a refusal on the programme's day of the step, with its reason and no number", () => {
    const rejected = [
      ...events,
      // 20:00 UTC is already the next day in Almaty.
      { toStatus: "REJECTED" as const, at: new Date("2026-02-03T20:00:00Z"), reason: "Not a kandas" },
    ];
    const input = { status: "REJECTED" as const, decisionNumber: null, decisionDate: null, events: rejected };
    expect(caseDecision(input)).toEqual({
      kind: "refusal",
      number: null,
      date: day("2026-02-04"),
      reason: "Not a kandas",
    });
    expect(hasDecision(input)).toBe(true);
  });
});
