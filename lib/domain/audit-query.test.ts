import { describe, expect, it } from "vitest";
import {
  auditQueryParams,
  auditTimeRange,
  dayStartInKazakhstan,
  hasAuditFilters,
  parseAuditQuery,
  type AuditFilters,
} from "./audit-query";

const NO_FILTERS: AuditFilters = {
  person: null,
  caseNumber: null,
  action: null,
  prefix: null,
  outcome: null,
  from: null,
  to: null,
};

describe("parseAuditQuery", () => {
  it("reads no filters and no cursor from empty params", () => {
    const query = parseAuditQuery({});
    expect(query.filters).toEqual(NO_FILTERS);
    expect(query.before).toBeNull();
    expect(query.errors).toEqual({});
    expect(hasAuditFilters(query.filters)).toBe(false);
  });

  it("reads every filter and normalises what was typed", () => {
    const query = parseAuditQuery({
      person: "  Admin@NurlyKosh.KZ ",
      case: " nk-2026-000123 ",
      action: "family.view",
      prefix: "Quota.Waitlist",
      outcome: "refused",
      from: "2026-01-01",
      to: "2026-01-31",
      before: "1500000",
    });
    expect(query.errors).toEqual({});
    expect(query.filters).toEqual({
      person: { kind: "email", email: "admin@nurlykosh.kz" },
      caseNumber: "NK-2026-000123",
      action: "family.view",
      prefix: "quota.waitlist",
      outcome: "refused",
      from: "2026-01-01",
      to: "2026-01-31",
    });
    expect(query.before).toBe("1500000");
    expect(hasAuditFilters(query.filters)).toBe(true);
  });

  it("reads a person's number as the staff account's id", () => {
    expect(parseAuditQuery({ person: "42" }).filters.person).toEqual({ kind: "id", id: 42 });
    expect(parseAuditQuery({ person: "0" }).errors.person).toBe("audit.errors.person");
    expect(parseAuditQuery({ person: "99999999999" }).errors.person).toBe("audit.errors.person");
  });

  it("takes the first value of a repeated parameter", () => {
    expect(parseAuditQuery({ outcome: ["succeeded", "refused"] }).filters.outcome).toBe("succeeded");
  });

  it.each([
    ["person", "not an address", "audit.errors.person"],
    ["person", "a\u0000@b.kz", "audit.errors.person"],
    ["person", `${"a".repeat(250)}@b.kz`, "audit.errors.person"],
    ["person", "айгерім@mail.kz", "audit.errors.person"],
    ["case", "NK-2026-12", "audit.errors.caseNumber"],
    ["case", "NK-2026-000000", "audit.errors.caseNumber"],
    ["case", "NK-2026-000123\u0000", "audit.errors.caseNumber"],
    ["prefix", "family view", "audit.errors.prefix"],
    ["prefix", "family%", "audit.errors.prefix"],
    ["prefix", "\uD800", "audit.errors.prefix"],
    ["prefix", "a".repeat(65), "audit.errors.prefix"],
    ["from", "2026-02-30", "audit.errors.date"],
    ["from", "31.01.2026", "audit.errors.date"],
    ["to", "1999-12-31", "audit.errors.date"],
    ["to", "2026-01-01".repeat(1000), "audit.errors.date"],
  ])("refuses %s = %j with a message and applies no such filter", (field, value, message) => {
    const query = parseAuditQuery({ [field]: value });
    expect(query.errors).toEqual({ [field]: message });
    expect(query.filters).toEqual(NO_FILTERS);
  });

  it("refuses a range that ends before it starts, at the end date", () => {
    const query = parseAuditQuery({ from: "2026-02-01", to: "2026-01-31" });
    expect(query.errors).toEqual({ to: "audit.errors.range" });
    expect(parseAuditQuery({ from: "2026-02-01", to: "2026-02-01" }).errors).toEqual({});
  });

  it("drops unknown choices of the selects and a broken cursor without a message", () => {
    const query = parseAuditQuery({
      action: "family.view.denied",
      outcome: "maybe",
      before: "-5",
    });
    expect(query.filters).toEqual(NO_FILTERS);
    expect(query.errors).toEqual({});
    expect(query.before).toBeNull();
    expect(parseAuditQuery({ before: "9223372036854775808" }).before).toBeNull();
    expect(parseAuditQuery({ before: "9223372036854775807" }).before).toBe("9223372036854775807");
    expect(parseAuditQuery({ before: "12abc" }).before).toBeNull();
  });

  it("echoes what was typed into the form, cut to a sane length", () => {
    const query = parseAuditQuery({ person: ` ${"x".repeat(1000)} `, case: "nk-2026-000001" });
    expect(query.input.person).toHaveLength(300);
    expect(query.input.case).toBe("nk-2026-000001");
    expect(query.input.prefix).toBe("");
  });
});

describe("auditQueryParams", () => {
  it("writes the filters back as the parameters they were read from", () => {
    const params = new URLSearchParams(
      "person=7&case=NK-2026-000123&action=auth.login&prefix=auth&outcome=refused&from=2026-01-01&to=2026-01-02",
    );
    const query = parseAuditQuery(params);
    expect(auditQueryParams(query.filters, "99").toString()).toBe(`${params.toString()}&before=99`);
    expect(auditQueryParams(NO_FILTERS).toString()).toBe("");
    expect(auditQueryParams({ ...NO_FILTERS, person: { kind: "email", email: "a@b.kz" } }).get("person")).toBe(
      "a@b.kz",
    );
  });
});

describe("days in Kazakhstan", () => {
  it("starts a day at midnight UTC+6 before 1 March 2024 and at midnight UTC+5 since", () => {
    expect(dayStartInKazakhstan("2024-02-29").toISOString()).toBe("2024-02-28T18:00:00.000Z");
    expect(dayStartInKazakhstan("2024-03-01").toISOString()).toBe("2024-02-29T19:00:00.000Z");
    expect(dayStartInKazakhstan("2026-12-07").toISOString()).toBe("2026-12-06T19:00:00.000Z");
  });

  it("covers the whole of the last day, up to the start of the next one", () => {
    expect(auditTimeRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      since: new Date("2025-12-31T19:00:00.000Z"),
      until: new Date("2026-01-31T19:00:00.000Z"),
    });
    expect(auditTimeRange({ from: null, to: "2026-12-31" })).toEqual({
      since: null,
      until: new Date("2026-12-31T19:00:00.000Z"),
    });
    expect(auditTimeRange({ from: null, to: null })).toEqual({ since: null, until: null });
  });

  it("refuses a string that is not a day", () => {
    expect(() => dayStartInKazakhstan("2026-13-01")).toThrow(RangeError);
  });
});
