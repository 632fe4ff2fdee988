import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import type { getFamily } from "@/lib/db/families/get-family";
import { listCaseTasks } from "@/lib/db/work/tasks";
import { mergeTimeline } from "@/lib/domain/timeline";
import { taskTitle } from "./case-work-panel";
import { ChecklistOverrideNote } from "./checklist-override-note";
import { EventFacts } from "./event-facts";

type CaseEvent = Awaited<ReturnType<typeof getFamily>>["events"][number];

/** The case history: status changes with their facts and the done tasks, in the order they happened. */
export async function CaseHistory({ familyId, events }: { familyId: number; events: readonly CaseEvent[] }) {
  const user = await requireUser();
  const { done } = await listCaseTasks(user, familyId);
  const t = await getTranslations();
  const format = await getFormatter();
  const moment = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const doneTasks = await Promise.all(
    done.map(async (task) => ({ ...task, doneAt: task.doneAt!, shownTitle: await taskTitle(task) })),
  );

  return (
    <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4">
      {mergeTimeline(events, doneTasks).map((item) =>
        item.kind === "event" ? (
          <li key={`event-${item.entry.id}`} className="text-sm">
            <p className="font-medium">
              {item.entry.fromStatus ? `${t(`status.${item.entry.fromStatus}`)} → ` : ""}
              {t(`status.${item.entry.toStatus}`)}
            </p>
            <EventFacts data={item.entry.data} />
            <p className="text-slate-500">
              {moment(item.entry.at)} · {item.entry.actor.fullName}
            </p>
            {item.entry.reason && <p className="mt-1 text-slate-700">{item.entry.reason}</p>}
            <ChecklistOverrideNote data={item.entry.data} />
          </li>
        ) : (
          <li key={`task-${item.entry.id}`} className="text-sm">
            <p className="font-medium">{t("work.tasks.doneEntry", { title: item.entry.shownTitle })}</p>
            <p className="text-slate-500">
              {moment(item.entry.doneAt)}
              {item.entry.doneBy && ` · ${item.entry.doneBy.fullName}`}
            </p>
          </li>
        ),
      )}
    </ol>
  );
}
