import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect, yearOptions } from "@/components/ui/filter-select";
import { requirePermission } from "@/lib/auth/session";
import { listQuotas } from "@/lib/db/quotas/list-quotas";
import { listQuotaHistory } from "@/lib/db/quotas/orders";
import { QUOTA_POOLS, quotaYearFor, type QuotaPool } from "@/lib/domain/quota";
import { hiddenPlacesCells, sumPlaces, type PlacesColumnKey } from "@/lib/domain/quota-cells";
import { orderInForce } from "@/lib/domain/quota-order-in-force";
import { regionName, resettlementTargetRegions } from "@/lib/domain/regions";
import { programmeToday } from "@/lib/domain/status-validity";
import { localName, toLocale } from "@/lib/i18n/config";
import { quotaYearParam } from "@/lib/validation/quota-order";
import { AmendQuotaForm } from "./_components/amend-quota-form";

export async function generateMetadata() {
  const t = await getTranslations("quotas");
  return { title: t("title") };
}

export default async function QuotasPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("quota.view");
  const today = programmeToday();
  const currentYear = quotaYearFor(today);
  const year = quotaYearParam((await searchParams).year, currentYear);
  const [quotas, history] = await Promise.all([listQuotas(user, year), listQuotaHistory(user, year)]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const years = [...new Set([currentYear - 2, currentYear - 1, currentYear, currentYear + 1, year])].sort();
  const poolLabels = Object.fromEntries(QUOTA_POOLS.map((pool) => [pool, t(`category.${pool}`)])) as Record<
    QuotaPool,
    string
  >;
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  // The waitlist names families: only roles that see them (not the analyst) get its link.
  const showWaitlist = can(user, "waitlist.manage");
  const amendments = history.flatMap((order) => order.amendments.map((amendment) => ({ order, amendment })));
  const inForce = orderInForce(history);
  // Analysts see figures without personal data: persons allocated of 1–4 (and what gives them back) are hidden,
  // decided as on the quota report so that the two pages never hide different cells.
  const hidden = can(user, "report.personalData") ? null : hiddenPlacesCells(quotas);
  const rows = quotas.map((quota, index) => ({ ...quota, hidden: hidden?.rows[index] ?? new Set<PlacesColumnKey>() }));
  const totals = { ...sumPlaces(quotas), hidden: hidden?.total ?? new Set<PlacesColumnKey>() };
  const figure = (
    row: { hidden: ReadonlySet<PlacesColumnKey> } & Record<PlacesColumnKey, number>,
    key: PlacesColumnKey,
  ) => (row.hidden.has(key) ? t("reportCommon.suppressed") : format.number(row[key]));

  return (
    <section>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("quotas.title")}</h1>
        {can(user, "quota.amend") && (
          <Link
            href={`/quotas/orders/new?year=${quotas.length === 0 ? year : currentYear + 1}`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {t("quotas.order.link")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-slate-600">
        {can(user, "report.allRegions") ? t("quotas.introNational") : t("quotas.introRegion")}
      </p>

      <p className="mt-2 text-sm" data-testid="order-in-force">
        {!inForce
          ? t("quotaCells.noOrder", { year })
          : inForce.lastAmendment
            ? t("quotaCells.inForceAmended", {
                year,
                reference: inForce.original.reference,
                date: day(inForce.original.orderDate),
                amendment: inForce.lastAmendment.reference,
                amendmentDate: day(inForce.lastAmendment.orderDate),
                count: inForce.amendments,
              })
            : t("quotaCells.inForce", {
                year,
                reference: inForce.original.reference,
                date: day(inForce.original.orderDate),
              })}
      </p>
      {hidden && [...hidden.rows, hidden.total].some((cells) => cells.size > 0) && (
        <p className="mt-1 text-sm text-slate-600" data-testid="suppression-note">
          {t("reportCommon.suppressionNote")}
        </p>
      )}

      <form method="get" className="mt-4 flex items-end gap-2">
        <FilterSelect label={t("quotas.yearField")} name="year" defaultValue={year} options={yearOptions(years)} />
        <Button type="submit" variant="secondary">
          {t("quotas.show")}
        </Button>
      </form>

      <DataTable
        className="mt-4"
        caption={t("quotas.caption", { year })}
        rows={rows}
        rowKey={(quota) => quota.id}
        rowTestId={(quota) => `quota-${quota.regionId}-${quota.pool}`}
        empty={t("quotas.empty", { year })}
        footer={
          rows.length > 0
            ? [
                t("quotaCells.total"),
                t("quotaCells.allPools"),
                figure(totals, "total"),
                figure(totals, "allocated"),
                figure(totals, "remaining"),
                ...(showWaitlist ? [null] : []),
              ]
            : undefined
        }
        columns={[
          { header: t("quotas.col.region"), isRowHeader: true, cell: (quota) => localName(quota.region, locale) },
          { header: t("quotas.col.pool"), cell: (quota) => poolLabels[quota.pool] },
          { header: t("quotas.col.total"), isNumeric: true, cell: (quota) => figure(quota, "total") },
          { header: t("quotas.col.allocated"), isNumeric: true, cell: (quota) => figure(quota, "allocated") },
          { header: t("quotas.col.remaining"), isNumeric: true, cell: (quota) => figure(quota, "remaining") },
          showWaitlist && {
            header: t("waitlist.quotaColumn"),
            cell: (quota) => (
              <Link
                href={`/quotas/waitlist?year=${year}&region=${quota.regionId}&pool=${quota.pool}`}
                aria-label={t("waitlist.quotaLinkLabel", {
                  region: localName(quota.region, locale),
                  pool: poolLabels[quota.pool],
                })}
                className="text-brand-700 hover:underline"
              >
                {t("waitlist.quotaLink")}
              </Link>
            ),
          },
        ]}
      />

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
        <DataTable
          className="mt-2"
          caption={t("quotas.history.caption", { year })}
          rows={amendments}
          rowKey={({ amendment }) => amendment.id}
          empty={t("quotas.history.empty", { year })}
          columns={[
            {
              header: t("quotas.history.col.when"),
              cell: ({ amendment }) => format.dateTime(amendment.at, { dateStyle: "medium", timeStyle: "short" }),
            },
            { header: t("quotas.history.col.who"), cell: ({ amendment }) => amendment.actor },
            {
              header: t("quotas.history.col.order"),
              cell: ({ order }) =>
                t("quotas.history.orderLabel", {
                  reference: order.reference,
                  date: day(order.orderDate),
                  kind: order.isAmendment ? t("quotas.history.amendment") : t("quotas.history.original"),
                }),
            },
            { header: t("quotas.history.col.region"), cell: ({ amendment }) => regionName(amendment.regionId, locale) },
            { header: t("quotas.history.col.pool"), cell: ({ amendment }) => poolLabels[amendment.pool] },
            {
              header: t("quotas.history.col.change"),
              className: "tabular-nums",
              cell: ({ amendment }) => `${amendment.oldTotal} → ${amendment.newTotal}`,
            },
          ]}
        />
      </section>
    </section>
  );
}
