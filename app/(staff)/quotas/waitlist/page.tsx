import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
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

const SELECT_CLASS = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";

/** `/quotas/waitlist?year=&region=&pool=`: one pool's waitlist (ADMIN any region, COORDINATOR the own one). */
export default async function WaitlistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
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
        <div>
          <label htmlFor="waitlist-year" className="block text-sm font-medium">{t("waitlist.year")}</label>
          <select id="waitlist-year" name="year" defaultValue={String(query.year)} className={SELECT_CLASS}>
            {years.map((year) => (
              <option key={year} value={year}>{year}</option>
            ))}
          </select>
        </div>
        {can(user, "family.allRegions") ? (
          <div>
            <label htmlFor="waitlist-region" className="block text-sm font-medium">{t("waitlist.region")}</label>
            <select id="waitlist-region" name="region" defaultValue={query.regionId} className={SELECT_CLASS}>
              {regions.map((option) => (
                <option key={option.id} value={option.id}>{regionName(option, locale)}</option>
              ))}
            </select>
          </div>
        ) : (
          <p className="pb-2 text-sm">
            <span className="font-medium">{t("waitlist.region")}:</span> {region}
          </p>
        )}
        <div>
          <label htmlFor="waitlist-pool" className="block text-sm font-medium">{t("waitlist.pool")}</label>
          <select id="waitlist-pool" name="pool" defaultValue={query.pool} className={SELECT_CLASS}>
            {QUOTA_POOLS.map((option) => (
              <option key={option} value={option}>{t(`category.${option}`)}</option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">{t("waitlist.show")}</Button>
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
          decisionDate: entry.decisionDate ? format.dateTime(entry.decisionDate, { dateStyle: "medium", timeZone: "UTC" }) : "—",
          persons: entry.places,
          fitsNow: entry.fitsNow,
          version: entry.version,
        }))}
      />
    </section>
  );
}
