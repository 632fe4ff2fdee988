import { describe, expect, it } from "vitest";
import { CaseStatus as PrismaCaseStatus, Role as PrismaRole } from "../generated/prisma/enums";
import {
  CASE_STATUSES,
  TRANSITIONS,
  allowedTransitions,
  checkTransition,
  holdsQuota,
  isActiveStatus,
  isTerminalStatus,
  needsSettlementDocument,
  type CaseStatus,
  type TransitionInput,
} from "./case-status";
import { can, ROLES } from "./permissions";

/** Every allowed (from > to : role), written out independently of the table under test. */
const ALLOWED = new Set([
  "REGISTERED>UNDER_REVIEW:CASEWORKER",
  "REGISTERED>UNDER_REVIEW:COORDINATOR",
  "REGISTERED>UNDER_REVIEW:ADMIN",
  "REGISTERED>WITHDRAWN:CASEWORKER",
  "REGISTERED>WITHDRAWN:COORDINATOR",
  "REGISTERED>WITHDRAWN:ADMIN",
  "UNDER_REVIEW>APPROVED:COORDINATOR",
  "UNDER_REVIEW>APPROVED:ADMIN",
  "UNDER_REVIEW>REJECTED:COORDINATOR",
  "UNDER_REVIEW>REJECTED:ADMIN",
  "UNDER_REVIEW>WITHDRAWN:CASEWORKER",
  "UNDER_REVIEW>WITHDRAWN:COORDINATOR",
  "UNDER_REVIEW>WITHDRAWN:ADMIN",
  "APPROVED>QUOTA_ALLOCATED:COORDINATOR",
  "APPROVED>QUOTA_ALLOCATED:ADMIN",
  "APPROVED>WITHDRAWN:CASEWORKER",
  "APPROVED>WITHDRAWN:COORDINATOR",
  "APPROVED>WITHDRAWN:ADMIN",
  "APPROVED>EXPIRED:COORDINATOR",
  "APPROVED>EXPIRED:ADMIN",
  "QUOTA_ALLOCATED>RESETTLED:CASEWORKER",
  "QUOTA_ALLOCATED>RESETTLED:COORDINATOR",
  "QUOTA_ALLOCATED>RESETTLED:ADMIN",
  "QUOTA_ALLOCATED>WITHDRAWN:CASEWORKER",
  "QUOTA_ALLOCATED>WITHDRAWN:COORDINATOR",
  "QUOTA_ALLOCATED>WITHDRAWN:ADMIN",
  "QUOTA_ALLOCATED>EXPIRED:COORDINATOR",
  "QUOTA_ALLOCATED>EXPIRED:ADMIN",
  "RESETTLED>SUPPORTED:CASEWORKER",
  "RESETTLED>SUPPORTED:COORDINATOR",
  "RESETTLED>SUPPORTED:ADMIN",
  "RESETTLED>CLOSED:COORDINATOR",
  "RESETTLED>CLOSED:ADMIN",
  "SUPPORTED>CLOSED:COORDINATOR",
  "SUPPORTED>CLOSED:ADMIN",
]);

/** Transitions that exist for some role. */
const EXISTING = new Set([...ALLOWED].map((k) => k.split(":")[0]));

/** Complete, valid input for any transition. */
const FULL_INPUT: TransitionInput = {
  reason: "Отбасы өтінішін кері қайтарып алды",
  decisionNumber: "55-КС/2026-0001",
  decisionDate: "2026-03-02",
  arrivalDate: "2026-05-10",
  statusValidUntil: new Date("2027-03-02T00:00:00Z"),
  today: new Date("2027-03-03T00:00:00Z"),
  settlementDocument: "CITIZENSHIP",
  settlementNumber: "№ 048123456",
  settlementDate: "2027-02-20",
};

const TERMINAL = ["CLOSED", "REJECTED", "WITHDRAWN", "EXPIRED"];

describe("enums", () => {
  it("match the Prisma enums", () => {
    expect([...CASE_STATUSES]).toEqual(Object.values(PrismaCaseStatus));
    expect([...ROLES].sort()).toEqual(Object.values(PrismaRole).sort());
  });
});

describe("checkTransition over every (from, to, role)", () => {
  const combos = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)),
  );

  it("covers 400 combinations", () => {
    expect(combos).toHaveLength(400);
  });

  it.each(combos)("%s → %s by %s", (from, to, role) => {
    const result = checkTransition(from, to, role, FULL_INPUT);
    const key = `${from}>${to}`;
    if (ALLOWED.has(`${key}:${role}`)) {
      expect(result.ok).toBe(true);
    } else if (TERMINAL.includes(from)) {
      expect(result).toEqual({ ok: false, error: "terminal-status" });
    } else if (EXISTING.has(key)) {
      expect(result).toEqual({ ok: false, error: "role-not-allowed" });
    } else {
      expect(result).toEqual({ ok: false, error: "no-such-transition" });
    }
  });

  it("the table lists exactly the allowed set", () => {
    const fromTable = new Set(
      TRANSITIONS.flatMap((t) =>
        ROLES.filter((r) => can({ role: r }, t.permission)).map((r) => `${t.from}>${t.to}:${r}`),
      ),
    );
    expect(fromTable).toEqual(ALLOWED);
  });
});

