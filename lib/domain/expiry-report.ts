/**
 * The "status expiry" report (issue 6): kandas statuses that end within 30, 60 or 90 days of today, and
 * those already ended but not yet marked expired. Which statuses count is the definition of the
 * expiring list (lib/db/families/list-expiring.ts): kandas families APPROVED or QUOTA_ALLOCATED (a
 * granted status not yet used for arrival) with a `statusValidUntil`. Days left are counted as
 * lib/domain/status-validity `daysUntil` counts them (calendar days): the last valid day itself is day 0
 * and still valid, the day after it is expired.
 */
import type { ReportColumn } from "./report-table";

export type ExpiryBandKey = "expired" | "days0to30" | "days31to60" | "days61to90";

/** The bands in column order: days left from `from` to `to` inclusive (null: open-ended). */
export const EXPIRY_BANDS: readonly { key: ExpiryBandKey; from: number | null; to: number }[] = [
  { key: "expired", from: null, to: -1 },
  { key: "days0to30", from: 0, to: 30 },
  { key: "days31to60", from: 31, to: 60 },
  { key: "days61to90", from: 61, to: 90 },
];

/** The furthest day ahead the report looks. */
export const EXPIRY_HORIZON_DAYS = 90;

/** The band of a status with `daysLeft` days left (negative once ended), or null beyond the horizon. */
export function expiryBandOfDays(daysLeft: number): ExpiryBandKey | null {
  return EXPIRY_BANDS.find((band) => (band.from === null || daysLeft >= band.from) && daysLeft <= band.to)?.key ?? null;
}

/** Counts of a band: families, and the members of those families. */
export type ExpiryCountKey = `${ExpiryBandKey}${"Families" | "Persons"}`;

/** The columns of the table by region: per band the families, then their members (hidden with them). */
export function expiryColumns(): ReportColumn[] {
  return [
    { key: "region", labelKey: "reportExpiry.col.region", kind: "text", labels: { kind: "region" } },
    ...EXPIRY_BANDS.flatMap(({ key }): ReportColumn[] => [
      { key: `${key}Families`, labelKey: `reportExpiry.col.${key}Families`, kind: "count", isSmallCell: true },
      {
        key: `${key}Persons`,
        labelKey: `reportExpiry.col.${key}Persons`,
        kind: "count",
        isSmallCell: true,
        derivedFrom: [`${key}Families`],
      },
    ]),
  ];
}
