import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getCoordinatorWork } from "@/lib/db/work/my-work";
import type { Actor } from "@/lib/domain/permissions";
import { regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { taskTitle } from "../families/[id]/_components/case-work-panel";
import { ReassignAllForm } from "./reassign-all-form";

const caseLink = (familyId: number, caseNumber: string) => (
  <Link href={`/families/${familyId}`} className="font-mono text-brand-700 hover:underline">
    {caseNumber}
  </Link>
);

/**
 * A coordinator's home: decisions waiting, transfer requests, the tasks of the rules, waitlist places to
 * offer and the workload.
 */
export async function CoordinatorWork({ user }: { user: Actor }) {
  const work = await getCoordinatorWork(user);
  const t = await getTranslations("work.coordinator");
  const tw = await getTranslations();
  const format = await getFormatter();
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const titles = await Promise.all(work.tasks.map(taskTitle));
  const locale = toLocale(await getLocale());
  const transferLine = (transfer: (typeof work.transfers.incoming)[number]) =>
    tw("workQueues.transfers.line", {
      from: regionName(transfer.fromRegionId, locale),
      to: regionName(transfer.toRegionId, locale),
      date: day(transfer.proposedAt),
    });

  return (
    <section aria-labelledby="coordinator-work" className="space-y-4">
      <h1 id="coordinator-work" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <Panel id="decisions-waiting" title={t("decisions")}>
        {work.decisions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul aria-labelledby="decisions-waiting" className="mt-2 space-y-1 text-sm">
            {work.decisions.map((family) => (
              <li key={family.id} className={family.overdue ? "text-red-700" : undefined}>
                {caseLink(family.id, family.caseNumber)}{" "}
                {t("daysAgainstLimit", { days: family.workingDays, limit: work.limit })}
                {family.overdue && ` · ${t("overLimit")}`}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="transfer-requests" title={tw("workQueues.transfers.title")}>
        {work.transfers.incoming.length + work.transfers.outgoing.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <>
            {work.transfers.incoming.length > 0 && (
              <>
                <h3 id="transfers-incoming" className="mt-2 text-sm font-semibold">
                  {tw("workQueues.transfers.incoming")}
                </h3>
                <ul aria-labelledby="transfers-incoming" className="mt-1 space-y-1 text-sm">
                  {work.transfers.incoming.map((transfer) => (
                    <li key={transfer.id}>
                      <Link
                        href={`/transfers#transfer-${transfer.id}`}
                        className="font-mono text-brand-700 hover:underline"
                      >
                        {transfer.caseNumber}
                      </Link>{" "}
                      {transferLine(transfer)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {work.transfers.outgoing.length > 0 && (
              <>
                <h3 id="transfers-outgoing" className="mt-2 text-sm font-semibold">
                  {tw("workQueues.transfers.outgoing")}
                </h3>
                <ul aria-labelledby="transfers-outgoing" className="mt-1 space-y-1 text-sm">
                  {work.transfers.outgoing.map((transfer) => (
                    <li key={transfer.id}>
                      <Link
                        href={`/families/${transfer.familyId}#case-transfers`}
                        className="font-mono text-brand-700 hover:underline"
                      >
                        {transfer.caseNumber}
                      </Link>{" "}
                      {transferLine(transfer)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Panel>
      <Panel id="coordinator-tasks" title={t("tasks")}>
        {work.tasks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul aria-labelledby="coordinator-tasks" className="mt-2 space-y-1 text-sm">
            {work.tasks.map((task, index) => (
              <li key={task.taskId} className={task.overdue ? "text-red-700" : undefined}>
                {caseLink(task.familyId, task.caseNumber)} {titles[index]} · {t("due", { date: day(task.dueDate) })}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="places-to-offer" title={t("toOffer")}>
        {work.toOffer.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul aria-labelledby="places-to-offer" className="mt-2 space-y-1 text-sm">
            {work.toOffer.map((entry) => (
              <li key={entry.familyId}>
                {caseLink(entry.familyId, entry.caseNumber)}{" "}
                {t("offerLine", { pool: tw(`category.${entry.pool}`), places: entry.places })}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <DataTable
        className="max-w-xl"
        caption={t("workload")}
        rows={work.workload}
        rowKey={(person) => person.id}
        footer={[t("unassigned"), work.unassigned]}
        columns={[
          {
            header: t("caseworker"),
            isRowHeader: true,
            cell: (person) => (person.isActive ? person.fullName : t("inactive", { name: person.fullName })),
          },
          { header: t("openCases"), isNumeric: true, cell: (person) => person.openCases },
        ]}
      />
      {work.workload.length > 1 && (
        <Panel id="reassign-all" title={t("reassignAll")}>
          <ReassignAllForm
            from={work.workload.map(({ id, fullName, isActive }) => ({
              id,
              fullName: isActive ? fullName : t("inactive", { name: fullName }),
            }))}
            to={work.workload.filter((person) => person.isActive).map(({ id, fullName }) => ({ id, fullName }))}
          />
        </Panel>
      )}
    </section>
  );
}
