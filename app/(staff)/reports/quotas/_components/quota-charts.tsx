"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  ChartLegend,
  labelSuppressed,
  SuppressedBarLabels,
  suppressedBarParts,
  SuppressedLineLabels,
  suppressedTooltipValue,
} from "@/components/reports/chart-parts";

const ALLOCATED = "#0369a1";
const ARRIVED = "#15803d";

/** A region's bars; null is a value hidden from the analyst (drawn as a labelled "<5"). */
export type RegionBar = { region: string; total: number; allocated: number | null; arrived: number | null };
export type MonthLine = { month: string; KANDAS: number | null; SETTLER: number | null };

/**
 * Quota vs allocated vs arrived per region. An image for assistive technology, named by `ariaLabel`: the
 * page renders the same figures in a table and the caption points to it.
 */
export function QuotaBarChart({
  data,
  labels,
  ariaLabel,
  suppressedLabel,
}: {
  data: RegionBar[];
  labels: { total: string; allocated: string; arrived: string };
  ariaLabel: string;
  suppressedLabel: string;
}) {
  const points = labelSuppressed(data, ["allocated", "arrived"], suppressedLabel, "bar");
  const allocated = suppressedBarParts(points, "allocated", ALLOCATED);
  const arrived = suppressedBarParts(points, "arrived", ARRIVED);
  return (
    <div role="img" aria-label={ariaLabel} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 48, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="region" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip formatter={suppressedTooltipValue} />
          <Legend verticalAlign="top" itemSorter={null} content={<ChartLegend />} />
          <Bar dataKey="total" name={labels.total} fill="#94a3b8" isAnimationActive={false} />
          <Bar
            dataKey="allocated"
            name={labels.allocated}
            fill={ALLOCATED}
            isAnimationActive={false}
            minPointSize={allocated.minPointSize}
          >
            {allocated.cells}
            <SuppressedBarLabels seriesKey="allocated" />
          </Bar>
          <Bar
            dataKey="arrived"
            name={labels.arrived}
            fill={ARRIVED}
            isAnimationActive={false}
            minPointSize={arrived.minPointSize}
          >
            {arrived.cells}
            <SuppressedBarLabels seriesKey="arrived" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Chart height and the space under the plot (margin and month axis), to place "<5" above the axis. */
const LINE_HEIGHT = 256;
const LINE_MARGIN = { top: 8, right: 8, bottom: 8, left: 0 };
const MONTH_AXIS_HEIGHT = 30;

/** Persons allocated per month, one line per pool; the page renders the same figures in a table. */
export function AllocationsLineChart({
  data,
  labels,
  ariaLabel,
  suppressedLabel,
}: {
  data: MonthLine[];
  labels: { KANDAS: string; SETTLER: string };
  ariaLabel: string;
  suppressedLabel: string;
}) {
  const points = labelSuppressed(data, ["KANDAS", "SETTLER"], suppressedLabel, "line");
  const baseline = LINE_HEIGHT - LINE_MARGIN.bottom - MONTH_AXIS_HEIGHT;
  return (
    <div role="img" aria-label={ariaLabel} className="w-full" style={{ height: LINE_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={LINE_MARGIN} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" height={MONTH_AXIS_HEIGHT} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip formatter={suppressedTooltipValue} />
          <Legend verticalAlign="top" itemSorter={null} content={<ChartLegend />} />
          <Line
            type="monotone"
            dataKey="KANDAS"
            name={labels.KANDAS}
            stroke="#0369a1"
            isAnimationActive={false}
            connectNulls={false}
          >
            <SuppressedLineLabels seriesKey="KANDAS" baseline={baseline} />
          </Line>
          <Line
            type="monotone"
            dataKey="SETTLER"
            name={labels.SETTLER}
            stroke="#b45309"
            isAnimationActive={false}
            connectNulls={false}
          >
            <SuppressedLineLabels seriesKey="SETTLER" baseline={baseline} />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
