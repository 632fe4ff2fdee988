"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { MIN_EXPLANATION_LENGTH, PAYMENT_KINDS } from "@/lib/domain/benefits";
import { paymentSchema } from "@/lib/validation/case-file";
import { recordPaymentAction } from "../actions-case-file";

type PaymentValues = z.input<typeof paymentSchema>;

/** Records a payment; amounts above the entitlement are refused unless the note explains them. */
export function PaymentForm({ familyId, today }: { familyId: number; today: string }) {
  const t = useTranslations("casefile.support");
  const messageOf = useFieldMessage();
  const empty: PaymentValues = { familyId, kind: "" as never, amountTenge: "", paidOn: today, months: "", note: "" };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PaymentValues, unknown, z.output<typeof paymentSchema>>({
    resolver: zodResolver(paymentSchema),
    defaultValues: empty,
  });

  const { submit, message } = useActionForm({
    setError,
    action: recordPaymentAction,
    onSuccess: () => {
      reset(empty);
      return t("recorded");
    },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 space-y-3" aria-labelledby="record-payment">
      <h3 id="record-payment" className="font-semibold">
        {t("recordTitle")}
      </h3>
      <div className="grid gap-3 sm:grid-cols-4">
        <SelectField
          id="payment-kind"
          label={t("kindField")}
          error={messageOf(errors.kind)}
          disabled={isSubmitting}
          registration={register("kind")}
          options={PAYMENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          placeholder={t("chooseKind")}
        />
        <TextField
          id="payment-amount"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          label={t("amountField")}
          error={messageOf(errors.amountTenge)}
          disabled={isSubmitting}
          registration={register("amountTenge")}
        />
        <TextField
          id="payment-date"
          type="date"
          max={today}
          label={t("paidOn")}
          error={messageOf(errors.paidOn)}
          disabled={isSubmitting}
          registration={register("paidOn")}
        />
        <TextField
          id="payment-months"
          type="number"
          inputMode="numeric"
          min={1}
          max={12}
          label={t("monthsField")}
          error={messageOf(errors.months)}
          disabled={isSubmitting}
          registration={register("months")}
        />
      </div>
      <TextAreaField
        id="payment-note"
        label={t("noteField")}
        hint={t("noteHint", { min: MIN_EXPLANATION_LENGTH })}
        rows={2}
        maxLength={1000}
        disabled={isSubmitting}
        error={messageOf(errors.note)}
        registration={register("note")}
      />
      <SubmitRow label={t("submit")} busyLabel={t("submitting")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
