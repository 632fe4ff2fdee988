import Link from "next/link";
import { headers } from "next/headers";
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { idFromUrl, orNotFound } from "@/lib/page-data";
import { getReceipt } from "@/lib/db/families/get-receipt";
import { employmentCentre, hasEmploymentCentre } from "@/lib/domain/employment-centre";
import { caseLookupUrl, publicLookupUrl } from "@/lib/domain/public-address";
import { openingHoursText } from "@/lib/i18n/opening-hours";
import { env } from "@/lib/env";
import { intlTag, localName, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { qrCode } from "@/lib/qr-code";
import { PrintButton } from "@/components/print-button";

/**
 * The receipt goes to the family, whose language the caseworker's interface language says nothing
 * about: it is printed in both languages of state documents, Kazakh and Russian, always.
 */
const RECEIPT_LOCALES = ["kk", "ru"] as const satisfies readonly Locale[];
/** The national single contact centre (free short number). */
const HOTLINE = "1414";

// Printed, the receipt stays on one A4 sheet with the browser's default margins, documents and signatures included.
const FACTS = "grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-x-4 gap-y-2 text-sm print:gap-y-1 print:text-xs";
const BLOCK = "mt-5 print:mt-3";
const RULED = "border-t border-slate-300 pt-4 print:pt-3";

type Translate = (key: string, values?: Record<string, string>) => string;
type Text = (tr: Translate, locale: Locale) => string;

export async function generateMetadata() {
  const t = await getTranslations("receipt");
  return { title: t("title") };
}

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("family.view");
  const receipt = await orNotFound(getReceipt(user, idFromUrl((await params).id)));

  const request = await headers();
  const address = publicLookupUrl({
    baseUrl: env().PUBLIC_BASE_URL,
    host: request.get("host"),
    forwardedProto: request.get("x-forwarded-proto"),
  });
  // The printed address is the one a family types; the code also fills in the case number.
  const qrAddress = address ? caseLookupUrl(address, receipt.caseNumber) : null;
  const qr = qrAddress ? await qrCode(qrAddress) : null;
  const t = await getTranslations("receipt");
  const translators = RECEIPT_LOCALES.map((locale) => {
    // next-intl's key typing cannot walk the recursive catalogue type: keys are plain strings here.
    const translator = createTranslator({ locale, messages: loadMessages(locale) as Record<string, string> });
    const tr: Translate = (key, values) => translator(key, values);
    return { locale, tr };
  });
  // Each language's text marked with its language, for screen readers and hyphenation: side by side, or one per line.
  const inline = (text: Text) =>
    translators.map(({ locale, tr }, index) => (
      <span key={locale} lang={locale}>
        {index > 0 && " / "}
        {text(tr, locale)}
      </span>
    ));
  const lines = (text: Text) =>
    translators.map(({ locale, tr }) => (
      <span key={locale} lang={locale} className="block">
        {text(tr, locale)}
      </span>
    ));
  const doc = (key: string) => inline((tr) => tr(`receipt.doc.${key}`));
  // A calendar day (stored as UTC midnight) reads 15.01.2026 in Kazakh and in Russian alike.
  const registered = new Intl.DateTimeFormat(intlTag("ru"), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "UTC",
  }).format(receipt.applicationDate);
  const { region } = receipt;
  const centres = [...new Set([region.centreKk, region.centreRu])].join(" / ");
  const offices = translators.map(({ locale, tr }) => ({ locale, tr, office: employmentCentre(region, locale) }));
  const [office] = offices.map((entry) => entry.office);
  const hasOffice = office !== undefined && hasEmploymentCentre(office);

  const facts: [React.ReactNode, React.ReactNode][] = [
    [doc("registered"), registered],
    [doc("category"), inline((tr) => tr(`category.${receipt.category}`))],
    [doc("region"), inline((_, locale) => localName(region, locale))],
    [
      doc("head"),
      receipt.headName && (
        <>
          <span className="block font-semibold">{receipt.headName.cyr}</span>
          {receipt.headName.lat && <span className="block text-xs text-slate-600">{receipt.headName.lat}</span>}
        </>
      ),
    ],
  ];

  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href={`/families/${receipt.familyId}`} className="text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <p className="text-sm text-slate-600">{t("languages")}</p>
        <PrintButton label={t("print")} className="ml-auto" />
      </div>

      {!address && (
        <p role="alert" className="no-print rounded-md border-l-4 border-red-600 bg-white px-3 py-2 text-sm shadow-sm">
          {t("addressMissing")}
        </p>
      )}

      <article
        aria-labelledby="receipt-heading"
        className="print-document mx-auto max-w-[150mm] break-inside-avoid rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-sm print:rounded-none print:border-0 print:p-0 print:shadow-none"
      >
        <p className="text-center text-sm text-slate-700">{lines((tr) => tr("receipt.doc.programme"))}</p>
        <h1 id="receipt-heading" className="mt-2 text-center text-lg font-semibold print:mt-1 print:text-base">
          {lines((tr) => tr("receipt.doc.heading"))}
        </h1>

        <div className={`${BLOCK} rounded-md border-2 border-slate-900 px-4 py-3 text-center print:py-2`}>
          <p className="text-xs uppercase tracking-wide text-slate-600">{doc("caseNumber")}</p>
          <p data-testid="receipt-case-number" className="mt-1 font-mono text-4xl font-bold tracking-wider">
            {receipt.caseNumber}
          </p>
        </div>

        <dl className={`${BLOCK} ${FACTS}`}>
          {facts.map(([label, value], index) => (
            <div key={index} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>

        {address && qrAddress && qr && (
          <div className={`${BLOCK} ${RULED} flex items-start gap-4`}>
            <svg
              role="img"
              aria-labelledby="receipt-qr-title"
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              shapeRendering="crispEdges"
              className="h-36 w-36 shrink-0 print:h-32 print:w-32"
              data-testid="receipt-qr"
            >
              <title id="receipt-qr-title">{t("qrLabel", { address: qrAddress ?? address })}</title>
              <path fill="#ffffff" d={`M0 0h${qr.size}v${qr.size}H0z`} />
              <path stroke="#000000" d={qr.darkPath} />
            </svg>
            <div className="space-y-2 text-sm print:text-xs">
              <p data-testid="receipt-address" className="font-mono text-base font-semibold break-all">
                {address}
              </p>
              {translators.map(({ locale, tr }) => (
                <p key={locale} lang={locale}>
                  {tr("receipt.doc.lookup", { address })} {tr("receipt.doc.scan")}
                </p>
              ))}
            </div>
          </div>
        )}

        <section aria-labelledby="receipt-documents" className={`${BLOCK} ${RULED}`}>
          <h2 id="receipt-documents" className="text-sm font-semibold">
            {inline((tr) => tr("papers.receipt.documents"))}
          </h2>
          {receipt.documents.length === 0 ? (
            <p className="mt-1 text-sm">{inline((tr) => tr("papers.receipt.noDocuments"))}</p>
          ) : (
            <ol data-testid="receipt-documents" className="mt-1 list-decimal space-y-0.5 pl-5 text-sm print:text-xs">
              {receipt.documents.map((document, index) => (
                <li key={index}>
                  {inline((tr) => tr(`casefile.documents.kind.${document.kind}`))}
                  {document.personName && <> — {document.personName}</>}
                </li>
              ))}
            </ol>
          )}
        </section>

        <dl className={`${BLOCK} ${RULED} ${FACTS}`}>
          <dt className="text-slate-600">{doc("centre")}</dt>
          <dd>{centres}</dd>
          {hasOffice && office.address && (
            <>
              <dt className="text-slate-600">{inline((tr) => tr("papers.centre.address"))}</dt>
              <dd>
                {offices.map(({ locale, office: { address: text } }) => (
                  <span key={locale} lang={locale} className="block">
                    {text}
                  </span>
                ))}
              </dd>
            </>
          )}
          {hasOffice && office.phone && (
            <>
              <dt className="text-slate-600">{inline((tr) => tr("papers.centre.phone"))}</dt>
              <dd className="font-mono">{office.phone}</dd>
            </>
          )}
          {hasOffice && office.hours && (
            <>
              <dt className="text-slate-600">{inline((tr) => tr("papers.centre.hours"))}</dt>
              <dd>{lines((tr) => openingHoursText(tr, office.hours ?? "", office.lunchBreak))}</dd>
            </>
          )}
          <dt className="text-slate-600">{doc("hotline")}</dt>
          <dd className="font-mono text-base font-semibold">{HOTLINE}</dd>
        </dl>

        <div className={`${BLOCK} grid grid-cols-2 gap-6 text-sm print:text-xs`} data-testid="receipt-signatures">
          {[
            { label: "papers.receipt.caseworker", name: receipt.caseworkerName },
            { label: "papers.receipt.applicant", name: receipt.headName?.cyr ?? "" },
          ].map(({ label, name }) => (
            <div key={label}>
              <p className="text-slate-600">{inline((tr) => tr(label))}</p>
              <p className="mt-1">{name}</p>
              <p className="mt-8 border-t border-slate-900 pt-1 text-xs text-slate-600 print:mt-6">
                {inline((tr) => tr("papers.receipt.signature"))}
              </p>
            </div>
          ))}
        </div>

        <p className={`${BLOCK} text-xs text-slate-600`}>{doc("keep")}</p>
      </article>
    </div>
  );
}
