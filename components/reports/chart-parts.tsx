"use client";

import { Cell, LabelList, type LegendPayload } from "recharts";

/** The key under which a point carries the "<5" label of a suppressed value of `key`. */
export const suppressedKey = (key: string) => `${key}__suppressed`;

type Point = Record<string, string | number | null>;

/**
 * Chart data in which a suppressed value (null in a series that may be suppressed) is labelled: the point
 * carries the "<5" text under suppressedKey. A bar gets the value 0 so that the chart keeps its place
 * and writes "<5" there (never an empty gap read as nothing, nor a bar of a made-up height); a line keeps
 * its gap, with the label written on the axis below it.
 */
export function labelSuppressed(
  points: readonly Point[],
  suppressible: readonly string[],
  label: string,
  kind: "bar" | "line",
): Point[] {
  return points.map((point) => {
    const marked: Point = { ...point };
    for (const key of suppressible) {
      if (point[key] !== null) continue;
      marked[suppressedKey(key)] = label;
      if (kind === "bar") marked[key] = 0;
    }
    return marked;
  });
}

/** The tooltip shows "<5" for a suppressed value, not the 0 its bar is drawn with. */
export function suppressedTooltipValue(
  value: unknown,
  _name: unknown,
  item: { dataKey?: unknown; payload?: Point },
): string | number {
  const marker = typeof item.dataKey === "string" ? item.payload?.[suppressedKey(item.dataKey)] : undefined;
  if (typeof marker === "string") return marker;
  return typeof value === "number" || typeof value === "string" ? value : "";
}

/**
 * What a bar series needs for its "<5" labels: recharts draws no bar, and so no label, for a value of 0,
 * so a suppressed value gets a bar of 1 pixel (`minPointSize`) that is left unpainted (`cells`).
 */
export function suppressedBarParts(points: readonly Point[], seriesKey: string, fill: string) {
  const isSuppressed = (index: number) => typeof points[index]?.[suppressedKey(seriesKey)] === "string";
  return {
    minPointSize: (_value: unknown, index: number) => (isSuppressed(index) ? 1 : 0),
    cells: points.map((_, index) => <Cell key={index} fill={isSuppressed(index) ? "transparent" : fill} />),
  };
}

/** The "<5" labels of one bar series: above a bar standing up, after a bar lying down. */
export function SuppressedBarLabels({ seriesKey, isHorizontal }: { seriesKey: string; isHorizontal?: boolean }) {
  return (
    <LabelList
      dataKey={suppressedKey(seriesKey)}
      position={isHorizontal ? "right" : "top"}
      fontSize={11}
      fill="#334155"
    />
  );
}

/**
 * The "<5" labels of one line series, written just above the category axis where the line has its gap
 * (`baseline`: the axis's y in the chart's pixels).
 */
export function SuppressedLineLabels({ seriesKey, baseline }: { seriesKey: string; baseline: number }) {
  return (
    <LabelList
      dataKey={suppressedKey(seriesKey)}
      content={(props) => {
        const { x, value } = props;
        if (typeof value !== "string" || typeof x !== "number") return null;
        return (
          <text x={x} y={baseline - 4} textAnchor="middle" fontSize={11} fill="#334155">
            {value}
          </text>
        );
      }}
    />
  );
}

/**
 * The legend in HTML: a coloured mark hidden from assistive technology and the series' name in the
 * interface language (recharts' own legend names each mark "… legend icon" in English).
 */
export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pb-2 text-xs text-slate-700">
      {(payload ?? []).map((entry) => (
        <li key={String(entry.value)} className="flex items-center gap-1">
          <svg width="10" height="10" aria-hidden="true" focusable="false">
            <rect width="10" height="10" fill={entry.color} />
          </svg>
          <span>{entry.value}</span>
        </li>
      ))}
    </ul>
  );
}
