/** Quota report arithmetic (issue 4): pure functions over the figures the database counted. */

export type ReportPool = "KANDAS" | "SETTLER";
export const REPORT_POOLS: readonly ReportPool[] = ["KANDAS", "SETTLER"];

/** What the database counts per region and pool; persons are quota places. */
export type QuotaCounts = {
  /** Places in the order (persons). */
  total: number;
  /** Persons of ACTIVE allocations. */
  allocated: number;
  /** Persons of allocated families that have arrived (RESETTLED, SUPPORTED or CLOSED). */
  arrived: number;
  /** Families holding an ACTIVE allocation. */
  families: number;
};

export type QuotaFigures = QuotaCounts & {
  /** Places still free; never negative. */
  remaining: number;
  /** allocated / total in percent, one decimal; null when the quota is 0 (nothing to fill). */
  fillPercent: number | null;
};

/** Rounds half away from zero to `digits` decimals without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15)))) / factor;
}

export function fillPercent(allocated: number, total: number): number | null {
  if (total <= 0) return null;
  return roundTo((allocated / total) * 100, 1);
}

export function quotaFigures(counts: QuotaCounts): QuotaFigures {
  return {
    ...counts,
    remaining: Math.max(0, counts.total - counts.allocated),
    fillPercent: fillPercent(counts.allocated, counts.total),
  };
}

/** Sums the counts of several regions and derives the totals' remaining places and fill from the sums. */
export function totalFigures(rows: readonly QuotaCounts[]): QuotaFigures {
  const sum = rows.reduce<QuotaCounts>(
    (acc, row) => ({
      total: acc.total + row.total,
      allocated: acc.allocated + row.allocated,
      arrived: acc.arrived + row.arrived,
      families: acc.families + row.families,
    }),
    { total: 0, allocated: 0, arrived: 0, families: 0 },
  );
  // Remaining of the total is the sum of the regions' remaining places (an over-filled region does not
  // hide free places elsewhere); with the CHECK allocated <= total both ways agree.
  return {
    ...quotaFigures(sum),
    remaining: rows.reduce((acc, row) => acc + Math.max(0, row.total - row.allocated), 0),
  };
}

export type MonthCount = { month: number; pool: ReportPool; families: number; persons: number };
export type MonthPoint = { month: number; KANDAS: number; SETTLER: number; total: number };

/** Persons allocated per calendar month 1–12, each pool and together; months without allocations are 0. */
export function monthlySeries(counts: readonly MonthCount[]): MonthPoint[] {
  const points: MonthPoint[] = Array.from({ length: 12 }, (_, index) => ({ month: index + 1, KANDAS: 0, SETTLER: 0, total: 0 }));
  for (const count of counts) {
    const point = points[count.month - 1];
    if (!point) continue;
    point[count.pool] += count.persons;
    point.total += count.persons;
  }
  return points;
}
