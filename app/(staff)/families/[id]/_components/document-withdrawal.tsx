"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { documentWithdrawalSchema } from "@/lib/validation/document-withdrawal";
import { withdrawDocumentFileAction } from "../actions-lifecycle";

type WithdrawalValues = z.input<typeof documentWithdrawalSchema>;

/** The withdrawal of one file: a button that opens the reason field; the file stays listed as withdrawn. */
export function DocumentWithdrawal({
  familyId,
  fileId,
  fileName,
}: {
  familyId: number;
  fileId: number;
  fileName: string;
}) {
  const t = useTranslations("casePage.withdrawal");
  const messageOf = useFieldMessage();
  const [isOpen, setIsOpen] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WithdrawalValues, unknown, z.output<typeof documentWithdrawalSchema>>({
    resolver: zodResolver(documentWithdrawalSchema),
    defaultValues: { familyId, fileId, reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: withdrawDocumentFileAction,
    onSuccess: () => t("done"),
  });

  if (!isOpen)
    return (
      <Button
        type="button"
        variant="secondary"
        className="mt-1 px-2 py-0.5 text-xs"
        onClick={() => setIsOpen(true)}
        aria-label={t("withdrawFile", { name: fileName })}
      >
        {t("withdraw")}
      </Button>
    );
  return (
    <form
      onSubmit={handleSubmit(submit)}
      noValidate
      className="mt-1 space-y-2"
      aria-label={t("withdrawFile", { name: fileName })}
    >
      <TextField
        id={`withdrawal-reason-${fileId}`}
        label={t("reason", { name: fileName })}
        maxLength={1000}
        error={messageOf(errors.reason)}
        disabled={isSubmitting}
        registration={register("reason")}
      />
      <SubmitRow label={t("confirm")} busyLabel={t("submitting")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
