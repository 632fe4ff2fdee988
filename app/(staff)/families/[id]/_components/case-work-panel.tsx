import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getCaseAssignment } from "@/lib/db/work/assignment";
import { listCaseTasks } from "@/lib/db/work/tasks";
import { ruleOfTask } from "@/lib/domain/my-work";
import { can } from "@/lib/domain/permissions";
import { Panel } from "@/components/ui/panel";
import { ReassignForm, TaskDoneButton, TaskForm } from "./case-work-forms";

/** The title of a task: its own for one written by hand, the rule's text for one a rule created. */
export async function taskTitle(task: { title: string; ruleKey: string | null }): Promise<string> {
  const t = await getTranslations("work.rules");
  const rule = ruleOfTask(task.ruleKey);
  return rule ? t(rule) : task.title;
}

/** The assigned caseworker (reassignable by a coordinator), the assignment history and the open tasks of a case. */
export async function CaseWorkPanel({ familyId }: { familyId: number }) {
  const user = await requireUser();
  const [assignment, tasks] = await Promise.all([getCaseAssignment(user, familyId), listCaseTasks(user, familyId)]);
  const t = await getTranslations("work");
  const format = await getFormatter();
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const moment = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const titles = await Promise.all(tasks.open.map(taskTitle));
  const canEdit = can(user, "family.edit");

  return (
    <Panel id="case-work" title={t("assignment.title")}>
      <p className="mt-2 text-sm">
        {t("assignment.assignedTo")}{" "}
        <strong data-testid="assigned-caseworker">{assignment.assignedTo?.fullName ?? t("assignment.nobody")}</strong>
      </p>
      {assignment.candidates.length > 0 && <ReassignForm familyId={familyId} candidates={assignment.candidates} />}
      {assignment.history.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t("assignment.history")}</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {assignment.history.map((entry) => (
              <li key={entry.id}>
                {t("assignment.historyLine", {
                  at: moment(entry.at),
                  actor: entry.actor.fullName,
                  from: entry.fromUser?.fullName ?? t("assignment.nobody"),
                  to: entry.toUser.fullName,
                })}
                {entry.reason && <span className="block text-slate-500">{entry.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 id="case-tasks" className="mt-4 text-sm font-semibold">
        {t("tasks.title")}
      </h3>
      {tasks.open.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("tasks.none")}</p>
      ) : (
        <ul aria-labelledby="case-tasks" className="mt-1 space-y-2 text-sm">
          {tasks.open.map((task, index) => (
            <li key={task.id} className="flex flex-wrap items-center gap-3">
              <span>
                {titles[index]} · {t("tasks.due", { date: day(task.dueDate) })}
                {task.assignee && <span className="text-slate-500"> · {task.assignee.fullName}</span>}
              </span>
              {canEdit && <TaskDoneButton familyId={familyId} taskId={task.id} title={titles[index]!} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <TaskForm familyId={familyId} />}
    </Panel>
  );
}
