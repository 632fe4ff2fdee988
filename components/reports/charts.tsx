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
import type { ChartPoint } from "@/lib/domain/report-table";
import {
  ChartLegend,
  labelSuppressed,
  SuppressedBarLabels,
  suppressedBarParts,
  SuppressedLineLabels,
  suppressedTooltipValue,
} from "./chart-parts";

/** A series: its data key, its name, and whether its empty values are suppressed small cells ("<5"). */
export type ChartSeries = { key: string; label: string; isSuppressible?: boolean };
export type ChartType = "bar" | "stackedBar" | "line";

/** Colours that stay apart for common colour-vision deficiencies and in greyscale print (Okabe–Ito). */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const colour = (index: number) => PALETTE[index % PALETTE.length] ?? "#000000";

type ChartProps = {
  type: ChartType;
  /** Points from lib/domain/report-table chartPoints: "label" plus one value per series (null = suppressed). */
  data: ChartPoint[];
  series: ChartSeries[];
  /** What the chart shows, read by screen readers; the table beside the chart holds the same figures. */
  ariaLabel: string;
  /** Bars run across (long category names such as countries and districts) instead of up. */
  isHorizontal?: boolean;
  /** The text a suppressed value is labelled with ("<5"). */
  suppressedLabel: string;
};

/**
 * A report chart (recharts): grouped bars, stacked bars or lines over the rows of a report table. The
 * chart is an image for assistive technology (role="img" with a label); the accessible figures are in
 * the table rendered beside it, from the same data.
 */
export function ReportChart({ type, data, series, ariaLabel, isHorizontal = false, suppressedLabel }: ChartProps) {
  const height = isHorizontal
    ? Math.max(160, 40 + data.length * (type === "stackedBar" ? 28 : 18 * series.length + 10))
    : 288;
  const suppressible = series.filter((item) => item.isSuppressible).map((item) => item.key);
  const points = labelSuppressed(data, suppressible, suppressedLabel, type === "line" ? "line" : "bar");
  const isSuppressible = (key: string) => suppressible.includes(key);
  const margin = { top: 8, right: 16, bottom: 8, left: 0 };
  const xAxisHeight = data.length > 6 ? 60 : 30;
  const axes = isHorizontal ? (
    <>
      <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
      <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} interval={0} />
    </>
  ) : (
    <>
      <XAxis
        dataKey="label"
        interval={0}
        angle={data.length > 6 ? -30 : 0}
        textAnchor={data.length > 6 ? "end" : "middle"}
        height={xAxisHeight}
        tick={{ fontSize: 11 }}
      />
      <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
    </>
  );
  return (
    <div role="img" aria-label={ariaLabel} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {type === "line" ? (
          <LineChart data={points} margin={margin} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            {axes}
            <Tooltip formatter={suppressedTooltipValue} />
            <Legend verticalAlign="top" itemSorter={null} content={<ChartLegend />} />
            {series.map((item, index) => (
              <Line
                key={item.key}
                type="monotone"
                dataKey={item.key}
                name={item.label}
                stroke={colour(index)}
                isAnimationActive={false}
                connectNulls={false}
              >
                {isSuppressible(item.key) && (
                  <SuppressedLineLabels seriesKey={item.key} baseline={height - margin.bottom - xAxisHeight} />
                )}
              </Line>
            ))}
          </LineChart>
        ) : (
          <BarChart
            data={points}
            layout={isHorizontal ? "vertical" : "horizontal"}
            margin={margin}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={!isHorizontal} vertical={isHorizontal} />
            {axes}
            <Tooltip formatter={suppressedTooltipValue} />
            <Legend verticalAlign="top" itemSorter={null} content={<ChartLegend />} />
            {series.map((item, index) => {
              const suppressed = isSuppressible(item.key) ? suppressedBarParts(points, item.key, colour(index)) : null;
              return (
                <Bar
                  key={item.key}
                  dataKey={item.key}
                  name={item.label}
                  fill={colour(index)}
                  stackId={type === "stackedBar" ? "stack" : undefined}
                  isAnimationActive={false}
                  minPointSize={suppressed?.minPointSize}
                >
                  {suppressed?.cells}
                  {suppressed && <SuppressedBarLabels seriesKey={item.key} isHorizontal={isHorizontal} />}
                </Bar>
              );
            })}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
