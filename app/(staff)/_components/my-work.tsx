import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getMyWork } from "@/lib/db/work/my-work";
import { WORK_GROUPS, type WorkItem } from "@/lib/domain/my-work";
import type { Actor } from "@/lib/domain/permissions";
import { Panel } from "@/components/ui/panel";
import { taskTitle } from "../families/[id]/_components/case-work-panel";

/** A caseworker's own cases grouped by their next action, and the open tasks; overdue first. */
export async function MyWork({ user }: { user: Actor }) {
  const work = await getMyWork(user);
  const t = await getTranslations("work");
  const tw = await getTranslations();
  const format = await getFormatter();
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const titles = await Promise.all(work.tasks.map(taskTitle));
  const payment = ({ kind, month }: NonNullable<WorkItem["payment"]>) => {
    const measure = tw(`casefile.support.kind.${kind}`);
    return month === null ? measure : tw("workQueues.myWork.rentMonth", { kind: measure, month });
  };
  const detail = (item: WorkItem) =>
    [
      item.payment ? payment(item.payment) : null,
      item.missing !== undefined ? t("myWork.missing", { count: item.missing }) : null,
      item.dueDate ? t("myWork.due", { date: day(item.dueDate) }) : null,
      item.overdue ? t("myWork.overdue") : null,
    ]
      .filter(Boolean)
      .join(" · ");

  return (
    <section aria-labelledby="my-work" className="space-y-4">
      <h1 id="my-work" className="text-2xl font-semibold">
        {t("myWork.title")}
      </h1>
      <p className="text-slate-600">{t("myWork.openCases", { count: work.openCases })}</p>
      <Panel id="my-tasks" title={t("myWork.tasks")}>
        {work.tasks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("myWork.empty")}</p>
        ) : (
          <ul aria-labelledby="my-tasks" className="mt-2 space-y-1 text-sm">
            {work.tasks.map((task, index) => (
              <li key={task.taskId} className={task.overdue ? "text-red-700" : undefined}>
                <Link href={`/families/${task.familyId}`} className="font-mono text-brand-700 hover:underline">
                  {task.caseNumber}
                </Link>{" "}
                {titles[index]} · {t("myWork.due", { date: day(task.dueDate) })}
                {task.overdue && ` · ${t("myWork.overdue")}`}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {WORK_GROUPS.map((group) => (
        <Panel key={group} id={`group-${group}`} title={t(`groups.${group}`)}>
          {work.groups[group].length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">{t("myWork.empty")}</p>
          ) : (
            <ul aria-labelledby={`group-${group}`} className="mt-2 space-y-1 text-sm">
              {work.groups[group].map((item) => (
                <li key={item.familyId} className={item.overdue ? "text-red-700" : undefined}>
                  <Link href={`/families/${item.familyId}`} className="font-mono text-brand-700 hover:underline">
                    {item.caseNumber}
                  </Link>{" "}
                  {detail(item)}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ))}
    </section>
  );
}
