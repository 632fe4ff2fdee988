import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { kazakhstanToday } from "@/lib/domain/benefits";
import { can } from "@/lib/domain/permissions";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { AdaptationPlanForm } from "./adaptation-plan-form";
import { DocumentFiles, DocumentStatusControl } from "./document-controls";
import { NoteForm } from "./note-form";
import { PaymentForm } from "./payment-form";
import { PaymentReversal } from "./payment-reversal";

const isoDay = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : "");

/** Documents, adaptation plan, support and notes of a case (one lib/db call, audited as a view). */
export async function CaseFileSections({ familyId }: { familyId: number }) {
  const user = await requireUser();
  const caseFile = await getCaseFile(user, familyId);
  const t = await getTranslations("casefile");
  const tl = await getTranslations("lifecycle");
  const tc = await getTranslations("casePage");
  const format = await getFormatter();
  const tenge = (amount: number) =>
    format.number(amount, { style: "currency", currency: "KZT", maximumFractionDigits: 0 });
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const moment = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const size = (bytes: number) =>
    format.number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
  const canVerify = can(user, "document.verify");

  const { documents, plan, benefits, payments, notes } = caseFile;
  const received = documents.filter((document) => document.status !== "MISSING").length;
  const verified = documents.filter((document) => document.status === "VERIFIED").length;
  const { entitlements, paidByKind } = benefits;

  return (
    <>
      <Panel
        id="documents"
        title={t("documents.title")}
        aside={
          <p className="text-sm text-slate-600">
            {t("documents.progress", { received, verified, total: documents.length })}
          </p>
        }
      >
        {!canVerify && <p className="mt-1 text-xs text-slate-500">{t("documents.verifyHint")}</p>}
        <DataTable
          variant="plain"
          className="mt-3"
          labelledBy="documents"
          rows={documents.map((document) => {
            const kind = t(`documents.kind.${document.kind}`);
            const label = document.person
              ? t("documents.itemForMember", {
                  document: kind,
                  name: `${document.person.surnameCyr} ${document.person.givenNameCyr}`,
                })
              : kind;
            return { ...document, label };
          })}
          rowKey={(document) => document.id}
          rowClassName={() => "align-top"}
          columns={[
            {
              header: t("documents.document"),
              isRowHeader: true,
              cell: (document) => (
                <>
                  <span className="block font-medium">{document.label}</span>
                  {document.updatedBy && (
                    <span className="block text-xs text-slate-500">
                      {t("documents.lastChange", { date: moment(document.updatedAt), name: document.updatedBy })}
                    </span>
                  )}
                </>
              ),
            },
            {
              header: t("documents.status"),
              cell: (document) => (
                <DocumentStatusControl
                  familyId={caseFile.familyId}
                  documentId={document.id}
                  label={document.label}
                  status={document.status}
                  canVerify={canVerify}
                />
              ),
            },
            {
              header: t("documents.files"),
              cell: (document) => (
                <DocumentFiles
                  familyId={caseFile.familyId}
                  documentId={document.id}
                  label={document.label}
                  status={document.status}
                  canVerify={canVerify}
                  files={document.files.map((file) => ({
                    id: file.id,
                    fileName: file.fileName,
                    meta: [size(file.sizeBytes), moment(file.uploadedAt), file.uploadedBy].join(" · "),
                    replaced: file.replacedAt ? tl("documents.replacedOn", { date: moment(file.replacedAt) }) : null,
                    withdrawn: file.withdrawnAt
                      ? tc("withdrawal.withdrawn", {
                          date: moment(file.withdrawnAt),
                          name: file.withdrawnBy ?? "—",
                          reason: file.withdrawalReason ?? "",
                        })
                      : null,
                  }))}
                />
              ),
            },
          ]}
        />
      </Panel>

      <Panel id="adaptation-plan" title={t("plan.title")}>
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
      </Panel>

      <Panel id="support" title={t("support.title")}>
        {entitlements ? (
          <DataTable
            variant="plain"
            className="mt-3"
            caption={t("support.entitlementsFor", { year: entitlements.year, mci: tenge(entitlements.mciTenge) })}
            isCaptionVisible
            rows={[
              {
                measure: t("support.relocation", { members: entitlements.membersMoving }),
                entitled: tenge(entitlements.relocationTenge),
                paid: tenge(paidByKind.RELOCATION_SUBSIDY),
              },
              {
                measure: t("support.rent"),
                entitled: t("support.rentValue", {
                  min: tenge(entitlements.rentMonthlyMinTenge),
                  max: tenge(entitlements.rentMonthlyMaxTenge),
                  months: entitlements.rentMonths,
                }),
                paid: t("support.rentPaid", {
                  amount: tenge(paidByKind.RENT_COMPENSATION),
                  months: benefits.rentMonthsPaid,
                }),
              },
              {
                measure: t("support.housing"),
                entitled: t("support.housingValue", {
                  percent: entitlements.housingSharePercent,
                  cap: tenge(entitlements.housingCapTenge),
                }),
                paid: tenge(paidByKind.HOUSING_CERTIFICATE),
              },
            ]}
            rowKey={(row) => row.measure}
            columns={[
              { header: t("support.measure"), isRowHeader: true, cell: (row) => row.measure },
              { header: t("support.entitled"), cell: (row) => row.entitled },
              { header: t("support.paid"), cell: (row) => row.paid },
            ]}
          />
        ) : (
          <p role="status" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("support.missingMci", { year: benefits.year })}
          </p>
        )}

        <h3 id="payments" className="mt-4 font-semibold">
          {t("support.payments")}
        </h3>
        <DataTable
          variant="plain"
          className="mt-2"
          labelledBy="payments"
          rows={payments}
          rowKey={(payment) => payment.id}
          empty={t("support.noPayments")}
          emptyAs="notice"
          columns={[
            { header: t("support.paidOn"), cell: (payment) => day(payment.paidOn) },
            { header: t("support.kindColumn"), cell: (payment) => t(`support.kind.${payment.kind}`) },
            { header: t("support.amount"), isNumeric: true, cell: (payment) => tenge(payment.amountTenge) },
            { header: t("support.months"), cell: (payment) => payment.months ?? "—" },
            { header: t("support.note"), className: "whitespace-pre-wrap", cell: (payment) => payment.note ?? "—" },
            { header: t("support.recordedBy"), cell: (payment) => payment.recordedBy },
            {
              header: tl("reversal.column"),
              cell: (payment) =>
                payment.reversal ? (
                  <span className="text-red-800">
                    {tl("reversal.reversed", {
                      date: moment(payment.reversal.reversedAt),
                      name: payment.reversal.reversedBy,
                      reason: payment.reversal.reason,
                    })}
                  </span>
                ) : (
                  <PaymentReversal
                    familyId={caseFile.familyId}
                    paymentId={payment.id}
                    label={`${tenge(payment.amountTenge)}, ${day(payment.paidOn)}`}
                  />
                ),
            },
          ]}
        />
        <PaymentForm familyId={caseFile.familyId} today={kazakhstanToday()} />
      </Panel>

      <Panel id="notes" title={t("notes.title")}>
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
      </Panel>
    </>
  );
}
