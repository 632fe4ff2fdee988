import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FilterSelect, yearOptions } from "@/components/ui/filter-select";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { listWaitlist } from "@/lib/db/quotas/waitlist";
import { QUOTA_POOLS, quotaYearFor } from "@/lib/domain/quota";
import { regionName, resettlementTargetRegions } from "@/lib/domain/regions";
import { programmeToday } from "@/lib/domain/status-validity";
import { toLocale } from "@/lib/i18n/config";
import { parseWaitlistQuery } from "@/lib/validation/waitlist";
import { WaitlistTable } from "./_components/waitlist-table";

export async function generateMetadata() {
  const t = await getTranslations("waitlist");
  return { title: t("title") };
}

/** `/quotas/waitlist?year=&region=&pool=`: one pool's waitlist (ADMIN any region, COORDINATOR the own one). */
export default async function WaitlistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("waitlist.manage");
  const currentYear = quotaYearFor(programmeToday());
  const regions = resettlementTargetRegions();
  const query = parseWaitlistQuery(await searchParams, {
    year: currentYear,
    regionId: regions[0]?.id ?? "",
    fixedRegionId: can(user, "family.allRegions") ? null : user.regionId,
  });
  const waitlist = await orNotFound(listWaitlist(user, query));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const years = [...new Set([currentYear - 1, currentYear, currentYear + 1, query.year])].sort();
  const region = regionName(query.regionId, locale);
  const pool = t(`category.${query.pool}`);
  const number = (value: number) => format.number(value);

  return (
    <section>
      <p>
        <Link href={`/quotas?year=${query.year}`} className="text-sm text-brand-700 hover:underline">
          {t("waitlist.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("waitlist.title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">{t("waitlist.intro")}</p>

      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <FilterSelect label={t("waitlist.year")} name="year" defaultValue={query.year} options={yearOptions(years)} />
        {can(user, "family.allRegions") ? (
          <FilterSelect
            label={t("waitlist.region")}
            name="region"
            defaultValue={query.regionId}
            options={regions.map((option) => ({ value: option.id, label: regionName(option, locale) }))}
          />
        ) : (
          <p className="pb-2 text-sm">
            <span className="font-medium">{t("waitlist.region")}:</span> {region}
          </p>
        )}
        <FilterSelect
          label={t("waitlist.pool")}
          name="pool"
          defaultValue={query.pool}
          options={QUOTA_POOLS.map((option) => ({ value: option, label: t(`category.${option}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t("waitlist.show")}
        </Button>
      </form>

      <p className="mt-4 font-medium tabular-nums" data-testid="waitlist-figures">
        {waitlist.quota.exists
          ? t("waitlist.figures", {
              total: number(waitlist.quota.total),
              allocated: number(waitlist.quota.allocated),
              remaining: number(waitlist.quota.remaining),
            })
          : t("waitlist.noQuota", { year: query.year })}
      </p>
      {!waitlist.isCurrentYear && <p className="mt-1 text-sm text-slate-600">{t("waitlist.readOnlyYear")}</p>}

      <WaitlistTable
        key={`${query.year}-${query.regionId}-${query.pool}`}
        year={query.year}
        caption={t("waitlist.caption", { pool, region, year: query.year })}
        canAllocate={waitlist.isCurrentYear}
        rows={waitlist.entries.map((entry) => ({
          familyId: entry.familyId,
          position: entry.position,
          caseNumber: entry.caseNumber,
          headName: entry.headName,
          decisionDate: entry.decisionDate
            ? format.dateTime(entry.decisionDate, { dateStyle: "medium", timeZone: "UTC" })
            : "—",
          persons: entry.places,
          fitsNow: entry.fitsNow,
          version: entry.version,
        }))}
      />
    </section>
  );
}
