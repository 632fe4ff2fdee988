import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { EXPIRING_LIST_LIMIT, listExpiringStatuses } from "@/lib/db/families/list-expiring";
import { can } from "@/lib/domain/permissions";
import { EXPIRY_WARNING_DAYS, validityState } from "@/lib/domain/status-validity";
import { localName, toLocale } from "@/lib/i18n/config";
import { CaseLink, HeadName } from "@/components/family-cells";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { ValidityMark } from "@/components/validity-mark";
import { ExpireLapsedButton } from "./_components/expire-lapsed-button";

export async function generateMetadata() {
  const t = await getTranslations("workflow.expiring");
  return { title: t("title") };
}

export default async function ExpiringStatusesPage() {
  const user = await requirePermission("family.view");
  const { items, hasMore, today } = await listExpiringStatuses(user);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("workflow.expiring.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("workflow.expiring.intro", { days: EXPIRY_WARNING_DAYS })}</p>
      {can(user, "case.decide") && (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("lifecycle.expireLapsed.hint")}</p>
          <ExpireLapsedButton />
        </>
      )}
      <DataTable
        className="mt-4"
        caption={t("workflow.expiring.caption")}
        rows={items.map((item) => ({ ...item, state: validityState(item.statusValidUntil, today) }))}
        rowKey={(item) => item.id}
        rowClassName={(item) => (item.state.kind === "expired" ? "bg-red-50" : "")}
        empty={t("workflow.expiring.empty", { days: EXPIRY_WARNING_DAYS })}
        emptyAs="notice"
        columns={[
          {
            header: t("workflow.expiring.col.caseNumber"),
            cell: (item) => <CaseLink familyId={item.id} caseNumber={item.caseNumber} />,
          },
          { header: t("workflow.expiring.col.head"), cell: (item) => <HeadName head={item.head} /> },
          {
            header: t("workflow.expiring.col.status"),
            cell: (item) => <StatusBadge status={item.status} label={t(`status.${item.status}`)} />,
          },
          {
            header: t("workflow.expiring.col.region"),
            cell: (item) =>
              `${localName(item.targetRegion, locale)}${item.targetDistrict ? `, ${localName(item.targetDistrict, locale)}` : ""}`,
          },
          {
            header: t("workflow.expiring.col.validUntil"),
            cell: (item) => format.dateTime(item.statusValidUntil, { dateStyle: "medium", timeZone: "UTC" }),
          },
          {
            header: t("workflow.expiring.col.state"),
            cell: (item) => (
              <>
                {item.state.kind === "expired" && (
                  <strong className="mr-2 font-semibold text-red-800">{t("workflow.expiring.expiredMark")}</strong>
                )}
                <ValidityMark state={item.state} />
              </>
            ),
          },
        ]}
      />
      {hasMore && (
        <p className="mt-3 text-sm text-slate-600">{t("workflow.expiring.more", { count: EXPIRING_LIST_LIMIT })}</p>
      )}
    </section>
  );
}
