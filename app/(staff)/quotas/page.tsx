import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/session";
import { listQuotas } from "@/lib/db/quotas/list-quotas";
import { listQuotaHistory } from "@/lib/db/quotas/orders";
import { QUOTA_POOLS, quotaYearFor, type QuotaPool } from "@/lib/domain/quota";
import { regionName, resettlementTargetRegions } from "@/lib/domain/regions";
import { programmeToday } from "@/lib/domain/status-validity";
import { localName, toLocale } from "@/lib/i18n/config";
import { quotaYearParam } from "@/lib/validation/quota-order";
import { AmendQuotaForm } from "./_components/amend-quota-form";

export async function generateMetadata() {
  const t = await getTranslations("quotas");
  return { title: t("title") };
}

export default async function QuotasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("quota.view");
  const today = programmeToday();
  const currentYear = quotaYearFor(today);
  const year = quotaYearParam((await searchParams).year, currentYear);
  const [quotas, history] = await Promise.all([listQuotas(user, year), listQuotaHistory(user, year)]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const years = [...new Set([currentYear - 2, currentYear - 1, currentYear, currentYear + 1, year])].sort();
  const poolLabels = Object.fromEntries(QUOTA_POOLS.map((pool) => [pool, t(`category.${pool}`)])) as Record<QuotaPool, string>;
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  // The waitlist names families: only roles that see them (not the analyst) get its link.
  const showWaitlist = can(user, "waitlist.manage");
  const amendments = history.flatMap((order) => order.amendments.map((amendment) => ({ order, amendment })));

  return (
    <section>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("quotas.title")}</h1>
        {can(user, "quota.amend") && (
          <Link href={`/quotas/orders/new?year=${quotas.length === 0 ? year : currentYear + 1}`} className="text-sm font-medium text-brand-700 hover:underline">
            {t("quotas.order.link")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-slate-600">{can(user, "report.allRegions") ? t("quotas.introNational") : t("quotas.introRegion")}</p>

      <form method="get" className="mt-4 flex items-end gap-2">
        <div>
          <label htmlFor="quota-year" className="block text-sm font-medium">
            {t("quotas.yearField")}
          </label>
          <select id="quota-year" name="year" defaultValue={String(year)} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("quotas.show")}
        </Button>
      </form>

      <div className="mt-4 overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("quotas.caption", { year })}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("quotas.col.region")}</th>
              <th scope="col" className="px-3 py-2">{t("quotas.col.pool")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("quotas.col.total")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("quotas.col.allocated")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("quotas.col.remaining")}</th>
              {showWaitlist && <th scope="col" className="px-3 py-2">{t("waitlist.quotaColumn")}</th>}
            </tr>
          </thead>
          <tbody>
            {quotas.map((quota) => (
              <tr key={quota.id} className="border-t" data-testid={`quota-${quota.regionId}-${quota.pool}`}>
                <th scope="row" className="px-3 py-2 text-left font-normal">{localName(quota.region, locale)}</th>
                <td className="px-3 py-2">{poolLabels[quota.pool]}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(quota.total)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(quota.allocated)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(quota.remaining)}</td>
                {showWaitlist && (
                  <td className="px-3 py-2">
                    <Link
                      href={`/quotas/waitlist?year=${year}&region=${quota.regionId}&pool=${quota.pool}`}
                      aria-label={t("waitlist.quotaLinkLabel", { region: localName(quota.region, locale), pool: poolLabels[quota.pool] })}
                      className="text-brand-700 hover:underline"
                    >
                      {t("waitlist.quotaLink")}
                    </Link>
                  </td>
                )}
              </tr>
            ))}
            {quotas.length === 0 && (
              <tr className="border-t">
                <td colSpan={showWaitlist ? 6 : 5} className="px-3 py-4 text-slate-600">{t("quotas.empty", { year })}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {can(user, "quota.amend") && (
        <AmendQuotaForm
          key={year}
          year={year}
          today={today.toISOString().slice(0, 10)}
          regions={resettlementTargetRegions().map((region) => ({ id: region.id, name: regionName(region, locale) }))}
          poolLabels={poolLabels}
        />
      )}

      <section aria-labelledby="quota-history" className="mt-8">
        <h2 id="quota-history" className="text-lg font-semibold">
          {t("quotas.history.title")}
        </h2>
        <div className="mt-2 overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("quotas.history.caption", { year })}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t("quotas.history.col.when")}</th>
                <th scope="col" className="px-3 py-2">{t("quotas.history.col.who")}</th>
                <th scope="col" className="px-3 py-2">{t("quotas.history.col.order")}</th>
                <th scope="col" className="px-3 py-2">{t("quotas.history.col.region")}</th>
                <th scope="col" className="px-3 py-2">{t("quotas.history.col.pool")}</th>
                <th scope="col" className="px-3 py-2">{t("quotas.history.col.change")}</th>
              </tr>
            </thead>
            <tbody>
              {amendments.map(({ order, amendment }) => (
                <tr key={amendment.id} className="border-t">
                  <td className="px-3 py-2">{format.dateTime(amendment.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="px-3 py-2">{amendment.actor}</td>
                  <td className="px-3 py-2">
                    {t("quotas.history.orderLabel", {
                      reference: order.reference,
                      date: day(order.orderDate),
                      kind: order.isAmendment ? t("quotas.history.amendment") : t("quotas.history.original"),
                    })}
                  </td>
                  <td className="px-3 py-2">{regionName(amendment.regionId, locale)}</td>
                  <td className="px-3 py-2">{poolLabels[amendment.pool]}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {amendment.oldTotal} → {amendment.newTotal}
                  </td>
                </tr>
              ))}
              {amendments.length === 0 && (
                <tr className="border-t">
                  <td colSpan={6} className="px-3 py-4 text-slate-600">{t("quotas.history.empty", { year })}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
