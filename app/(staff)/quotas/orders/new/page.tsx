import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listQuotas } from "@/lib/db/quotas/list-quotas";
import { listQuotaHistory } from "@/lib/db/quotas/orders";
import { QUOTA_POOLS, quotaYearFor, type QuotaPool } from "@/lib/domain/quota";
import { regionName, resettlementTargetRegions } from "@/lib/domain/regions";
import { programmeToday } from "@/lib/domain/status-validity";
import { toLocale } from "@/lib/i18n/config";
import { quotaYearParam } from "@/lib/validation/quota-order";
import { QuotaOrderForm } from "./_components/quota-order-form";

export async function generateMetadata() {
  const t = await getTranslations("quotas.order");
  return { title: t("title") };
}

/**
 * The administrator enters a year's original quota order (`?year=`, next year by default); everyone
 * else gets 404. The previous year's quotas, when there are any, are offered as a starting point.
 */
export default async function NewQuotaOrderPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("quota.amend");
  const today = programmeToday();
  const year = quotaYearParam((await searchParams).year, quotaYearFor(today) + 1);
  const [quotas, previous] = await Promise.all([listQuotas(user, year), listQuotas(user, year - 1)]);
  const existing =
    quotas.length > 0 ? (await listQuotaHistory(user, year)).find((order) => !order.isAmendment) : undefined;
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const poolLabels = Object.fromEntries(QUOTA_POOLS.map((pool) => [pool, t(`category.${pool}`)])) as Record<
    QuotaPool,
    string
  >;

  return (
    <section>
      <Link href={`/quotas?year=${year}`} className="text-sm text-brand-700 hover:underline">
        {t("quotas.order.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("quotas.order.title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">{t("quotas.order.intro")}</p>
      {quotas.length > 0 && (
        <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("quotas.errors.orderExists", { year, reference: existing?.reference ?? "—" })}{" "}
          <Link href={`/quotas?year=${year}`} className="font-medium underline">
            {t("quotas.order.openQuotas", { year })}
          </Link>
        </p>
      )}
      <QuotaOrderForm
        defaultYear={year}
        today={today.toISOString().slice(0, 10)}
        regions={resettlementTargetRegions().map((region) => ({ id: region.id, name: regionName(region, locale) }))}
        poolLabels={poolLabels}
        previous={
          previous.length > 0
            ? { year: year - 1, places: previous.map(({ regionId, pool, total }) => ({ regionId, pool, total })) }
            : null
        }
      />
    </section>
  );
}
