import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { reportFreshness } from "@/lib/db/reports/freshness";
import { quotaDrilldown } from "@/lib/db/reports/quota-drilldown";
import { isRegionId } from "@/lib/domain/regions";
import { localName, toLocale } from "@/lib/i18n/config";
import { parseReportYear } from "@/lib/validation/report-year";
import { CaseLink, HeadName } from "@/components/family-cells";
import { FiguresFreshness } from "@/components/reports/figures-freshness";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("reports.drilldown");
  return { title: t("title") };
}

/** One titled list of families: the table (its caption for assistive technology) or a sentence when empty. */
function FamilySection<Row extends { familyId: number }>({
  id,
  title,
  caption,
  empty,
  columns,
  rows,
}: {
  id: string;
  title: string;
  caption: string;
  empty: string;
  columns: DataColumn<Row>[];
  rows: Row[];
}) {
  return (
    <section aria-labelledby={id} className="mt-8 break-inside-avoid">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <DataTable
        className="mt-3"
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.familyId}
        rowClassName={() => "align-top"}
        empty={empty}
        emptyAs="notice"
      />
    </section>
  );
}

/**
 * The families behind one region's row of the quota report (`?year=`): those holding places and the
 * waiting list. Administrators and the region's coordinator only; anyone else gets the not-found page.
 */
export default async function QuotaDrilldownPage({
  params,
  searchParams,
}: {
  params: Promise<{ regionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Who may see it is decided in lib/db (administrators, the region's coordinator); the rest get 404.
  const user = await requireUser();
  const { regionId } = await params;
  if (!isRegionId(regionId)) notFound();
  const year = parseReportYear((await searchParams).year);
  const freshness = await reportFreshness();
  const view = await orNotFound(quotaDrilldown(user, { year, regionId }));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const day = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const moment = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "Asia/Almaty" });
  const col = (key: string) => t(`reports.drilldown.col.${key}`);
  // The columns both lists have.
  type Listed = (typeof view.allocated)[number] | (typeof view.waiting)[number];
  const caseColumn: DataColumn<Listed> = {
    header: col("caseNumber"),
    cell: (item) => <CaseLink familyId={item.familyId} caseNumber={item.caseNumber} />,
  };
  const headColumn: DataColumn<Listed> = { header: col("head"), cell: (item) => <HeadName head={item.head} /> };
  const poolColumn: DataColumn<Listed> = { header: col("pool"), cell: (item) => t(`category.${item.pool}`) };
  const personsColumn: DataColumn<Listed> = {
    header: col("persons"),
    isNumeric: true,
    cell: (item) => format.number(item.persons),
  };

  return (
    <section>
      <Link href={`/reports/quotas?year=${year}`} className="no-print text-sm text-brand-700 hover:underline">
        {t("reports.drilldown.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">
        {t("reports.drilldown.heading", { region: localName(view.region, locale), year })}
      </h1>
      <FiguresFreshness freshness={freshness} />

      <FamilySection
        id="allocated"
        title={t("reports.drilldown.allocatedTitle")}
        caption={t("reports.drilldown.allocatedCaption", { year })}
        empty={t("reports.drilldown.allocatedEmpty", { year })}
        rows={view.allocated}
        columns={[
          caseColumn,
          headColumn,
          poolColumn,
          personsColumn,
          {
            header: col("status"),
            cell: (item) => <StatusBadge status={item.status} label={t(`status.${item.status}`)} />,
          },
          { header: col("allocatedAt"), cell: (item) => moment(item.allocatedAt) },
          { header: col("arrivalDate"), cell: (item) => day(item.arrivalDate) },
        ]}
      />
      <FamilySection
        id="waiting"
        title={t("reports.drilldown.waitingTitle")}
        caption={t("reports.drilldown.waitingCaption", { year })}
        empty={t("reports.drilldown.waitingEmpty", { year })}
        rows={view.waiting.map((item, index) => ({ ...item, position: index + 1 }))}
        columns={[
          { header: col("position"), isNumeric: true, cell: (item) => format.number(item.position) },
          caseColumn,
          headColumn,
          poolColumn,
          personsColumn,
          { header: col("decisionDate"), cell: (item) => day(item.decisionDate) },
          { header: col("validUntil"), cell: (item) => (item.pool === "KANDAS" ? day(item.statusValidUntil) : "—") },
          { header: col("waitingSince"), cell: (item) => moment(item.waitingSince) },
        ]}
      />
    </section>
  );
}
