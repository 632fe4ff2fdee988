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
import { ariaSortOf, familySortOf, sortOnClick, type FamilySortKey } from "@/lib/domain/family-sort";
import { parseFamilyFilters, type FamilyFilters } from "@/lib/validation/family-filters";
import { StatusBadge } from "@/components/ui/status-badge";
import { CaseLink, HeadName } from "@/components/family-cells";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnSort } from "@/components/ui/data-table";
import { FilterSelect, yearOptions } from "@/components/ui/filter-select";
import type { SelectOption } from "@/components/ui/select-field";

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

export default async function FamiliesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("family.view");
  const { filters, searchError } = parseFamilyFilters(await searchParams);
  const { after: _after, ...filtersWithoutCursor } = filters;
  const [page, regions, districts] = await Promise.all([
    // A query that cannot be searched for finds nothing; the message at the search box says why.
    searchError
      ? Promise.resolve({ items: [], nextCursor: null, total: { count: 0, isMore: false } })
      : listFamilies(user, filters),
    user.regionId ? Promise.resolve([]) : listRegions(),
    listDistricts(user.regionId ?? filters.region ?? ""),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, index) => currentYear - index);
  const collator = new Intl.Collator(locale);
  const byLabel = (a: SelectOption, b: SelectOption) => collator.compare(a.label, b.label);
  const originCountries = ORIGIN_COUNTRIES.map((country) => ({
    value: country.code,
    label: countryName(country.code, locale),
  })).sort(byLabel);
  const originRegions = labourSurplusRegions()
    .map((region) => ({ value: region.id, label: regionName(region, locale) }))
    .sort(byLabel);
  const noFilter = t("families.filter.any");
  const sort = familySortOf(filters);
  // A header's link starts the list again from its first page, in the order it names.
  const sortBy = (key: FamilySortKey): ColumnSort => {
    const next = sortOnClick(sort, key);
    return {
      href: hrefWith({ ...filtersWithoutCursor, sort: next.key, dir: next.direction }),
      state: ariaSortOf(sort, key),
      actionLabel: t(next.direction === "asc" ? "families.sort.ascending" : "families.sort.descending"),
    };
  };

  return (
    <section>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("families.title")}</h1>
        <Link
          href="/families/new"
          className="ml-auto rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("familyForm.register")}
        </Link>
      </div>
      <form
        method="get"
        action="/families"
        className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm"
        aria-label={t("families.filters")}
      >
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
        <FilterSelect
          label={t("families.filter.status")}
          name="status"
          defaultValue={filters.status}
          anyLabel={noFilter}
          options={CASE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <FilterSelect
          label={t("families.filter.category")}
          name="category"
          defaultValue={filters.category}
          anyLabel={noFilter}
          options={[
            { value: "KANDAS", label: t("category.KANDAS") },
            { value: "SETTLER", label: t("category.SETTLER") },
          ]}
        />
        {regions.length > 0 && (
          <FilterSelect
            label={t("families.filter.region")}
            name="region"
            defaultValue={filters.region}
            anyLabel={noFilter}
            options={regions.map((region) => ({ value: region.id, label: localName(region, locale) }))}
          />
        )}
        {districts.length > 0 && (
          <FilterSelect
            label={t("families.filter.district")}
            name="district"
            defaultValue={filters.district}
            anyLabel={noFilter}
            options={districts.map((district) => ({ value: String(district.id), label: localName(district, locale) }))}
          />
        )}
        <FilterSelect
          label={t("search.origin")}
          name="origin"
          defaultValue={filters.origin}
          anyLabel={noFilter}
          groups={[
            { label: t("search.originCountries"), options: originCountries },
            { label: t("search.originRegions"), options: originRegions },
          ]}
        />
        <FilterSelect
          label={t("families.filter.year")}
          name="year"
          defaultValue={filters.year}
          anyLabel={noFilter}
          options={yearOptions(years)}
        />
        {sort && (
          <>
            <input type="hidden" name="sort" value={sort.key} />
            <input type="hidden" name="dir" value={sort.direction} />
          </>
        )}
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
          <Link
            href={hrefWith({ ...filtersWithoutCursor, q: undefined })}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("search.clear")}
          </Link>
        </div>
      )}
      <p className="mt-4 text-sm font-medium text-slate-700">
        {page.total.isMore
          ? t("familySearch.countMoreThan", { count: page.total.count })
          : t("familySearch.count", { count: page.total.count })}
      </p>
      <DataTable
        className="mt-2"
        caption={sort ? t(`families.sort.caption.${sort.key}.${sort.direction}`) : t("families.caption")}
        rows={page.items}
        rowKey={(family) => family.id}
        empty={filters.q || searchError ? t("search.empty") : t("families.empty")}
        emptyAs="notice"
        columns={[
          {
            header: t("families.col.caseNumber"),
            sort: sortBy("caseNumber"),
            cell: (family) => <CaseLink familyId={family.id} caseNumber={family.caseNumber} />,
          },
          {
            header: t("families.col.head"),
            sort: sortBy("surname"),
            cell: (family) => (
              <>
                {family.head ? <HeadName head={family.head} /> : "—"}
                {family.matchedMember && (
                  <span className="mt-1 block text-xs text-slate-700">
                    {t("workQueues.search.matchedMember", {
                      name: `${family.matchedMember.surnameCyr} ${family.matchedMember.givenNameCyr}`,
                      latin: `${family.matchedMember.surnameLat} ${family.matchedMember.givenNameLat}`,
                    })}
                  </span>
                )}
              </>
            ),
          },
          { header: t("families.col.category"), cell: (family) => t(`category.${family.category}`) },
          {
            header: t("families.col.status"),
            cell: (family) => <StatusBadge status={family.status} label={t(`status.${family.status}`)} />,
          },
          {
            header: t("families.col.target"),
            cell: (family) => (
              <>
                {localName(family.targetRegion, locale)}
                {family.targetDistrict && (
                  <span className="block text-xs text-slate-500">{localName(family.targetDistrict, locale)}</span>
                )}
              </>
            ),
          },
          { header: t("families.col.members"), isNumeric: true, cell: (family) => family.memberCount },
          {
            header: t("families.col.applied"),
            sort: sortBy("applied"),
            cell: (family) => format.dateTime(family.applicationDate, { dateStyle: "medium", timeZone: "UTC" }),
          },
        ]}
      />
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
