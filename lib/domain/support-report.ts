/**
 * The "support paid" report (issue 6): relocation subsidies and rent compensation per region and month,
 * in tenge and in MCI. PostgreSQL does the sums and the conversion (lib/db/reports/support-paid.ts); this
 * module holds what the SQL, the tables and the tests share: the payment kinds counted, the rounding of
 * tenge into MCI, and the columns of the tables with their suppression rules.
 *
 * Small cells (analysts): a cell is a region and month (or a region's year, a month of the country); one
 * paid to fewer than 5 families hides its families, its persons and its amounts — the relocation
 * subsidy is 70 MCI per member, so one family's amount gives away its size.
 */
import type { PaymentKind } from "./benefits";
import type { ReportColumn } from "./report-table";

/** The payment kinds of the report, in column order (the housing certificate is a different measure). */
export const SUPPORT_REPORT_KINDS = [
  "RELOCATION_SUBSIDY",
  "RENT_COMPENSATION",
] as const satisfies readonly PaymentKind[];

/** Decimals of an amount in MCI. */
export const MCI_DECIMALS = 2;

/**
 * `amountTenge` in MCI of `mciTenge` tenge, rounded to two decimals half away from zero — what
 * PostgreSQL's `ROUND(numeric, 2)` in the report's SQL gives — in integer arithmetic, so 20 / 4000 = 0.005
 * is 0.01 and not a binary 0.00499…; null without a (positive) MCI value.
 */
export function tengeToMci(amountTenge: number, mciTenge: number | null): number | null {
  if (mciTenge === null || !(mciTenge > 0)) return null;
  const scale = 10 ** MCI_DECIMALS;
  const hundredths = Math.floor((2 * scale * Math.abs(amountTenge) + mciTenge) / (2 * mciTenge));
  return (Math.sign(amountTenge) * hundredths) / scale || 0;
}

/** The figures of a cell, in column order after the label: amounts per kind and in total, families, persons. */
export const SUPPORT_FIGURES = [
  "relocationTenge",
  "relocationMci",
  "rentTenge",
  "rentMci",
  "totalTenge",
  "totalMci",
  "families",
  "persons",
] as const;
export type SupportFigure = (typeof SUPPORT_FIGURES)[number];

const FIGURE_COLUMNS: ReportColumn[] = SUPPORT_FIGURES.map((key) => {
  const labelKey = `reportSupport.col.${key}`;
  if (key === "families") return { key, labelKey, kind: "count", isSmallCell: true };
  if (key === "persons") return { key, labelKey, kind: "count", isSmallCell: true, derivedFrom: ["families"] };
  if (key.endsWith("Mci")) return { key, labelKey, kind: "decimal", decimals: MCI_DECIMALS, derivedFrom: ["families"] };
  return { key, labelKey, kind: "money", derivedFrom: ["families"] };
});

/** The columns of a table by month (month numbers as names) or by region (region ids as names). */
export function supportColumns(by: "month" | "region"): ReportColumn[] {
  const first: ReportColumn =
    by === "month"
      ? { key: "month", labelKey: "reportSupport.col.month", kind: "text", labels: { kind: "month" } }
      : { key: "region", labelKey: "reportSupport.col.region", kind: "text", labels: { kind: "region" } };
  return [first, ...FIGURE_COLUMNS];
}
