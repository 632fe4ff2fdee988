import { describe, expect, it } from "vitest";
import {
  byUrgency,
  classifyCase,
  groupWork,
  isTaskOverdue,
  missingDocumentCount,
  ruleOfTask,
  ruleTaskKey,
  type WorkCase,
} from "./my-work";

const today = new Date("2026-12-07T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const allReceived = (members: { id: number }[]): WorkCase["documents"] => [
  { kind: "APPLICATION", personId: null, status: "RECEIVED" },
  { kind: "AUTOBIOGRAPHY", personId: null, status: "VERIFIED" },
  ...members.flatMap((member) => [
    { kind: "IDENTITY_DOCUMENT" as const, personId: member.id, status: "RECEIVED" as const },
    { kind: "IDENTITY_TRANSLATION" as const, personId: member.id, status: "RECEIVED" as const },
  ]),
];

const workCase = (overrides: Partial<WorkCase>): WorkCase => ({
  id: 1,
  caseNumber: "NK-2026-000001",
  status: "REGISTERED",
  category: "SETTLER",
  members: [{ id: 10 }],
  documents: [],
  statusValidUntil: null,
  plannedArrival: null,
  arrivalDate: null,
  payments: [],
  rentMonths: 12,
  ...overrides,
});

describe("missingDocumentCount", () => {
  it("counts checklist rows not yet created as missing", () => {
    expect(missingDocumentCount(workCase({ members: [{ id: 10 }, { id: 11 }] }))).toBe(6);
  });
  it("counts kandas proof of nationality and ignores received or verified items", () => {
    const members = [{ id: 10 }];
    expect(missingDocumentCount(workCase({ category: "KANDAS", members, documents: allReceived(members) }))).toBe(1);
    expect(missingDocumentCount(workCase({ members, documents: allReceived(members) }))).toBe(0);
  });
  it("counts an item marked missing", () => {
    const members = [{ id: 10 }];
    const documents = allReceived(members).map((d) =>
      d.kind === "APPLICATION" ? { ...d, status: "MISSING" as const } : d,
    );
    expect(missingDocumentCount(workCase({ members, documents }))).toBe(1);
  });
});

describe("classifyCase", () => {
  it("puts a new case with missing documents under documents missing", () => {
    expect(classifyCase(workCase({}), today)?.group).toBe("documentsMissing");
  });
  it("puts a registered case with every document under ready for review", () => {
    expect(classifyCase(workCase({ documents: allReceived([{ id: 10 }]) }), today)?.group).toBe("readyForReview");
  });
  it("leaves a complete case under review and a terminal case out", () => {
    const documents = allReceived([{ id: 10 }]);
    expect(classifyCase(workCase({ status: "UNDER_REVIEW", documents }), today)).toBeNull();
    expect(classifyCase(workCase({ status: "WITHDRAWN" }), today)).toBeNull();
  });
  it("flags a status within 30 days of its end, and one already ended as overdue", () => {
    const soon = classifyCase(workCase({ status: "APPROVED", statusValidUntil: day("2027-01-06") }), today);
    expect(soon).toMatchObject({ group: "statusExpiring", item: { overdue: false } });
    const later = classifyCase(workCase({ status: "APPROVED", statusValidUntil: day("2027-01-07") }), today);
    expect(later).toBeNull();
    const ended = classifyCase(workCase({ status: "APPROVED", statusValidUntil: day("2026-12-06") }), today);
    expect(ended).toMatchObject({ group: "statusExpiring", item: { overdue: true } });
  });
  it("lists arrivals planned this month or earlier, not next month", () => {
    const allocated = { status: "QUOTA_ALLOCATED" as const };
    expect(classifyCase(workCase({ ...allocated, plannedArrival: day("2026-12-31") }), today)).toMatchObject({
      group: "arrivalsDue",
      item: { overdue: false },
    });
    expect(classifyCase(workCase({ ...allocated, plannedArrival: day("2026-11-30") }), today)).toMatchObject({
      group: "arrivalsDue",
      item: { overdue: true },
    });
    expect(classifyCase(workCase({ ...allocated, plannedArrival: day("2027-01-01") }), today)).toBeNull();
  });
});