describe("citizenship or residence permit closes the case", () => {
  const closing = { settlementDocument: "RESIDENCE_PERMIT", settlementNumber: "ВНЖ-123", settlementDate: "2027-01-15" };

  it("is a coordinator's step after arrival: from RESETTLED and SUPPORTED, never before", () => {
    expect(allowedTransitions("RESETTLED", "COORDINATOR", "KANDAS")).toContain("CLOSED");
    expect(allowedTransitions("SUPPORTED", "COORDINATOR", "KANDAS")).toContain("CLOSED");
    expect(allowedTransitions("RESETTLED", "CASEWORKER", "KANDAS")).not.toContain("CLOSED");
    for (const from of ["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED"] as const)
      expect(checkTransition(from, "CLOSED", "COORDINATOR", closing)).toEqual({
        ok: false,
        error: "no-such-transition",
      });
    expect(checkTransition("CLOSED", "SUPPORTED", "ADMIN", closing)).toEqual({ ok: false, error: "terminal-status" });
  });

  it("needs the document kind, its number and its date for a kandas family", () => {
    const check = (input: TransitionInput) => checkTransition("RESETTLED", "CLOSED", "COORDINATOR", input);
    expect(check({ ...closing, settlementDocument: "PASSPORT" })).toEqual({
      ok: false,
      error: "settlement-document-required",
      field: "settlementDocument",
    });
    expect(check({ ...closing, settlementNumber: "  " })).toMatchObject({ error: "settlement-number-required" });
    expect(check({ ...closing, settlementNumber: "9".repeat(65) })).toMatchObject({
      error: "settlement-number-too-long",
    });
    expect(check({ ...closing, settlementDate: "2027-02-30" })).toMatchObject({
      error: "settlement-date-required",
      field: "settlementDate",
    });
    expect(check({ ...closing, category: "KANDAS" }).ok).toBe(true);
  });

  it("settlers are citizens already: they close from SUPPORTED without a document, never from RESETTLED", () => {
    expect(checkTransition("SUPPORTED", "CLOSED", "COORDINATOR", { category: "SETTLER" }).ok).toBe(true);
    expect(checkTransition("SUPPORTED", "CLOSED", "COORDINATOR", { category: "KANDAS" })).toMatchObject({
      error: "settlement-document-required",
    });
    expect(checkTransition("RESETTLED", "CLOSED", "COORDINATOR", { ...closing, category: "SETTLER" })).toEqual({
      ok: false,
      error: "no-such-transition",
    });
    expect(allowedTransitions("RESETTLED", "COORDINATOR", "SETTLER")).toEqual(["SUPPORTED"]);
    expect(needsSettlementDocument("CLOSED", "SETTLER")).toBe(false);
    expect(needsSettlementDocument("CLOSED", "KANDAS")).toBe(true);
    expect(needsSettlementDocument("SUPPORTED", "KANDAS")).toBe(false);
  });
});

