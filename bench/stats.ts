// Pure figures of the benchmark: percentiles, ratios and the targets, so that the harness
// (bench/run.ts) only measures and this file only computes.

export type Measurement = {
  requests: number;
  errors: number;
  seconds: number;
  /** Latencies in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  rps: number;
};

/** The q-quantile (0 < q ≤ 1) of sorted values by the nearest-rank method, as load generators report it. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summarises one run: latencies of the successful and failed requests alike, over `seconds`. */
export function summarise(latencies: readonly number[], errors: number, seconds: number): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    seconds,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    rps: seconds > 0 ? sorted.length / seconds : Number.NaN,
  };
}

export type PathResult = {
  http: Measurement;
  /** The raw SQL of the path's main query through `pg`, same concurrency (baseline B). */
  sql: Measurement | null;
};

export type SizeResult = {
  persons: number;
  baselineA: Measurement;
  paths: Record<string, PathResult>;
  rss: { startMb: number; peakMb: number; endMb: number };
};

export type Ratios = {
  /** Throughput of the path over baseline A's. */
  throughputVsA: number;
  /** p95 of the path over baseline A's p95. */
  p95VsA: number;
  /** Median server time of the path over the median of its raw SQL (baseline B). */
  p50VsSql: number | null;
};

export function ratios(path: PathResult, baselineA: Measurement): Ratios {
  return {
    throughputVsA: path.http.rps / baselineA.rps,
    p95VsA: path.http.p95 / baselineA.p95,
    p50VsSql: path.sql ? path.http.p50 / path.sql.p50 : null,
  };
}

export type TargetCheck = { target: string; value: number; limit: number; comparison: "≥" | "≤"; met: boolean };

const atLeast = (target: string, value: number, limit: number): TargetCheck => ({
  target,
  value,
  limit,
  comparison: "≥",
  met: value >= limit,
});
const atMost = (target: string, value: number, limit: number): TargetCheck => ({
  target,
  value,
  limit,
  comparison: "≤",
  met: value <= limit,
});

/** The targets for one dataset; a path missing from the run is skipped. */
export function targetsFor(size: SizeResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const path = (name: string) => size.paths[name];
  for (const name of ["status-lookup", "family-detail"]) {
    const p = path(name);
    if (p) checks.push(atLeast(`${name}: throughput / baseline A`, ratios(p, size.baselineA).throughputVsA, 0.5));
  }
  const first = path("family-list");
  const deep = path("family-list-deep");
  if (first && deep)
    checks.push(atMost("family list: deep page p50 / first page p50", deep.http.p50 / first.http.p50, 1.2));
  for (const name of ["family-list", "family-list-deep", "search-typo"]) {
    const p = path(name);
    if (p) checks.push(atMost(`${name}: p95 / baseline A p95`, ratios(p, size.baselineA).p95VsA, 3));
  }
  for (const name of ["quota-report", "overview"]) {
    const p = path(name);
    const vsSql = p ? ratios(p, size.baselineA).p50VsSql : null;
    if (vsSql !== null) checks.push(atMost(`${name}: p50 / raw SQL p50`, vsSql, 1.5));
  }
  for (const [name, p] of Object.entries(size.paths)) {
    checks.push(atMost(`${name}: errors`, p.http.errors, 0));
    // A path too slow to answer once within the run has no figures: that is a failure, not "no errors".
    if (p.http.requests === 0) checks.push(atLeast(`${name}: responses within the run`, 0, 1));
  }
  return checks;
}

/** p95 growth from the smallest to the largest dataset for the paths the issue names. */
export function growthChecks(small: SizeResult, large: SizeResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const name of ["status-lookup", "family-detail", "family-list"]) {
    const a = small.paths[name];
    const b = large.paths[name];
    if (a && b) {
      checks.push(atMost(`${name}: p95 at ${large.persons} / at ${small.persons}`, b.http.p95 / a.http.p95, 1.3));
    }
  }
  return checks;
}
