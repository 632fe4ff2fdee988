"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { reassignSchema, taskSchema } from "@/lib/validation/work";
import { completeTaskAction, createTaskAction, reassignCaseAction } from "../actions-work";

type TaskValues = z.input<typeof taskSchema>;
type ReassignValues = z.input<typeof reassignSchema>;

/** A task with a title and a due date, for the case's assigned caseworker. */
export function TaskForm({ familyId }: { familyId: number }) {
  const t = useTranslations("work.tasks");
  const messageOf = useFieldMessage();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TaskValues, unknown, z.output<typeof taskSchema>>({
    resolver: zodResolver(taskSchema),
    defaultValues: { familyId, title: "", dueDate: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: createTaskAction,
    onSuccess: () => {
      reset({ familyId, title: "", dueDate: "" });
      return t("added");
    },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 grid gap-2 sm:grid-cols-[1fr_12rem]">
      <TextField
        id="task-title"
        label={t("titleLabel")}
        maxLength={200}
        disabled={isSubmitting}
        error={messageOf(errors.title)}
        registration={register("title")}
      />
      <TextField
        id="task-due"
        type="date"
        label={t("dueLabel")}
        disabled={isSubmitting}
        error={messageOf(errors.dueDate)}
        registration={register("dueDate")}
      />
      <SubmitRow
        className="sm:col-span-2"
        label={t("add")}
        busyLabel={t("adding")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}

/** "Mark done" for one open task. */
export function TaskDoneButton({ familyId, taskId, title }: { familyId: number; taskId: number; title: string }) {
  const t = useTranslations("work.tasks");
  const { busy, message, run } = useButtonAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        aria-label={t("markDoneOf", { title })}
        disabled={busy !== null}
        onClick={() =>
          run(
            "done",
            () => completeTaskAction({ familyId, taskId }),
            () => t("marked"),
          )
        }
      >
        {busy ? t("marking") : t("markDone")}
      </Button>
      <ActionMessage message={message} testId={`task-${taskId}-message`} />
    </span>
  );
}

/** A coordinator assigns the case to another active caseworker of its region. */
export function ReassignForm({
  familyId,
  candidates,
}: {
  familyId: number;
  candidates: { id: number; fullName: string }[];
}) {
  const t = useTranslations("work.assignment");
  const messageOf = useFieldMessage();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReassignValues, unknown, z.output<typeof reassignSchema>>({
    resolver: zodResolver(reassignSchema),
    defaultValues: { familyId, toUserId: "", reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: reassignCaseAction,
    onSuccess: (data) => (data.changed ? t("reassigned") : t("unchanged")),
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 grid gap-2 sm:grid-cols-2">
      <SelectField
        id="reassign-to"
        label={t("to")}
        placeholder={t("choose")}
        disabled={isSubmitting}
        error={messageOf(errors.toUserId)}
        registration={register("toUserId")}
        options={candidates.map((person) => ({ value: String(person.id), label: person.fullName }))}
      />
      <TextField
        id="reassign-reason"
        label={t("reason")}
        maxLength={1000}
        disabled={isSubmitting}
        error={messageOf(errors.reason)}
        registration={register("reason")}
      />
      <SubmitRow
        className="sm:col-span-2"
        label={t("submit")}
        busyLabel={t("submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}
