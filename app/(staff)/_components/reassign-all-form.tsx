"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { reassignAllSchema } from "@/lib/validation/work";
import { reassignAllCasesAction } from "./actions-work";

type Values = z.input<typeof reassignAllSchema>;
type Person = { id: number; fullName: string };

const optionsOf = (people: Person[]) => people.map((person) => ({ value: String(person.id), label: person.fullName }));

/** A coordinator moves every open case of one caseworker to another caseworker of the region. */
export function ReassignAllForm({ from, to }: { from: Person[]; to: Person[] }) {
  const t = useTranslations("work.reassignAll");
  const messageOf = useFieldMessage();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof reassignAllSchema>>({
    resolver: zodResolver(reassignAllSchema),
    defaultValues: { fromUserId: "", toUserId: "", reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: reassignAllCasesAction,
    onSuccess: (data) => t("moved", { count: data.moved }),
  });

  return (
    <form
      aria-labelledby="reassign-all"
      onSubmit={handleSubmit(submit)}
      noValidate
      className="mt-3 grid gap-2 sm:grid-cols-3"
    >
      <SelectField
        id="reassign-all-from"
        label={t("from")}
        placeholder={t("choose")}
        disabled={isSubmitting}
        error={messageOf(errors.fromUserId)}
        registration={register("fromUserId")}
        options={optionsOf(from)}
      />
      <SelectField
        id="reassign-all-to"
        label={t("to")}
        placeholder={t("choose")}
        disabled={isSubmitting}
        error={messageOf(errors.toUserId)}
        registration={register("toUserId")}
        options={optionsOf(to)}
      />
      <TextField
        id="reassign-all-reason"
        label={t("reason")}
        maxLength={1000}
        disabled={isSubmitting}
        error={messageOf(errors.reason)}
        registration={register("reason")}
      />
      <SubmitRow
        className="sm:col-span-3"
        label={t("submit")}
        busyLabel={t("submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}
