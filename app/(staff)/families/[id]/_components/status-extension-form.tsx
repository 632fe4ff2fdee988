"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { statusExtensionSchema } from "@/lib/validation/lifecycle";
import { extendStatusAction } from "../actions-lifecycle";

type ExtensionValues = z.input<typeof statusExtensionSchema>;

/** Records an extension of the kandas status; the limit and the dates are checked again on the server. */
export function StatusExtensionForm({
  familyId,
  version,
  today,
}: {
  familyId: number;
  version: number;
  today: string;
}) {
  const t = useTranslations("lifecycle.extension");
  const messageOf = useFieldMessage();
  const empty: ExtensionValues = { familyId, version, decisionNumber: "", decisionDate: today, validUntil: "" };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ExtensionValues, unknown, z.output<typeof statusExtensionSchema>>({
    resolver: zodResolver(statusExtensionSchema),
    defaultValues: empty,
  });
  const { submit, message } = useActionForm({
    setError,
    // The version of the case as the page shows it now (it changes after every saved step).
    action: (values: z.output<typeof statusExtensionSchema>) => extendStatusAction({ ...values, version }),
    onSuccess: () => {
      reset(empty);
      return t("done");
    },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 space-y-3" aria-labelledby="extend-status">
      <h3 id="extend-status" className="font-semibold">
        {t("formTitle")}
      </h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          id="extension-decision-number"
          label={t("decisionNumber")}
          maxLength={64}
          error={messageOf(errors.decisionNumber)}
          disabled={isSubmitting}
          registration={register("decisionNumber")}
        />
        <TextField
          id="extension-decision-date"
          type="date"
          max={today}
          label={t("decisionDate")}
          error={messageOf(errors.decisionDate)}
          disabled={isSubmitting}
          registration={register("decisionDate")}
        />
        <TextField
          id="extension-valid-until"
          type="date"
          label={t("validUntil")}
          error={messageOf(errors.validUntil)}
          disabled={isSubmitting}
          registration={register("validUntil")}
        />
      </div>
      <SubmitRow label={t("submit")} busyLabel={t("submitting")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