describe("support payments due", () => {
  const resettled = { status: "RESETTLED" as const, arrivalDate: day("2026-11-20") };
  it("lists an arrived family owed its relocation subsidy, overdue after the day of arrival", () => {
    expect(classifyCase(workCase(resettled), today)).toMatchObject({
      group: "supportPaymentsDue",
      item: { dueDate: day("2026-11-20"), overdue: true, payment: { kind: "RELOCATION_SUBSIDY", month: null } },
    });
    expect(classifyCase(workCase({ ...resettled, arrivalDate: today }), today)?.item.overdue).toBe(false);
  });
  it("lists the next month of rent when due this month, not when due next month", () => {
    const payments = [
      { kind: "RELOCATION_SUBSIDY" as const, months: null },
      { kind: "RENT_COMPENSATION" as const, months: 1 },
    ];
    expect(classifyCase(workCase({ ...resettled, status: "SUPPORTED", payments }), today)).toMatchObject({
      group: "supportPaymentsDue",
      item: { dueDate: day("2026-12-20"), overdue: false, payment: { kind: "RENT_COMPENSATION", month: 2 } },
    });
    const paidAhead = [...payments, { kind: "RENT_COMPENSATION" as const, months: 1 }];
    expect(classifyCase(workCase({ ...resettled, payments: paidAhead }), today)).toBeNull();
  });
  it("lists nothing once everything owed is paid, nor for a family that has not arrived", () => {
    const payments = [
      { kind: "RELOCATION_SUBSIDY" as const, months: null },
      { kind: "RENT_COMPENSATION" as const, months: 3 },
    ];
    expect(classifyCase(workCase({ ...resettled, payments, rentMonths: 3 }), today)).toBeNull();
    expect(classifyCase(workCase({ status: "QUOTA_ALLOCATED", arrivalDate: null }), today)).toBeNull();
  });
});

describe("groupWork and byUrgency", () => {
  it("orders overdue items first, then by due day, then by case number", () => {
    const cases = [
      workCase({ id: 1, caseNumber: "A", status: "APPROVED", statusValidUntil: day("2026-12-20") }),
      workCase({ id: 2, caseNumber: "B", status: "APPROVED", statusValidUntil: day("2026-12-01") }),
      workCase({ id: 3, caseNumber: "C", status: "APPROVED", statusValidUntil: day("2026-12-10") }),
    ];
    expect(groupWork(cases, today).statusExpiring.map((item) => item.caseNumber)).toEqual(["B", "C", "A"]);
  });
  it("places undated items after dated ones", () => {
    const dated = { overdue: false, dueDate: day("2026-12-10"), caseNumber: "Z" };
    const undated = { overdue: false, dueDate: null, caseNumber: "A" };
    expect([undated, dated].sort(byUrgency)).toEqual([dated, undated]);
  });
});

describe("isTaskOverdue", () => {
  it("is overdue from the day after the due day", () => {
    expect(isTaskOverdue(day("2026-12-07"), today)).toBe(false);
    expect(isTaskOverdue(day("2026-12-06"), today)).toBe(true);
  });
});

describe("rule task keys", () => {
  it("keys an expiry task by the validity end, so an extension gets a new task", () => {
    expect(ruleTaskKey("statusExpiring", day("2027-01-06"))).toBe("statusExpiring:2027-01-06");
    expect(ruleTaskKey("reviewOverdue")).toBe("reviewOverdue");
  });
  it("reads the rule back from the key and none from a hand-written task", () => {
    expect(ruleOfTask("statusExpiring:2027-01-06")).toBe("statusExpiring");
    expect(ruleOfTask("reviewOverdue")).toBe("reviewOverdue");
    expect(ruleOfTask(null)).toBeNull();
    expect(ruleOfTask("other")).toBeNull();
  });
});
