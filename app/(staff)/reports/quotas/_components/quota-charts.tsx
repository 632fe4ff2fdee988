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

export type RegionBar = { region: string; total: number; allocated: number; arrived: number };
export type MonthLine = { month: string; KANDAS: number; SETTLER: number };

/**
 * Quota vs allocated vs arrived per region. Decorative for assistive technology: the page renders the
 * same figures in a table and the caption (rendered by the page) points to it.
 */
export function QuotaBarChart({
  data,
  labels,
}: {
  data: RegionBar[];
  labels: { total: string; allocated: string; arrived: string };
}) {
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 48, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="region" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Bar dataKey="total" name={labels.total} fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="allocated" name={labels.allocated} fill="#0369a1" isAnimationActive={false} />
          <Bar dataKey="arrived" name={labels.arrived} fill="#15803d" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Persons allocated per month, one line per pool; the page renders the same figures in a table. */
export function AllocationsLineChart({
  data,
  labels,
}: {
  data: MonthLine[];
  labels: { KANDAS: string; SETTLER: string };
}) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Line type="monotone" dataKey="KANDAS" name={labels.KANDAS} stroke="#0369a1" isAnimationActive={false} />
          <Line type="monotone" dataKey="SETTLER" name={labels.SETTLER} stroke="#b45309" isAnimationActive={false} />
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
