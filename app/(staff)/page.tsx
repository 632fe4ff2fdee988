import { getTranslations } from "next-intl/server";
import { can } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/auth/session";
import { countFamiliesByStatus } from "@/lib/db/families/count-by-status";
import { CASE_STATUSES } from "@/lib/domain/case-status";
import { StatusBadge } from "@/components/ui/status-badge";
import Link from "next/link";

export async function generateMetadata() {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  const user = await requireUser();
  const counts = await countFamiliesByStatus(user);
  const t = await getTranslations();
  const byStatus = new Map(counts.map((row) => [row.status, row.families]));
  const total = counts.reduce((sum, row) => sum + row.families, 0);
  const canOpenList = can(user, "family.view");

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("overview.title")}</h1>
      <p className="mt-1 text-slate-600">{user.regionId ? t("overview.scopeRegion") : t("overview.scopeNational")}</p>
      <table className="mt-6 w-full max-w-xl border-collapse bg-white text-sm shadow-sm">
        <caption className="sr-only">{t("overview.caption")}</caption>
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="px-4 py-2">{t("overview.status")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("overview.families")}</th>
          </tr>
        </thead>
        <tbody>
          {CASE_STATUSES.map((status) => (
            <tr key={status} className="border-b last:border-0">
              <td className="px-4 py-2">
                {canOpenList ? (
                  <Link href={`/families?status=${status}`} className="hover:underline">
                    <StatusBadge status={status} label={t(`status.${status}`)} />
                  </Link>
                ) : (
                  <StatusBadge status={status} label={t(`status.${status}`)} />
                )}
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{byStatus.get(status) ?? 0}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t font-semibold">
            <th scope="row" className="px-4 py-2 text-left">{t("overview.total")}</th>
            <td className="px-4 py-2 text-right tabular-nums">{total}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
