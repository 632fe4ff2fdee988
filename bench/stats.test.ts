import { describe, expect, it } from "vitest";
import { growthChecks, quantile, ratios, summarise, targetsFor, type Measurement, type SizeResult } from "./stats";

const measurement = (over: Partial<Measurement>): Measurement => ({
  requests: 100,
  errors: 0,
  seconds: 10,
  p50: 10,
  p95: 20,
  p99: 30,
  rps: 10,
  ...over,
});

describe("quantile (nearest rank)", () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  it("takes the value at rank ⌈q·n⌉", () => {
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([7, 9], 0.5)).toBe(7);
    expect(quantile([7, 9], 0.51)).toBe(9);
  });
  it("is NaN without values", () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("summarise", () => {
  it("sorts the latencies and divides the requests by the seconds", () => {
    const m = summarise([30, 10, 20, 40], 1, 2);
    expect(m).toEqual({ requests: 4, errors: 1, seconds: 2, p50: 20, p95: 40, p99: 40, rps: 2 });
  });
});

describe("ratios", () => {
  it("compares throughput and p95 with baseline A and the median with the raw SQL", () => {
    const a = measurement({ rps: 200, p95: 5 });
    const r = ratios({ http: measurement({ rps: 50, p95: 15, p50: 12 }), sql: measurement({ p50: 8 }) }, a);
    expect(r).toEqual({ throughputVsA: 0.25, p95VsA: 3, p50VsSql: 1.5 });
    expect(ratios({ http: measurement({}), sql: null }, a).p50VsSql).toBeNull();
  });
});

describe("targets", () => {
  const size = (paths: SizeResult["paths"], persons = 10_000): SizeResult => ({
    persons,
    baselineA: measurement({ rps: 100, p95: 10 }),
    paths,
    rss: { startMb: 100, peakMb: 120, endMb: 110 },
  });

  it("checks each target of the issue with its limit, met or not", () => {
    const checks = targetsFor(
      size({
        "status-lookup": { http: measurement({ rps: 50 }), sql: null },
        "family-detail": { http: measurement({ rps: 49 }), sql: null },
        "family-list": { http: measurement({ p50: 10, p95: 30 }), sql: null },
        "family-list-deep": { http: measurement({ p50: 12.5, p95: 31 }), sql: null },
        overview: { http: measurement({ p50: 15 }), sql: measurement({ p50: 10 }) },
        "quota-report": { http: measurement({ p50: 16 }), sql: measurement({ p50: 10 }) },
        login: { http: measurement({ errors: 2 }), sql: null },
        "status-expiry": { http: measurement({ requests: 0 }), sql: null },
      }),
    );
    const byTarget = Object.fromEntries(checks.map((c) => [c.target, c.met]));
    expect(byTarget).toEqual({
      "status-lookup: throughput / baseline A": true,
      "family-detail: throughput / baseline A": false,
      "family list: deep page p50 / first page p50": false,
      "family-list: p95 / baseline A p95": true,
      "family-list-deep: p95 / baseline A p95": false,
      "quota-report: p50 / raw SQL p50": false,
      "overview: p50 / raw SQL p50": true,
      "status-lookup: errors": true,
      "family-detail: errors": true,
      "family-list: errors": true,
      "family-list-deep: errors": true,
      "overview: errors": true,
      "quota-report: errors": true,
      "login: errors": false,
      "status-expiry: errors": true,
      "status-expiry: responses within the run": false,
    });
  });

  it("compares p95 growth from the small to the large dataset with 1.3", () => {
    const small = size({ "family-list": { http: measurement({ p95: 10 }), sql: null } });
    const large = size(
      {
        "family-list": { http: measurement({ p95: 13 }), sql: null },
        "family-detail": { http: measurement({}), sql: null },
      },
      1_000_000,
    );
    expect(growthChecks(small, large)).toEqual([
      { target: "family-list: p95 at 1000000 / at 10000", value: 1.3, limit: 1.3, comparison: "≤", met: true },
    ]);
  });
});
