import { getFormatter, getTranslations } from "next-intl/server";
import type { FiguresFreshness as Freshness } from "@/lib/domain/figures-freshness";

/**
 * Says how current a report's figures are (lib/domain/figures-freshness): "current" when read from the
 * primary, "as of <time>" when read from a replica, and a warning when that replica is behind by more
 * than a minute or cannot say. The time is also in `dateTime` for machines (and the cluster test).
 */
export async function FiguresFreshness({ freshness }: { freshness: Freshness }) {
  const t = await getTranslations("reportCommon.freshness");
  const format = await getFormatter();
  if (freshness.kind === "current") {
    return (
      <p className="mt-2 text-sm text-slate-600" data-testid="figures-freshness">
        {t("current")}
      </p>
    );
  }
  if (freshness.kind === "unknown") {
    return (
      <p
        role="status"
        className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        data-testid="figures-freshness"
      >
        {t("unknown")}
      </p>
    );
  }
  const asOf = format.dateTime(freshness.asOf, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <>
      <p className="mt-2 text-sm text-slate-600" data-testid="figures-freshness">
        {t.rich("asOf", {
          when: asOf,
          time: (chunks) => <time dateTime={freshness.asOf.toISOString()}>{chunks}</time>,
        })}
      </p>
      {freshness.isLagging && (
        <p
          role="status"
          className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="figures-lagging"
        >
          {t("lagging", { when: asOf })}
        </p>
      )}
    </>
  );
}
