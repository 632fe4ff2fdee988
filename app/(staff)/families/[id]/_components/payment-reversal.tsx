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
import { paymentReversalSchema } from "@/lib/validation/lifecycle";
import { reversePaymentAction } from "../actions-lifecycle";

type ReversalValues = z.input<typeof paymentReversalSchema>;

/** The reversal of one payment: a button that opens the reason field; the payment stays listed. */
export function PaymentReversal({
  familyId,
  paymentId,
  label,
}: {
  familyId: number;
  paymentId: number;
  label: string;
}) {
  const t = useTranslations("lifecycle.reversal");
  const messageOf = useFieldMessage();
  const [isOpen, setIsOpen] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReversalValues, unknown, z.output<typeof paymentReversalSchema>>({
    resolver: zodResolver(paymentReversalSchema),
    defaultValues: { familyId, paymentId, reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: reversePaymentAction,
    onSuccess: () => t("done"),
  });

  if (!isOpen)
    return (
      <Button
        type="button"
        variant="secondary"
        className="px-3 py-1"
        onClick={() => setIsOpen(true)}
        aria-label={t("openFor", { payment: label })}
      >
        {t("open")}
      </Button>
    );
  return (
    <form
      onSubmit={handleSubmit(submit)}
      noValidate
      className="space-y-2"
      aria-label={t("formFor", { payment: label })}
    >
      <TextField
        id={`reversal-reason-${paymentId}`}
        label={t("reason")}
        maxLength={1000}
        error={messageOf(errors.reason)}
        disabled={isSubmitting}
        registration={register("reason")}
      />
      <SubmitRow label={t("submit")} busyLabel={t("submitting")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
