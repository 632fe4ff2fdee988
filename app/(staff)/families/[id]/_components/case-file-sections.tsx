import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { kazakhstanToday } from "@/lib/domain/benefits";
import { can } from "@/lib/domain/permissions";
import { AdaptationPlanForm } from "./adaptation-plan-form";
import { DocumentRow } from "./document-row";
import { NoteForm } from "./note-form";
import { PaymentForm } from "./payment-form";

const isoDay = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");

/** Documents, adaptation plan, support and notes of a case (one lib/db call, audited as a view). */
export async function CaseFileSections({ familyId }: { familyId: number }) {
  const user = await requireUser();
  const caseFile = await getCaseFile(user, familyId);
  const t = await getTranslations("casefile");
  const format = await getFormatter();
  const tenge = (amount: number) => format.number(amount, { style: "currency", currency: "KZT", maximumFractionDigits: 0 });
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const moment = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const size = (bytes: number) => format.number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
  const canVerify = can(user, "document.verify");

  const { documents, plan, benefits, payments, notes } = caseFile;
  const received = documents.filter((document) => document.status !== "MISSING").length;
  const verified = documents.filter((document) => document.status === "VERIFIED").length;
  const { entitlements, paidByKind } = benefits;

  return (
    <>
      <section aria-labelledby="documents" className="rounded-lg bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="documents" className="text-lg font-semibold">{t("documents.title")}</h2>
          <p className="text-sm text-slate-600">{t("documents.progress", { received, verified, total: documents.length })}</p>
        </div>
        {!canVerify && <p className="mt-1 text-xs text-slate-500">{t("documents.verifyHint")}</p>}
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm" aria-labelledby="documents">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t("documents.document")}</th>
                <th scope="col" className="px-3 py-2">{t("documents.status")}</th>
                <th scope="col" className="px-3 py-2">{t("documents.files")}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => {
                const kind = t(`documents.kind.${document.kind}`);
                const label = document.person
                  ? t("documents.itemForMember", { document: kind, name: `${document.person.surnameCyr} ${document.person.givenNameCyr}` })
                  : kind;
                return (
                  <DocumentRow
                    key={document.id}
                    familyId={caseFile.familyId}
                    documentId={document.id}
                    label={label}
                    status={document.status}
                    lastChange={document.updatedBy ? t("documents.lastChange", { date: moment(document.updatedAt), name: document.updatedBy }) : null}
                    files={document.files.map((file) => ({
                      id: file.id,
                      fileName: file.fileName,
                      meta: [size(file.sizeBytes), moment(file.uploadedAt), file.uploadedBy].join(" · "),
                    }))}
                    canVerify={canVerify}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="adaptation-plan" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="adaptation-plan" className="text-lg font-semibold">{t("plan.title")}</h2>
        <p className="mt-1 text-xs text-slate-500">
          {plan ? t("plan.lastChange", { date: moment(plan.updatedAt), name: plan.updatedBy }) : t("plan.notYet")}
        </p>
        <AdaptationPlanForm
          familyId={caseFile.familyId}
          familySize={caseFile.memberCount}
          defaults={{
            plannedArrival: isoDay(plan?.plannedArrival ?? null),
            transport: plan?.transport ?? "",
            membersArriving: plan?.membersArriving ? String(plan.membersArriving) : "",
            housing: plan?.housing ?? "",
            job: plan?.job ?? "",
            training: plan?.training ?? "",
            loadedAt: plan ? plan.updatedAt.toISOString() : null,
          }}
        />
      </section>

      <section aria-labelledby="support" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="support" className="text-lg font-semibold">{t("support.title")}</h2>
        {entitlements ? (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="pb-2 text-left font-medium">
                {t("support.entitlementsFor", { year: entitlements.year, mci: tenge(entitlements.mciTenge) })}
              </caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("support.measure")}</th>
                  <th scope="col" className="px-3 py-2">{t("support.entitled")}</th>
                  <th scope="col" className="px-3 py-2">{t("support.paid")}</th>
                </tr>
              </thead>
              <tbody>
                <tr className="border-t">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{t("support.relocation", { members: entitlements.membersMoving })}</th>
                  <td className="px-3 py-2">{tenge(entitlements.relocationTenge)}</td>
                  <td className="px-3 py-2">{tenge(paidByKind.RELOCATION_SUBSIDY)}</td>
                </tr>
                <tr className="border-t">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{t("support.rent")}</th>
                  <td className="px-3 py-2">
                    {t("support.rentValue", { min: tenge(entitlements.rentMonthlyMinTenge), max: tenge(entitlements.rentMonthlyMaxTenge), months: entitlements.rentMonths })}
                  </td>
                  <td className="px-3 py-2">{t("support.rentPaid", { amount: tenge(paidByKind.RENT_COMPENSATION), months: benefits.rentMonthsPaid })}</td>
                </tr>
                <tr className="border-t">
                  <th scope="row" className="px-3 py-2 text-left font-normal">{t("support.housing")}</th>
                  <td className="px-3 py-2">{t("support.housingValue", { percent: entitlements.housingSharePercent, cap: tenge(entitlements.housingCapTenge) })}</td>
                  <td className="px-3 py-2">{tenge(paidByKind.HOUSING_CERTIFICATE)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        ) : (
          <p role="status" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {benefits.missing === "mci" ? t("support.missingMci", { year: benefits.year }) : t("support.missingRates")}
          </p>
        )}

        <h3 className="mt-4 font-semibold">{t("support.payments")}</h3>
        {payments.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t("support.noPayments")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-sm" aria-label={t("support.payments")}>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("support.paidOn")}</th>
                  <th scope="col" className="px-3 py-2">{t("support.kindColumn")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("support.amount")}</th>
                  <th scope="col" className="px-3 py-2">{t("support.months")}</th>
                  <th scope="col" className="px-3 py-2">{t("support.note")}</th>
                  <th scope="col" className="px-3 py-2">{t("support.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((payment) => (
                  <tr key={payment.id} className="border-t">
                    <td className="px-3 py-2">{day(payment.paidOn)}</td>
                    <td className="px-3 py-2">{t(`support.kind.${payment.kind}`)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{tenge(payment.amountTenge)}</td>
                    <td className="px-3 py-2">{payment.months ?? "—"}</td>
                    <td className="whitespace-pre-wrap px-3 py-2">{payment.note ?? "—"}</td>
                    <td className="px-3 py-2">{payment.recordedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PaymentForm familyId={caseFile.familyId} today={kazakhstanToday()} />
      </section>

      <section aria-labelledby="notes" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="notes" className="text-lg font-semibold">{t("notes.title")}</h2>
        <NoteForm familyId={caseFile.familyId} />
        {notes.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">{t("notes.none")}</p>
        ) : (
          <ol className="mt-3 space-y-3" aria-label={t("notes.title")}>
            {notes.map((note) => (
              <li key={note.id} className="rounded-md border border-slate-200 p-3">
                <p className="text-xs text-slate-500">{[moment(note.createdAt), note.author].join(" · ")}</p>
                {/* React escapes text: markup in a note is shown, never run. */}
                <p className="mt-1 whitespace-pre-wrap break-words text-sm">{note.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
