import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { reportFreshness } from "@/lib/db/reports/freshness";
import { listOverdueCases, processingTimes, type OverdueCases } from "@/lib/db/reports/processing-times";
import { can } from "@/lib/domain/permissions";
import { OVERDUE_TABLE_ID } from "@/lib/domain/processing-times";
import { regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";
import { parseReportFilters, type ReportFilters } from "@/lib/validation/report-filters";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportSection, TableExportLinks } from "@/components/reports/report-table";
import { CaseLink, HeadName } from "@/components/family-cells";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("reportProcessing");
  return { title: t("title") };
}

/** The cases awaiting a decision beyond the limit, each linked to its case file (personal data). */
async function OverdueSection({ overdue, filters }: { overdue: OverdueCases; filters: ReportFilters }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const title = t("reportProcessing.overdue.title", { year: filters.year });
  const col = (key: string) => t(`reportProcessing.overdue.col.${key}`);
  return (
    <section aria-labelledby="report-overdue" className="mt-8 break-inside-avoid">
      <h2 id="report-overdue" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("reportProcessing.overdue.note", {
          days: overdue.limitDays,
          today: day(overdue.today),
          cutoff: day(overdue.cutoff),
        })}
      </p>
      <DataTable
        className="mt-3"
        caption={title}
        isCaptionVisible
        testId="overdue-table"
        isKeyboardScrollable
        rows={overdue.cases}
        rowKey={(item) => item.familyId}
        empty={t("reportProcessing.overdue.empty")}
        columns={[
          {
            header: col("caseNumber"),
            isRowHeader: true,
            cell: (item) => <CaseLink familyId={item.familyId} caseNumber={item.caseNumber} />,
          },
          { header: col("head"), cell: (item) => <HeadName head={item.head} /> },
          { header: t("reportProcessing.col.region"), cell: (item) => regionName(item.regionId, locale) },
          {
            header: col("status"),
            cell: (item) => <StatusBadge status={item.status} label={t(`status.${item.status}`)} />,
          },
          { header: col("applicationDate"), cell: (item) => day(item.applicationDate) },
          { header: col("daysWaiting"), isNumeric: true, cell: (item) => format.number(item.daysWaiting) },
          {
            header: col("workingDaysWaiting"),
            isNumeric: true,
            cell: (item) => format.number(item.workingDaysWaiting),
          },
        ]}
      />
      {overdue.isTruncated && (
        <p className="mt-2 text-sm text-slate-600">
          {t("reportProcessing.overdue.truncated", { count: overdue.cases.length })}
        </p>
      )}
      <TableExportLinks report="processing" table={OVERDUE_TABLE_ID} filters={filters} title={title} />
    </section>
  );
}

/**
 * Processing times (issue 6): median and 90th percentile days per step and region, the cases awaiting a
 * decision and those overdue under the review time limit in force today (administrators follow a link to
 * the settings to change it); the overdue cases themselves for administrators and coordinators.
 */
export default async function ProcessingReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("report.view");
  const freshness = await reportFreshness();
  const report = await orNotFound(processingTimes(user, parseReportFilters(await searchParams)));
  const { filters, isNational, isSuppressed, limitDays, today } = report;
  const overdue = can(user, "report.personalData") ? await listOverdueCases(user, filters, { today }) : null;
  const t = await getTranslations();
  const format = await getFormatter();

  return (
    <section>
      <ReportHeader
        report="processing"
        heading={t("reportProcessing.heading", { year: filters.year })}
        filters={filters}
        isNational={isNational}
        freshness={freshness}
        isSuppressed={isSuppressed}
      >
        <p className="mt-3 text-sm text-slate-600">{t("reportProcessing.note")}</p>
        <p
          className="mt-2 rounded-md border-l-4 border-brand-700 bg-white px-3 py-2 text-sm shadow-sm"
          data-testid="review-limit"
        >
          {t("reportProcessing.limitSet", {
            days: limitDays,
            today: format.dateTime(today, { dateStyle: "medium", timeZone: "UTC" }),
          })}{" "}
          {t("reportProcessing.limitSource")}{" "}
          {can(user, "settings.update") && (
            <Link href="/admin/settings#review-time-limit" className="text-brand-700 underline">
              {t("reportProcessing.limitChange")}
            </Link>
          )}
        </p>
      </ReportHeader>
      <ReportSection
        table={report.table}
        report="processing"
        filters={filters}
        chart={{
          type: "bar",
          label: "regionId",
          values: ["decisionMedian", "allocationMedian", "arrivalMedian"],
          isHorizontal: true,
        }}
        note={t("reportProcessing.tableNote")}
      />
      {overdue && <OverdueSection overdue={overdue} filters={filters} />}
    </section>
  );
}