describe("required data", () => {
  it("requires a reason for REJECTED and WITHDRAWN", () => {
    expect(checkTransition("UNDER_REVIEW", "REJECTED", "COORDINATOR", {})).toEqual({
      ok: false,
      error: "reason-required",
      field: "reason",
    });
    expect(checkTransition("UNDER_REVIEW", "REJECTED", "COORDINATOR", { reason: "   " })).toMatchObject({
      error: "reason-required",
    });
    expect(checkTransition("APPROVED", "WITHDRAWN", "CASEWORKER", { reason: null })).toMatchObject({
      error: "reason-required",
    });
    expect(checkTransition("APPROVED", "WITHDRAWN", "CASEWORKER", { reason: "Отказ семьи" }).ok).toBe(true);
  });

  it("requires a decision number and a real decision date for APPROVED", () => {
    const approve = (input: TransitionInput) => checkTransition("UNDER_REVIEW", "APPROVED", "COORDINATOR", input);
    expect(approve({ decisionDate: "2026-03-02" })).toMatchObject({
      error: "decision-number-required",
      field: "decisionNumber",
    });
    expect(approve({ decisionNumber: " ", decisionDate: "2026-03-02" })).toMatchObject({
      error: "decision-number-required",
    });
    expect(approve({ decisionNumber: "x".repeat(65), decisionDate: "2026-03-02" })).toMatchObject({
      error: "decision-number-too-long",
    });
    expect(approve({ decisionNumber: "55-1" })).toMatchObject({
      error: "decision-date-required",
      field: "decisionDate",
    });
    expect(approve({ decisionNumber: "55-1", decisionDate: "2026-02-30" })).toMatchObject({
      error: "decision-date-required",
    });
    expect(approve({ decisionNumber: "55-1", decisionDate: new Date("invalid") })).toMatchObject({
      error: "decision-date-required",
    });
    expect(approve({ decisionNumber: "55-1", decisionDate: "2026-03-02" }).ok).toBe(true);
    expect(approve({ decisionNumber: "55-1", decisionDate: new Date(Date.UTC(2026, 2, 2)) }).ok).toBe(true);
  });

  it("requires an arrival date for RESETTLED", () => {
    expect(checkTransition("QUOTA_ALLOCATED", "RESETTLED", "CASEWORKER", {})).toEqual({
      ok: false,
      error: "arrival-date-required",
      field: "arrivalDate",
    });
    expect(checkTransition("QUOTA_ALLOCATED", "RESETTLED", "CASEWORKER", { arrivalDate: "10.05.2026" })).toMatchObject({
      error: "arrival-date-required",
    });
    expect(checkTransition("QUOTA_ALLOCATED", "RESETTLED", "CASEWORKER", { arrivalDate: "2026-05-10" }).ok).toBe(true);
  });

  it("allows EXPIRED only after the last valid day", () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const validUntil = day("2027-03-02");
    for (const from of ["APPROVED", "QUOTA_ALLOCATED"] as const) {
      const expire = (today: Date | undefined, until: Date | null = validUntil) =>
        checkTransition(from, "EXPIRED", "COORDINATOR", { statusValidUntil: until, today });
      expect(expire(day("2026-12-01"))).toEqual({ ok: false, error: "status-still-valid" });
      expect(expire(day("2027-03-02"))).toEqual({ ok: false, error: "status-still-valid" });
      expect(expire(day("2027-03-03")).ok).toBe(true);
      expect(expire(day("2027-03-03"), null)).toEqual({ ok: false, error: "status-still-valid" });
      expect(expire(undefined)).toEqual({ ok: false, error: "status-still-valid" });
    }
  });

  it("needs nothing for the other transitions", () => {
    for (const t of TRANSITIONS.filter((x) => x.requires.length === 0)) {
      expect(checkTransition(t.from, t.to, "ADMIN", {}).ok, `${t.from}>${t.to}`).toBe(true);
    }
  });

  it("checks the role before the data", () => {
    expect(checkTransition("UNDER_REVIEW", "APPROVED", "CASEWORKER", {})).toEqual({
      ok: false,
      error: "role-not-allowed",
    });
  });
});

describe("allowedTransitions", () => {
  it("matches the allowed set for every status and role", () => {
    for (const from of CASE_STATUSES) {
      for (const role of ROLES) {
        const expected = CASE_STATUSES.filter((to) => ALLOWED.has(`${from}>${to}:${role}`)).sort();
        expect([...allowedTransitions(from, role)].sort(), `${from}/${role}`).toEqual(expected);
      }
    }
  });

  it("gives an analyst nothing and a caseworker no decisions", () => {
    for (const from of CASE_STATUSES) expect(allowedTransitions(from, "ANALYST")).toEqual([]);
    expect(allowedTransitions("UNDER_REVIEW", "CASEWORKER")).toEqual(["WITHDRAWN"]);
    expect(allowedTransitions("UNDER_REVIEW", "COORDINATOR")).toEqual(["APPROVED", "REJECTED", "WITHDRAWN"]);
  });

  it("lets an admin do everything a coordinator can", () => {
    for (const from of CASE_STATUSES)
      expect(allowedTransitions(from, "ADMIN")).toEqual(allowedTransitions(from, "COORDINATOR"));
  });
});

describe("status predicates", () => {
  it("isActiveStatus is false exactly for terminal statuses", () => {
    const active = CASE_STATUSES.filter((s: CaseStatus) => isActiveStatus(s));
    expect(active).toEqual(["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED"]);
    for (const s of CASE_STATUSES) expect(isTerminalStatus(s)).toBe(TERMINAL.includes(s));
  });

  it("holdsQuota is true from allocation to closure", () => {
    expect(CASE_STATUSES.filter((s) => holdsQuota(s))).toEqual(["QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED", "CLOSED"]);
  });

  it("every terminal status is reachable and has no way out", () => {
    for (const s of TERMINAL) {
      expect(TRANSITIONS.some((t) => t.to === s)).toBe(true);
      expect(TRANSITIONS.some((t) => t.from === s)).toBe(false);
    }
  });
});
