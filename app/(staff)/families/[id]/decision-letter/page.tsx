import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getDecisionLetter } from "@/lib/db/families/get-decision-letter";
import { employmentCentre } from "@/lib/domain/employment-centre";
import { PAPER_LOCALES, paperLocale } from "@/lib/domain/family-papers";
import { localName, toLocale } from "@/lib/i18n/config";
import { openingHoursText } from "@/lib/i18n/opening-hours";
import { paperTexts } from "@/lib/i18n/paper-texts";
import { idFromUrl, orNotFound } from "@/lib/page-data";
import { PaperToolbar } from "@/components/paper-toolbar";

const FACTS = "grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-4 gap-y-1 text-sm print:text-xs";

export async function generateMetadata() {
  const t = await getTranslations("papers.letter");
  return { title: t("title") };
}

/**
 * The letter that tells a family the akimat's decision (approval or refusal), in Kazakh or Russian
 * (`?lang=kk|ru`) whatever the interface language. Only a case with a decision has one; reading it is
 * a view of personal data, audited.
 */
export default async function DecisionLetterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ lang?: string | string[] }>;
}) {
  const user = await requirePermission("family.view");
  const letter = await orNotFound(getDecisionLetter(user, idFromUrl((await params).id)));

  const t = await getTranslations();
  const locale = paperLocale((await searchParams).lang, toLocale(await getLocale()));
  const { tr, day, dayOf } = paperTexts(locale);
  const { decision } = letter;
  const region = localName(letter.region, locale);
  const category = tr(`category.${letter.category}`);
  const centre = employmentCentre(letter.region, locale);
  const isApproval = decision.kind === "approval";

  const facts: [string, string][] = [
    [tr("papers.letter.decision"), tr(isApproval ? "papers.letter.approval" : "papers.letter.refusal")],
    [tr("papers.letter.number"), decision.number ?? tr("papers.letter.noNumber")],
    [tr("papers.letter.date"), day(decision.date)],
    [
      tr("papers.letter.family"),
      `${letter.headName ?? ""} (${tr("papers.letter.persons", { count: letter.persons })})`,
    ],
    [tr("receipt.doc.caseNumber"), letter.caseNumber],
    [tr("family.category"), category],
    [tr("receipt.doc.region"), region],
  ];
  const centreLines = [
    centre.address,
    centre.phone && `${tr("papers.centre.phone")}: ${centre.phone}`,
    centre.hours && `${tr("papers.centre.hours")}: ${openingHoursText(tr, centre.hours, centre.lunchBreak)}`,
  ].filter((line): line is string => Boolean(line));

  return (
    <div className="space-y-4">
      <PaperToolbar
        backHref={`/families/${letter.familyId}`}
        backLabel={t("papers.print.back")}
        languageLabel={t("papers.print.language")}
        languages={PAPER_LOCALES.map((code) => ({
          code,
          label: t(`language.${code}`),
          href: `/families/${letter.familyId}/decision-letter?lang=${code}`,
          isCurrent: code === locale,
        }))}
        printLabel={t("papers.print.print")}
      />
      <article
        lang={locale}
        aria-labelledby="letter-heading"
        className="print-document mx-auto max-w-[180mm] rounded-lg border border-slate-300 bg-white p-8 text-slate-900 shadow-sm print:rounded-none print:border-0 print:p-0 print:shadow-none"
      >
        <p className="text-center text-sm text-slate-700">{tr("receipt.doc.programme")}</p>
        <p className="mt-4 text-right text-sm">
          {tr("papers.letter.to")}: {letter.headName}
          {letter.address && <span className="block">{letter.address}</span>}
        </p>
        <h1 id="letter-heading" className="mt-6 text-center text-lg font-semibold">
          {tr("papers.letter.heading")}
        </h1>

        <p data-testid="letter-text" className="mt-4 text-sm leading-relaxed">
          {tr(isApproval ? "papers.letter.approvalText" : "papers.letter.refusalText", {
            caseNumber: letter.caseNumber,
            region,
            category,
          })}
        </p>
        {decision.kind === "refusal" && decision.reason && (
          <p className="mt-2 text-sm">
            {tr("papers.letter.reason")}: {decision.reason}
          </p>
        )}

        <dl className={`mt-5 border-t border-slate-300 pt-3 ${FACTS}`}>
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>

        <div className="mt-5 border-t border-slate-300 pt-3 text-sm print:text-xs">
          <p>{tr("papers.letter.questions")}</p>
          {centreLines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>

        <div className="mt-8 grid grid-cols-2 gap-8 text-sm print:text-xs" data-testid="letter-signatures">
          {["papers.letter.head", "papers.letter.received"].map((label) => (
            <div key={label}>
              <p className="text-slate-600">{tr(label)}</p>
              <p className="mt-10 border-t border-slate-900 pt-1 text-xs text-slate-600">
                {tr("papers.receipt.signature")}
              </p>
            </div>
          ))}
        </div>

        <p className="mt-6 text-xs text-slate-600">
          {tr("papers.print.printedBy", { date: dayOf(new Date()), name: user.fullName })}
        </p>
      </article>
    </div>
  );
}
