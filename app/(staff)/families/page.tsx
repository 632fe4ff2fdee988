import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listFamilies } from "@/lib/db/families/list-families";
import { listDistricts, listRegions } from "@/lib/db/regions";
import { localName, toLocale } from "@/lib/i18n/config";
import { CASE_STATUSES } from "@/lib/domain/case-status";
import { countryName, ORIGIN_COUNTRIES } from "@/lib/domain/countries";
import { labourSurplusRegions, regionName } from "@/lib/domain/regions";
import { SEARCH_QUERY_MAX_LENGTH } from "@/lib/domain/search-query";
import { parseFamilyFilters, type FamilyFilters } from "@/lib/validation/family-filters";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("families");
  return { title: t("title") };
}

function hrefWith(filters: FamilyFilters, after?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, after })) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/families?${query}` : "/families";
}

export default async function FamiliesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("family.view");
  const { filters, searchError } = parseFamilyFilters(await searchParams);
  const { after: _after, ...filtersWithoutCursor } = filters;
  const [page, regions, districts] = await Promise.all([
    // A query that cannot be searched for finds nothing; the message at the search box says why.
    searchError ? Promise.resolve({ items: [], nextCursor: null }) : listFamilies(user, filters),
    user.regionId ? Promise.resolve([]) : listRegions(),
    listDistricts(user.regionId ?? filters.region ?? ""),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, index) => currentYear - index);
  const collator = new Intl.Collator(locale);
  const originCountries = ORIGIN_COUNTRIES.map((country) => ({ code: country.code, name: countryName(country.code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
  const originRegions = labourSurplusRegions()
    .map((region) => ({ id: region.id, name: regionName(region, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <section>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("families.title")}</h1>
        <Link href="/families/new" className="ml-auto rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("familyForm.register")}
        </Link>
      </div>
      <form method="get" action="/families" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm" aria-label={t("families.filters")}>
        <div className="flex w-full flex-wrap items-end gap-3">
          <label className="min-w-64 flex-1 text-sm">
            <span className="block font-medium">{t("search.label")}</span>
            <input
              type="search"
              name="q"
              defaultValue={searchError?.query ?? filters.q ?? ""}
              maxLength={SEARCH_QUERY_MAX_LENGTH}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? "family-search-error family-search-hint" : "family-search-hint"}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 aria-invalid:border-red-600"
            />
          </label>
          <Button type="submit">{t("search.submit")}</Button>
          {searchError && (
            <p id="family-search-error" role="alert" className="w-full text-sm text-red-700">
              {t(searchError.message)}
            </p>
          )}
          <p id="family-search-hint" className="w-full text-xs text-slate-500">
            {t("search.hint")}
          </p>
        </div>
        <label className="text-sm">
          <span className="block font-medium">{t("families.filter.status")}</span>
          <select name="status" defaultValue={filters.status ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("families.filter.any")}</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t("families.filter.category")}</span>
          <select name="category" defaultValue={filters.category ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("families.filter.any")}</option>
            <option value="KANDAS">{t("category.KANDAS")}</option>
            <option value="SETTLER">{t("category.SETTLER")}</option>
          </select>
        </label>
        {regions.length > 0 && (
          <label className="text-sm">
            <span className="block font-medium">{t("families.filter.region")}</span>
            <select name="region" defaultValue={filters.region ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
              <option value="">{t("families.filter.any")}</option>
              {regions.map((region) => (
                <option key={region.id} value={region.id}>
                  {localName(region, locale)}
                </option>
              ))}
            </select>
          </label>
        )}
        {districts.length > 0 && (
          <label className="text-sm">
            <span className="block font-medium">{t("families.filter.district")}</span>
            <select name="district" defaultValue={filters.district ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
              <option value="">{t("families.filter.any")}</option>
              {districts.map((district) => (
                <option key={district.id} value={district.id}>
                  {localName(district, locale)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm">
          <span className="block font-medium">{t("search.origin")}</span>
          <select name="origin" defaultValue={filters.origin ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("families.filter.any")}</option>
            <optgroup label={t("search.originCountries")}>
              {originCountries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("search.originRegions")}>
              {originRegions.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t("families.filter.year")}</span>
          <select name="year" defaultValue={filters.year ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("families.filter.any")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("families.filter.apply")}
        </Button>
        <Link href="/families" className="px-2 py-2 text-sm text-brand-700 hover:underline">
          {t("families.filter.reset")}
        </Link>
      </form>

      {filters.q && (
        <div className="mt-6 flex flex-wrap items-baseline gap-4">
          <h2 className="text-lg font-medium">{t("search.results", { query: filters.q })}</h2>
          <Link href={hrefWith({ ...filtersWithoutCursor, q: undefined })} className="text-sm text-brand-700 hover:underline">
            {t("search.clear")}
          </Link>
        </div>
      )}
      {page.items.length === 0 ? (
        <p className="mt-6 rounded-lg bg-white p-6 text-slate-600 shadow-sm">{filters.q || searchError ? t("search.empty") : t("families.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("families.caption")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t("families.col.caseNumber")}</th>
                <th scope="col" className="px-3 py-2">{t("families.col.head")}</th>
                <th scope="col" className="px-3 py-2">{t("families.col.category")}</th>
                <th scope="col" className="px-3 py-2">{t("families.col.status")}</th>
                <th scope="col" className="px-3 py-2">{t("families.col.target")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("families.col.members")}</th>
                <th scope="col" className="px-3 py-2">{t("families.col.applied")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((family) => (
                <tr key={family.id} className="border-t">
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/families/${family.id}`} className="text-brand-700 hover:underline">
                      {family.caseNumber}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {family.head ? (
                      <>
                        <span className="block">{`${family.head.surnameCyr} ${family.head.givenNameCyr}`}</span>
                        <span className="block text-xs text-slate-500">{`${family.head.surnameLat} ${family.head.givenNameLat}`}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2">{t(`category.${family.category}`)}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={family.status} label={t(`status.${family.status}`)} />
                  </td>
                  <td className="px-3 py-2">
                    {localName(family.targetRegion, locale)}
                    {family.targetDistrict && <span className="block text-xs text-slate-500">{localName(family.targetDistrict, locale)}</span>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{family.memberCount}</td>
                  <td className="px-3 py-2">{format.dateTime(family.applicationDate, { dateStyle: "medium", timeZone: "UTC" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("families.pagination")} className="mt-4 flex gap-4 text-sm">
        {filters.after && (
          <Link href={hrefWith(filtersWithoutCursor)} className="text-brand-700 hover:underline">
            {t("families.firstPage")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={hrefWith(filtersWithoutCursor, page.nextCursor)} className="text-brand-700 hover:underline">
            {t("families.nextPage")}
          </Link>
        )}
      </nav>
    </section>
  );
}
