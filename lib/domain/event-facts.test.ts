import { describe, expect, it } from "vitest";
import { eventFacts } from "./event-facts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("eventFacts", () => {
  it("reads the decision, validity, arrival, allocation and released places", () => {
    expect(eventFacts({ decisionNumber: "ПВ-1", decisionDate: "2026-03-02", statusValidUntil: "2027-03-02" })).toEqual([
      { kind: "decision", number: "ПВ-1", date: day("2026-03-02") },
      { kind: "validUntil", date: day("2027-03-02") },
    ]);
    expect(eventFacts({ year: 2026, persons: 3, pool: "KANDAS" })).toEqual([
      { kind: "allocation", year: 2026, persons: 3, pool: "KANDAS" },
    ]);
    expect(eventFacts({ arrivalDate: "2026-05-10", released: [{ year: 2026, persons: 2 }] })).toEqual([
      { kind: "arrival", date: day("2026-05-10") },
      { kind: "released", year: 2026, persons: 2 },
    ]);
    expect(
      eventFacts({ settlementDocument: "CITIZENSHIP", settlementNumber: "048123456", settlementDate: "2027-02-20" }),
    ).toEqual([{ kind: "settlement", document: "CITIZENSHIP", number: "048123456", date: day("2027-02-20") }]);
  });

  it("leaves out what is missing or malformed", () => {
    expect(eventFacts(null)).toEqual([]);
    expect(eventFacts("text")).toEqual([]);
    expect(eventFacts({ decisionNumber: "ПВ-1", decisionDate: "02.03.2026" })).toEqual([]);
    expect(eventFacts({ year: 2026, persons: -1, pool: "KANDAS" })).toEqual([]);
    expect(eventFacts({ year: 2026, persons: 1, pool: "OTHER" })).toEqual([]);
    expect(eventFacts({ released: [null, { year: "2026", persons: 1 }] })).toEqual([]);
    expect(eventFacts({ settlementDocument: "PASSPORT", settlementNumber: "1", settlementDate: "2027-02-20" })).toEqual(
      [],
    );
    expect(
      eventFacts({ settlementDocument: "CITIZENSHIP", settlementNumber: 1, settlementDate: "2027-02-20" }),
    ).toEqual([]);
  });
});
