import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { EXPIRING_LIST_LIMIT, listExpiringStatuses } from "@/lib/db/families/list-expiring";
import { EXPIRY_WARNING_DAYS, validityState } from "@/lib/domain/status-validity";
import { localName, toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/ui/status-badge";
import { ValidityMark } from "@/components/validity-mark";

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
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg bg-white p-4 text-sm shadow-sm">
          {t("workflow.expiring.empty", { days: EXPIRY_WARNING_DAYS })}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("workflow.expiring.caption")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("workflow.expiring.col.caseNumber")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("workflow.expiring.col.head")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("workflow.expiring.col.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("workflow.expiring.col.region")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("workflow.expiring.col.validUntil")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("workflow.expiring.col.state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const state = validityState(item.statusValidUntil, today);
                const isExpired = state.kind === "expired";
                return (
                  <tr key={item.id} className={`border-t ${isExpired ? "bg-red-50" : ""}`}>
                    <td className="px-3 py-2 font-mono">
                      <Link href={`/families/${item.id}`} className="text-brand-700 underline">
                        {item.caseNumber}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      {item.head && (
                        <>
                          <span className="block">{`${item.head.surnameCyr} ${item.head.givenNameCyr}`}</span>
                          <span className="block text-xs text-slate-500">{`${item.head.surnameLat} ${item.head.givenNameLat}`}</span>
                        </>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge status={item.status} label={t(`status.${item.status}`)} />
                    </td>
                    <td className="px-3 py-2">
                      {localName(item.targetRegion, locale)}
                      {item.targetDistrict ? `, ${localName(item.targetDistrict, locale)}` : ""}
                    </td>
                    <td className="px-3 py-2">
                      {format.dateTime(item.statusValidUntil, { dateStyle: "medium", timeZone: "UTC" })}
                    </td>
                    <td className="px-3 py-2">
                      {isExpired && (
                        <strong className="mr-2 font-semibold text-red-800">
                          {t("workflow.expiring.expiredMark")}
                        </strong>
                      )}
                      <ValidityMark state={state} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <p className="mt-3 text-sm text-slate-600">{t("workflow.expiring.more", { count: EXPIRING_LIST_LIMIT })}</p>
      )}
    </section>
  );
}
