const STATUS_CLASSES: Record<string, string> = {
  REGISTERED: "bg-slate-100 text-slate-800",
  UNDER_REVIEW: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  QUOTA_ALLOCATED: "bg-indigo-100 text-indigo-900",
  RESETTLED: "bg-emerald-100 text-emerald-900",
  SUPPORTED: "bg-teal-100 text-teal-900",
  CLOSED: "bg-green-200 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
  WITHDRAWN: "bg-zinc-200 text-zinc-800",
  EXPIRED: "bg-orange-100 text-orange-900",
};

/** A coloured pill for a case status; the label comes translated from the caller. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_CLASSES[status] ?? "bg-slate-100"}`}
    >
      {label}
    </span>
  );
}
