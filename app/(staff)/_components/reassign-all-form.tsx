"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFlash } from "@/components/flash";
import { useFieldMessage } from "@/components/form-messages";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { reassignAllSchema } from "@/lib/validation/work";
import { reassignAllCasesAction } from "./actions-work";

type Values = z.input<typeof reassignAllSchema>;
type Person = { id: number; fullName: string };

const optionsOf = (people: Person[]) => people.map((person) => ({ value: String(person.id), label: person.fullName }));

/**
 * A coordinator moves every open case of one caseworker to another caseworker of the region: chosen from
 * `from` on the home page, or the one person `from` names on a staff member's page.
 */
export function ReassignAllForm({
  from,
  to,
  labelledBy = "reassign-all",
}: {
  from: Person[] | { fixed: Person };
  to: Person[];
  labelledBy?: string;
}) {
  const t = useTranslations("work.reassignAll");
  const router = useRouter();
  const messageOf = useFieldMessage();
  const flash = useFlash();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof reassignAllSchema>>({
    resolver: zodResolver(reassignAllSchema),
    defaultValues: { fromUserId: Array.isArray(from) ? "" : String(from.fixed.id), toUserId: "", reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: reassignAllCasesAction,
    onSuccess: (data) => {
      flash(t("moved", { count: data.moved }));
      router.refresh();
    },
  });

  return (
    <form
      aria-labelledby={labelledBy}
      onSubmit={handleSubmit(submit)}
      noValidate
      className="mt-3 grid gap-2 sm:grid-cols-3"
    >
      {Array.isArray(from) ? (
        <SelectField
          id="reassign-all-from"
          label={t("from")}
          placeholder={t("choose")}
          disabled={isSubmitting}
          error={messageOf(errors.fromUserId)}
          registration={register("fromUserId")}
          options={optionsOf(from)}
        />
      ) : (
        <input type="hidden" {...register("fromUserId")} />
      )}
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
