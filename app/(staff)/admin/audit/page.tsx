import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listAuditEntries, type AuditPage } from "@/lib/db/audit/list-audit";
import { actionFilterOptions, AUDIT_ACTIONS } from "@/lib/domain/audit-actions";
import {
  actionText,
  actorlessText,
  changeText,
  fieldChanges,
  outcomeText,
  regionText,
  subjectText,
} from "@/lib/domain/audit-entry-text";
import {
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_PERSON_MAX_LENGTH,
  AUDIT_PREFIX_MAX_LENGTH,
  auditQueryParams,
  hasAuditFilters,
  parseAuditQuery,
  type AuditFilters,
} from "@/lib/domain/audit-query";
import { can } from "@/lib/domain/permissions";
import { localName, toLocale } from "@/lib/i18n/config";
import { withUnstorableMarked } from "@/lib/validation/storable-text";
import { CaseLink } from "@/components/family-cells";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { FilterText } from "./_components/filter-text";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

function auditHref(filters: AuditFilters, before: string | null = null): string {
  const query = auditQueryParams(filters, before).toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("audit.view");
  const { filters, before, errors, input } = parseAuditQuery(await searchParams);
  const hasErrors = Object.keys(errors).length > 0;
  // A field that could not be read lists nothing rather than more than was asked for; its message says why.
  const page: AuditPage = hasErrors
    ? { entries: [], nextCursor: null }
    : await listAuditEntries(user, { filters, before });
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const errorText = (field: keyof typeof errors) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const typed = (field: keyof typeof input) => withUnstorableMarked(input[field]);
  const any = t("audit.filter.any");
  const exportQuery = auditQueryParams(filters).toString();

  return (
    <section>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{t("audit.title")}</h1>
        <p className="text-sm text-slate-600">
          {can(user, "audit.allRegions") || !user.region
            ? t("audit.introAll")
            : t("audit.introRegion", { region: localName(user.region, locale) })}
        </p>
      </div>

      <form
        method="get"
        action="/admin/audit"
        aria-label={t("audit.filters")}
        className="mt-4 flex flex-wrap items-start gap-3 rounded-lg bg-white p-4 shadow-sm"
      >
        <FilterText
          name="person"
          label={t("audit.filter.person")}
          hint={t("audit.filter.personHint")}
          defaultValue={typed("person")}
          error={errorText("person")}
          maxLength={AUDIT_PERSON_MAX_LENGTH}
        />
        <FilterText
          name="case"
          label={t("audit.filter.case")}
          defaultValue={typed("case")}
          error={errorText("case")}
          maxLength={32}
        />
        <FilterSelect
          label={t("audit.filter.action")}
          name="action"
          defaultValue={filters.action}
          anyLabel={any}
          groups={actionFilterOptions()
            .filter((group) => group.actions.length > 0)
            .map((group) => ({
              label: t(`audit.area.${group.area}`),
              options: group.actions.map((action) => ({
                value: action,
                label: t(`audit.action.${AUDIT_ACTIONS[action].label}`),
              })),
            }))}
        />
        <FilterText
          name="prefix"
          label={t("audit.filter.prefix")}
          hint={t("audit.filter.prefixHint")}
          defaultValue={typed("prefix")}
          error={errorText("prefix")}
          maxLength={AUDIT_PREFIX_MAX_LENGTH}
        />
        <FilterSelect
          label={t("audit.filter.outcome")}
          name="outcome"
          defaultValue={filters.outcome}
          anyLabel={any}
          options={[
            { value: "succeeded", label: t("audit.outcome.succeeded") },
            { value: "refused", label: t("audit.outcome.refused") },
          ]}
        />
        <FilterText
          name="from"
          type="date"
          label={t("audit.filter.from")}
          defaultValue={typed("from")}
          error={errorText("from")}
        />
        <FilterText
          name="to"
          type="date"
          label={t("audit.filter.to")}
          defaultValue={typed("to")}
          error={errorText("to")}
        />
        <div className="flex items-end gap-2 self-end">
          <Button type="submit">{t("audit.filter.apply")}</Button>
          <Link href="/admin/audit" className="px-2 py-2 text-sm text-brand-700 hover:underline">
            {t("audit.filter.reset")}
          </Link>
        </div>
      </form>

      {!hasErrors && (
        <p className="mt-4 flex flex-wrap items-baseline gap-3 text-sm">
          <a
            href={`/admin/audit/export${exportQuery ? `?${exportQuery}` : ""}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
          >
            {t("audit.export")}
          </a>
          <span className="text-slate-500">{t("audit.exportHint", { max: format.number(AUDIT_EXPORT_MAX_ROWS) })}</span>
        </p>
      )}

      <DataTable
        className="mt-4"
        caption={t("audit.caption")}
        rows={page.entries}
        rowKey={(entry) => entry.id}
        rowTestId={(entry) => `audit-entry-${entry.id}`}
        empty={
          hasErrors ? t("audit.emptyInvalid") : hasAuditFilters(filters) ? t("audit.emptyFiltered") : t("audit.empty")
        }
        emptyAs="notice"
        columns={[
          {
            header: t("audit.col.when"),
            className: "whitespace-nowrap",
            cell: (entry) => (
              <time dateTime={entry.at.toISOString()}>
                {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium" })}
              </time>
            ),
          },
          {
            header: t("audit.col.who"),
            cell: (entry) =>
              entry.actor ? (
                <>
                  <Link
                    href={auditHref({ ...filters, person: { kind: "id", id: entry.actor.id } })}
                    className="text-brand-700 hover:underline"
                  >
                    {entry.actor.fullName}
                  </Link>
                  {entry.actor.role && (
                    <span className="block text-xs text-slate-500">{t(`role.${entry.actor.role}`)}</span>
                  )}
                </>
              ) : (
                <span className="text-slate-500">{actorlessText(entry.action, t)}</span>
              ),
          },
          {
            header: t("audit.col.action"),
            cell: (entry) => {
              const { label, code } = actionText(entry.action, t);
              return (
                <>
                  {label}
                  {code && <span className="block font-mono text-xs text-slate-500">{code}</span>}
                </>
              );
            },
          },
          {
            header: t("audit.col.subject"),
            cell: (entry) =>
              entry.subject?.kind === "family" && entry.subject.caseNumber ? (
                <span className="whitespace-nowrap">
                  <CaseLink familyId={entry.subject.familyId} caseNumber={entry.subject.caseNumber} />
                </span>
              ) : (
                subjectText(entry.subject, t, locale)
              ),
          },
          { header: t("audit.col.region"), cell: (entry) => regionText(entry.regionId, locale) },
          {
            header: t("audit.col.outcome"),
            cell: (entry) => (
              <span
                className={
                  entry.outcome === "refused"
                    ? "rounded bg-red-50 px-1.5 py-0.5 text-red-800"
                    : "rounded bg-green-50 px-1.5 py-0.5 text-green-800"
                }
              >
                {outcomeText(entry.outcome, t)}
              </span>
            ),
          },
          {
            header: t("audit.col.changes"),
            cell: (entry) => {
              const changes = fieldChanges(entry.details);
              return changes.length === 0 ? (
                "—"
              ) : (
                <ul className="space-y-0.5 text-xs">
                  {changes.map((change) => (
                    <li key={change.field}>{changeText(change, t, locale)}</li>
                  ))}
                </ul>
              );
            },
          },
          { header: t("audit.col.address"), className: "font-mono text-xs", cell: (entry) => entry.ip ?? "—" },
          {
            header: t("audit.col.request"),
            className: "font-mono text-xs break-all",
            cell: (entry) => entry.requestId ?? "—",
          },
        ]}
      />
      <nav aria-label={t("audit.pagination")} className="mt-4 flex gap-4 text-sm">
        {before && (
          <Link href={auditHref(filters)} className="text-brand-700 hover:underline">
            {t("audit.newest")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={auditHref(filters, page.nextCursor)} className="text-brand-700 hover:underline">
            {t("audit.older")}
          </Link>
        )}
      </nav>
    </section>
  );
}
