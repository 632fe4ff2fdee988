import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysUntil,
  isStatusValid,
  parseIsoDay,
  programmeToday,
  statusValidUntil,
  validityState,
} from "./status-validity";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("statusValidUntil", () => {
  it("adds the validity months to the decision day", () => {
    expect(statusValidUntil(day("2026-03-02"), 12)).toEqual(day("2027-03-02"));
    expect(statusValidUntil(day("2026-03-02"), 6)).toEqual(day("2026-09-02"));
    expect(statusValidUntil(day("2026-03-02"))).toEqual(day("2027-03-02"));
  });

  it("ignores the time of day of the decision", () => {
    expect(statusValidUntil(new Date("2026-03-02T17:45:00.000Z"), 12)).toEqual(day("2027-03-02"));
  });

  it("keeps the end of the month inside the month", () => {
    expect(statusValidUntil(day("2024-02-29"), 12)).toEqual(day("2025-02-28"));
    expect(addMonths(day("2026-01-31"), 1)).toEqual(day("2026-02-28"));
    expect(addMonths(day("2027-12-31"), 2)).toEqual(day("2028-02-29"));
    expect(addMonths(day("2026-08-31"), 1)).toEqual(day("2026-09-30"));
  });
});

describe("validityState", () => {
  const until = day("2026-12-15");

  it("is valid more than 30 days before the end", () => {
    expect(validityState(until, day("2026-11-14"))).toEqual({ kind: "valid", daysLeft: 31 });
  });

  it("is expiring within 30 days, including the last day", () => {
    expect(validityState(until, day("2026-11-15"))).toEqual({ kind: "expiring", daysLeft: 30 });
    expect(validityState(until, day("2026-12-15"))).toEqual({ kind: "expiring", daysLeft: 0 });
  });

  it("is expired from the day after", () => {
    expect(validityState(until, day("2026-12-16"))).toEqual({ kind: "expired", daysAgo: 1 });
    expect(validityState(until, day("2027-01-15"))).toEqual({ kind: "expired", daysAgo: 31 });
  });

  it("honours another warning window", () => {
    expect(validityState(until, day("2026-11-30"), 7)).toEqual({ kind: "valid", daysLeft: 15 });
  });
});

describe("isStatusValid and daysUntil", () => {
  it("counts the last day as valid and no status as invalid", () => {
    expect(isStatusValid(day("2026-12-15"), day("2026-12-15"))).toBe(true);
    expect(isStatusValid(day("2026-12-15"), day("2026-12-16"))).toBe(false);
    expect(isStatusValid(null, day("2026-01-01"))).toBe(false);
  });

  it("counts calendar days across a year boundary", () => {
    expect(daysUntil(day("2027-01-01"), day("2026-12-31"))).toBe(1);
    expect(daysUntil(day("2026-01-01"), day("2026-12-31"))).toBe(-364);
  });
});

describe("programmeToday", () => {
  it("is the calendar day in Kazakhstan, which starts five hours before UTC's", () => {
    expect(programmeToday(new Date("2026-12-31T18:59:00.000Z"))).toEqual(day("2026-12-31"));
    expect(programmeToday(new Date("2026-12-31T19:00:00.000Z"))).toEqual(day("2027-01-01"));
    expect(programmeToday(new Date("2026-06-01T03:00:00.000Z"), "UTC")).toEqual(day("2026-06-01"));
  });
});

describe("parseIsoDay", () => {
  it("parses real days and refuses the rest", () => {
    expect(parseIsoDay("2026-03-02")).toEqual(day("2026-03-02"));
    expect(parseIsoDay("2026-02-30")).toBeNull();
    expect(parseIsoDay("02.03.2026")).toBeNull();
    expect(parseIsoDay("")).toBeNull();
  });
});
