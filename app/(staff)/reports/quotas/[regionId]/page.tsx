import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { quotaDrilldown } from "@/lib/db/reports/quota-drilldown";
import { isRegionId } from "@/lib/domain/regions";
import { localName, toLocale } from "@/lib/i18n/config";
import { parseReportYear } from "@/lib/validation/report-year";
import { StatusBadge } from "@/components/ui/status-badge";

export async function generateMetadata() {
  const t = await getTranslations("reports.drilldown");
  return { title: t("title") };
}

type Head = { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;

function HeadName({ head }: { head: Head }) {
  if (!head) return null;
  return (
    <>
      <span className="block">{`${head.surnameCyr} ${head.givenNameCyr}`}</span>
      <span className="block text-xs text-slate-500">{`${head.surnameLat} ${head.givenNameLat}`}</span>
    </>
  );
}

function CaseLink({ familyId, caseNumber }: { familyId: number; caseNumber: string }) {
  return (
    <Link href={`/families/${familyId}`} className="font-mono text-brand-700 underline">
      {caseNumber}
    </Link>
  );
}

const TD = "px-3 py-2 align-top";

type Column = { label: string; isNumeric?: boolean };

/** One titled list of families: a table with a caption for assistive technology, or a sentence when empty. */
function FamilySection({
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
  columns: Column[];
  rows: { key: number; cells: React.ReactNode[] }[];
}) {
  return (
    <section aria-labelledby={id} className="mt-8 break-inside-avoid">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-3 rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm">{empty}</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={`px-3 py-2 ${column.isNumeric ? "text-right" : ""}`}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-t">
                  {row.cells.map((cell, index) => (
                    <td key={columns[index]?.label} className={columns[index]?.isNumeric ? `${TD} text-right tabular-nums` : TD}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
  const view = await orNotFound(quotaDrilldown(user, { year, regionId }));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const day = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const moment = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "Asia/Almaty" });
  const col = (key: string) => t(`reports.drilldown.col.${key}`);

  return (
    <section>
      <Link href={`/reports/quotas?year=${year}`} className="no-print text-sm text-brand-700 hover:underline">
        {t("reports.drilldown.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("reports.drilldown.heading", { region: localName(view.region, locale), year })}</h1>

      <FamilySection
        id="allocated"
        title={t("reports.drilldown.allocatedTitle")}
        caption={t("reports.drilldown.allocatedCaption", { year })}
        empty={t("reports.drilldown.allocatedEmpty", { year })}
        columns={[
          { label: col("caseNumber") },
          { label: col("head") },
          { label: col("pool") },
          { label: col("persons"), isNumeric: true },
          { label: col("status") },
          { label: col("allocatedAt") },
          { label: col("arrivalDate") },
        ]}
        rows={view.allocated.map((item) => ({
          key: item.familyId,
          cells: [
            <CaseLink key="case" familyId={item.familyId} caseNumber={item.caseNumber} />,
            <HeadName key="head" head={item.head} />,
            t(`category.${item.pool}`),
            format.number(item.persons),
            <StatusBadge key="status" status={item.status} label={t(`status.${item.status}`)} />,
            moment(item.allocatedAt),
            day(item.arrivalDate),
          ],
        }))}
      />
      <FamilySection
        id="waiting"
        title={t("reports.drilldown.waitingTitle")}
        caption={t("reports.drilldown.waitingCaption", { year })}
        empty={t("reports.drilldown.waitingEmpty", { year })}
        columns={[
          { label: col("position"), isNumeric: true },
          { label: col("caseNumber") },
          { label: col("head") },
          { label: col("pool") },
          { label: col("persons"), isNumeric: true },
          { label: col("decisionDate") },
          { label: col("validUntil") },
          { label: col("waitingSince") },
        ]}
        rows={view.waiting.map((item, index) => ({
          key: item.familyId,
          cells: [
            format.number(index + 1),
            <CaseLink key="case" familyId={item.familyId} caseNumber={item.caseNumber} />,
            <HeadName key="head" head={item.head} />,
            t(`category.${item.pool}`),
            format.number(item.persons),
            day(item.decisionDate),
            item.pool === "KANDAS" ? day(item.statusValidUntil) : "—",
            moment(item.waitingSince),
          ],
        }))}
      />
    </section>
  );
}
