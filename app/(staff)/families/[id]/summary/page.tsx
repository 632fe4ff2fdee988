import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCaseSummary } from "@/lib/db/families/get-case-summary";
import { employmentCentre } from "@/lib/domain/employment-centre";
import { PAPER_LOCALES, paperLocale } from "@/lib/domain/family-papers";
import { localName, toLocale } from "@/lib/i18n/config";
import { openingHoursText } from "@/lib/i18n/opening-hours";
import { paperTexts } from "@/lib/i18n/paper-texts";
import { idFromUrl, orNotFound } from "@/lib/page-data";
import { PaperToolbar } from "@/components/paper-toolbar";

const FACTS = "grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-4 gap-y-1 text-sm print:text-xs";
const SECTION = "mt-5 border-t border-slate-300 pt-3 print:mt-3";
const H2 = "text-base font-semibold print:text-sm";
const TABLE = "mt-2 w-full border-collapse text-left text-sm print:text-xs";
const CELL = "border border-slate-300 px-2 py-1 align-top";

export async function generateMetadata() {
  const t = await getTranslations("papers.summary");
  return { title: t("title") };
}

/**
 * The printable case summary, in Kazakh or Russian (`?lang=kk|ru`) whatever the interface language:
 * for the family's file or for the family itself. Reading it is a view of personal data, audited.
 */
export default async function CaseSummaryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ lang?: string | string[] }>;
}) {
  const user = await requirePermission("family.view");
  const summary = await orNotFound(getCaseSummary(user, idFromUrl((await params).id)));

  const t = await getTranslations();
  const uiLocale = toLocale(await getLocale());
  const locale = paperLocale((await searchParams).lang, uiLocale);
  const { tr, day, dayOf } = paperTexts(locale);
  const centre = employmentCentre(summary.region, locale);
  const place = [localName(summary.region, locale), summary.district && localName(summary.district, locale)]
    .filter(Boolean)
    .join(", ");

  const facts: [string, React.ReactNode][] = [
    [
      tr("receipt.doc.caseNumber"),
      <span key="caseNumber" className="font-mono font-semibold">
        {summary.caseNumber}
      </span>,
    ],
    [tr("family.category"), tr(`category.${summary.category}`)],
    [tr("papers.summary.status"), tr(`status.${summary.status}`)],
    [tr("family.target"), place],
    [tr("family.applicationDate"), day(summary.applicationDate)],
    [
      tr("family.decision"),
      summary.decisionNumber ? `${summary.decisionNumber} · ${day(summary.decisionDate)}` : tr("papers.summary.none"),
    ],
    [tr("family.statusValidUntil"), day(summary.statusValidUntil)],
    [tr("family.arrivalDate"), day(summary.arrivalDate)],
    [tr("family.phone"), summary.contactPhone ?? tr("papers.summary.none")],
    [tr("family.address"), summary.address ?? tr("papers.summary.none")],
    [tr("papers.summary.assignedTo"), summary.caseworkerName ?? tr("papers.summary.none")],
  ];
  const centreFacts: [string, string | null][] = [
    [tr("papers.centre.address"), centre.address],
    [tr("papers.centre.phone"), centre.phone],
    [tr("papers.centre.hours"), centre.hours && openingHoursText(tr, centre.hours, centre.lunchBreak)],
  ];

  return (
    <div className="space-y-4">
      <PaperToolbar
        backHref={`/families/${summary.familyId}`}
        backLabel={t("papers.print.back")}
        languageLabel={t("papers.print.language")}
        languages={PAPER_LOCALES.map((code) => ({
          code,
          label: t(`language.${code}`),
          href: `/families/${summary.familyId}/summary?lang=${code}`,
          isCurrent: code === locale,
        }))}
        printLabel={t("papers.print.print")}
      />
      <article
        lang={locale}
        aria-labelledby="summary-heading"
        className="print-document mx-auto max-w-[190mm] rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-sm print:rounded-none print:border-0 print:p-0 print:shadow-none"
      >
        <p className="text-center text-sm text-slate-700">{tr("receipt.doc.programme")}</p>
        <h1 id="summary-heading" className="mt-2 text-center text-lg font-semibold">
          {tr("papers.summary.heading")} {summary.caseNumber}
        </h1>

        <dl className={`mt-4 ${FACTS}`}>
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>

        <section aria-labelledby="summary-members" className={SECTION}>
          <h2 id="summary-members" className={H2}>
            {tr("papers.summary.members")}
          </h2>
          <table className={TABLE}>
            <thead>
              <tr>
                <th className={CELL}>{tr("member.name")}</th>
                <th className={CELL}>{tr("member.relationship")}</th>
                <th className={CELL}>{tr("member.birthDate")}</th>
                <th className={CELL}>{tr("member.iin")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.members.map((member, index) => (
                <tr key={index}>
                  <td className={CELL}>{member.name}</td>
                  <td className={CELL}>{tr(`relationship.${member.relationship}`)}</td>
                  <td className={CELL}>{day(member.birthDate)}</td>
                  <td className={`${CELL} font-mono`}>{member.iin ?? tr("member.noIin")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="summary-documents" className={SECTION}>
          <h2 id="summary-documents" className={H2}>
            {tr("papers.summary.documents")}
          </h2>
          {summary.documents.length === 0 ? (
            <p className="mt-1 text-sm">{tr("papers.receipt.noDocuments")}</p>
          ) : (
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={CELL}>{tr("casefile.documents.document")}</th>
                  <th className={CELL}>{tr("casefile.documents.status")}</th>
                </tr>
              </thead>
              <tbody>
                {summary.documents.map((document, index) => (
                  <tr key={index}>
                    <td className={CELL}>
                      {document.personName
                        ? tr("casefile.documents.itemForMember", {
                            document: tr(`casefile.documents.kind.${document.kind}`),
                            name: document.personName,
                          })
                        : tr(`casefile.documents.kind.${document.kind}`)}
                    </td>
                    <td className={CELL}>{tr(`casefile.documents.statusValue.${document.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="summary-history" className={SECTION}>
          <h2 id="summary-history" className={H2}>
            {tr("papers.summary.history")}
          </h2>
          <ol className="mt-1 space-y-0.5 text-sm print:text-xs">
            {summary.events.map((event, index) => (
              <li key={index}>
                {dayOf(event.at)} — {tr(`status.${event.toStatus}`)}
              </li>
            ))}
          </ol>
          {summary.allocations.length > 0 && (
            <p className="mt-2 text-sm print:text-xs">
              {tr("papers.summary.allocations")}:{" "}
              {summary.allocations
                .map((allocation) =>
                  tr("papers.summary.allocationLine", { year: String(allocation.year), persons: allocation.persons }),
                )
                .join("; ")}
            </p>
          )}
        </section>

        <section aria-labelledby="summary-centre" className={SECTION}>
          <h2 id="summary-centre" className={H2}>
            {tr("papers.centre.heading")}
          </h2>
          <dl className={`mt-2 ${FACTS}`}>
            {centreFacts
              .filter((entry): entry is [string, string] => entry[1] !== null)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        </section>

        <p className="mt-5 text-xs text-slate-600">
          {tr("papers.print.printedBy", { date: dayOf(new Date()), name: user.fullName })}
        </p>
      </article>
    </div>
  );
}
