"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { MIN_EXPLANATION_LENGTH, PAYMENT_KINDS } from "@/lib/domain/benefits";
import { paymentSchema } from "@/lib/validation/case-file";
import { recordPaymentAction } from "../actions-case-file";
import { useSchemaMessage } from "./case-file-field-error";

type PaymentValues = z.input<typeof paymentSchema>;

/** Records a payment; amounts above the entitlement are refused unless the note explains them. */
export function PaymentForm({ familyId, today }: { familyId: number; today: string }) {
  const t = useTranslations("casefile.support");
  const message = useSchemaMessage();
  const [formMessage, setFormMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const empty: PaymentValues = { familyId, kind: "" as never, amountTenge: "", paidOn: today, months: "", note: "" };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PaymentValues, unknown, z.output<typeof paymentSchema>>({ resolver: zodResolver(paymentSchema), defaultValues: empty });

  async function onSubmit(values: z.output<typeof paymentSchema>) {
    setFormMessage(null);
    const result = await recordPaymentAction(values);
    if (result.ok) {
      reset(empty);
      setFormMessage({ text: t("recorded"), isError: false });
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      if (field !== "form") setError(field as keyof PaymentValues, { type: "server", message: text });
    }
    setFormMessage({ text: result.fieldErrors?.form ?? result.message, isError: true });
  }

  const errorOf = (field: keyof PaymentValues) => {
    const error = errors[field];
    // Server messages arrive translated; the resolver's are catalogue keys.
    return error?.type === "server" ? error.message : message(error?.message);
  };
  const kindError = errorOf("kind");
  const noteError = errorOf("note");

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="mt-3 space-y-3" aria-labelledby="record-payment">
      <h3 id="record-payment" className="font-semibold">
        {t("recordTitle")}
      </h3>
      <div className="grid gap-3 sm:grid-cols-4">
        <SelectField
          id="payment-kind"
          label={t("kindField")}
          error={kindError}
          disabled={isSubmitting}
          registration={register("kind")}
          options={PAYMENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          placeholder={t("chooseKind")}
        />
        <TextField id="payment-amount" type="number" inputMode="numeric" min={1} step={1} label={t("amountField")} error={errorOf("amountTenge")} disabled={isSubmitting} registration={register("amountTenge")} />
        <TextField id="payment-date" type="date" max={today} label={t("paidOn")} error={errorOf("paidOn")} disabled={isSubmitting} registration={register("paidOn")} />
        <TextField id="payment-months" type="number" inputMode="numeric" min={1} max={12} label={t("monthsField")} error={errorOf("months")} disabled={isSubmitting} registration={register("months")} />
      </div>
      <TextAreaField
        id="payment-note"
        label={t("noteField")}
        hint={t("noteHint", { min: MIN_EXPLANATION_LENGTH })}
        rows={2}
        maxLength={1000}
        disabled={isSubmitting}
        error={noteError}
        registration={register("note")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
        <p aria-live="polite" className={`text-sm ${formMessage?.isError ? "text-red-700" : "text-green-700"}`}>
          {formMessage?.text}
        </p>
      </div>
    </form>
  );
}
