import { getTranslations } from "next-intl/server";
import { can } from "@/lib/domain/permissions";
import { requireUser } from "@/lib/auth/session";
import { countFamiliesByStatus } from "@/lib/db/families/count-by-status";
import { CASE_STATUSES } from "@/lib/domain/case-status";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import Link from "next/link";
import { CoordinatorWork } from "./_components/coordinator-work";
import { MyWork } from "./_components/my-work";

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
  // A caseworker's home is My work; a regional coordinator's the decisions and workload of the region.
  const work = can(user, "case.own") ? (
    <MyWork user={user} />
  ) : can(user, "case.assign") && user.regionId ? (
    <CoordinatorWork user={user} />
  ) : null;
  const Heading = work ? "h2" : "h1";

  return (
    <>
      {work}
      <section className={work ? "mt-8" : undefined}>
        <Heading className="text-2xl font-semibold">{t("overview.title")}</Heading>
        <p className="mt-1 text-slate-600">{user.regionId ? t("overview.scopeRegion") : t("overview.scopeNational")}</p>
        <DataTable
          className="mt-6 max-w-xl"
          caption={t("overview.caption")}
          rows={CASE_STATUSES}
          rowKey={(status) => status}
          footer={[t("overview.total"), total]}
          columns={[
            {
              header: t("overview.status"),
              isRowHeader: true,
              cell: (status) =>
                canOpenList ? (
                  <Link href={`/families?status=${status}`} className="hover:underline">
                    <StatusBadge status={status} label={t(`status.${status}`)} />
                  </Link>
                ) : (
                  <StatusBadge status={status} label={t(`status.${status}`)} />
                ),
            },
            { header: t("overview.families"), isNumeric: true, cell: (status) => byStatus.get(status) ?? 0 },
          ]}
        />
      </section>
    </>
  );
}
