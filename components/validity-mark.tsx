import { useTranslations } from "next-intl";
import type { ValidityState } from "@/lib/domain/status-validity";

const TONE: Record<ValidityState["kind"], string> = {
  valid: "bg-emerald-50 text-emerald-900",
  expiring: "bg-amber-100 text-amber-900",
  expired: "bg-red-100 text-red-900",
};

/** "expires in N days" / "expired N days ago" beside a kandas status expiry date, coloured by urgency. */
export function ValidityMark({ state }: { state: ValidityState }) {
  const t = useTranslations("workflow.validity");
  const text =
    state.kind === "expired"
      ? t("expired", { days: state.daysAgo })
      : state.kind === "expiring" && state.daysLeft === 0
        ? t("expiresToday")
        : t(state.kind, { days: state.daysLeft });
  return (
    <span
      data-validity={state.kind}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${TONE[state.kind]}`}
    >
      {text}
    </span>
  );
}
