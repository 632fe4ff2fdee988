import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listRegions } from "@/lib/db/regions";
import { listUsers } from "@/lib/db/users/list-users";
import { ROLES } from "@/lib/domain/permissions";
import { STAFF_STATES } from "@/lib/domain/staff-accounts";
import { localName, toLocale } from "@/lib/i18n/config";
import { parseStaffFilters, STAFF_SEARCH_MAX_LENGTH, type StaffFilters } from "@/lib/validation/staff-filters";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { STAFF_STATE_MESSAGE } from "./_lib/state-label";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

function hrefWith(filters: StaffFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page: page && page > 1 ? page : undefined })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requirePermission("users.manage");
  const { filters, searchError } = parseStaffFilters(await searchParams);
  const { page: _page, ...filtersWithoutPage } = filters;
  const [list, regions] = await Promise.all([
    // A search that cannot be stored finds nobody; the message at the search box says why.
    searchError ? Promise.resolve({ items: [], page: 1, hasNextPage: false }) : listUsers(admin, filters),
    listRegions(),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const any = t("users.any");

  return (
    <section>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("users.title")}</h1>
        <Link
          href="/admin/users/new"
          className="ml-auto rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("users.add")}
        </Link>
      </div>
      <form
        method="get"
        action="/admin/users"
        aria-label={t("users.filters")}
        className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm"
      >
        <label className="min-w-64 flex-1 text-sm">
          <span className="block font-medium">{t("users.search")}</span>
          <input
            type="search"
            name="q"
            defaultValue={searchError?.query ?? filters.q ?? ""}
            maxLength={STAFF_SEARCH_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={searchError ? true : undefined}
            aria-describedby={searchError ? "staff-search-error" : undefined}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 aria-invalid:border-red-600"
          />
        </label>
        <FilterSelect
          label={t("users.filterRole")}
          name="role"
          defaultValue={filters.role}
          anyLabel={any}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <FilterSelect
          label={t("users.filterRegion")}
          name="region"
          defaultValue={filters.region}
          anyLabel={any}
          options={regions.map((region) => ({ value: region.id, label: localName(region, locale) }))}
        />
        <FilterSelect
          label={t("users.filterState")}
          name="state"
          defaultValue={filters.state}
          anyLabel={any}
          options={STAFF_STATES.map((state) => ({ value: state, label: t(STAFF_STATE_MESSAGE[state]) }))}
        />
        <Button type="submit">{t("users.apply")}</Button>
        <Link href="/admin/users" className="px-2 py-2 text-sm text-brand-700 hover:underline">
          {t("users.reset")}
        </Link>
        {searchError && (
          <p id="staff-search-error" role="alert" className="w-full text-sm text-red-700">
            {t(searchError.message)}
          </p>
        )}
      </form>
      <DataTable
        className="mt-6"
        caption={t("users.caption")}
        rows={list.items}
        rowKey={(user) => user.id}
        empty={t("users.empty")}
        emptyAs="notice"
        columns={[
          {
            header: t("users.name"),
            isRowHeader: true,
            cell: (user) => (
              <>
                <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 hover:underline">
                  {user.fullName}
                </Link>
                {user.fullNameLatin && <span className="block text-xs text-slate-500">{user.fullNameLatin}</span>}
              </>
            ),
          },
          { header: t("users.email"), cell: (user) => user.email },
          { header: t("users.role"), cell: (user) => t(`role.${user.role}`) },
          {
            header: t("users.region"),
            cell: (user) => (user.region ? localName(user.region, locale) : t("region.national")),
          },
          { header: t("users.state"), cell: (user) => t(STAFF_STATE_MESSAGE[user.state]) },
          {
            header: t("users.lastLogin"),
            cell: (user) =>
              user.lastLoginAt ? format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
          },
          {
            header: t("users.secondFactor"),
            cell: (user) => (user.hasSecondFactor ? t("users.secondFactorOn") : t("users.secondFactorOff")),
          },
        ]}
      />
      <nav aria-label={t("users.pagination")} className="mt-4 flex gap-4 text-sm">
        {list.page > 1 && (
          <Link href={hrefWith(filtersWithoutPage, list.page - 1)} className="text-brand-700 hover:underline">
            {t("users.previousPage")}
          </Link>
        )}
        {list.hasNextPage && (
          <Link href={hrefWith(filtersWithoutPage, list.page + 1)} className="text-brand-700 hover:underline">
            {t("users.nextPage")}
          </Link>
        )}
      </nav>
    </section>
  );
}
