"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { reviewTimeLimitSchema, type ReviewTimeLimitFormData, type ReviewTimeLimitFormInput } from "@/lib/validation/review-time-limit";
import { setReviewTimeLimitAction } from "../actions";

/** The administrator's review time limit (working days); a refusal keeps what was typed and says why. */
export function ReviewLimitForm({ days }: { days: number }) {
  const t = useTranslations();
  const router = useRouter();
  const messageOf = useFieldMessage();
  const isHydrated = useIsHydrated();
  const [formMessage, setFormMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReviewTimeLimitFormInput, unknown, ReviewTimeLimitFormData>({ resolver: zodResolver(reviewTimeLimitSchema), defaultValues: { days: String(days) } });

  async function onSubmit(values: ReviewTimeLimitFormData) {
    setFormMessage(null);
    const result = await setReviewTimeLimitAction(values);
    if (result.ok) {
      setFormMessage({ text: t("reportProcessing.limit.done", { from: result.data.from, to: result.data.to }), isError: false });
      router.refresh();
      return;
    }
    if (result.fieldErrors?.days) setError("days", { type: "server", message: result.fieldErrors.days });
    setFormMessage({ text: result.message, isError: true });
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-labelledby="review-limit"
      className="no-print mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm"
    >
      <h2 id="review-limit" className="w-full text-base font-semibold">
        {t("reportProcessing.limit.title")}
      </h2>
      <TextField
        id="review-limit-days"
        type="text"
        inputMode="numeric"
        className="w-48"
        label={t("reportProcessing.limit.label")}
        error={messageOf(errors.days)}
        disabled={isSubmitting}
        registration={register("days")}
      />
      <Button type="submit" className="mb-7" disabled={!isHydrated || isSubmitting}>
        {isSubmitting ? t("reportProcessing.limit.submitting") : t("reportProcessing.limit.submit")}
      </Button>
      <p role="status" aria-live="polite" className={`mb-7 text-sm ${formMessage?.isError ? "text-red-700" : "text-green-700"}`}>
        {formMessage?.text}
      </p>
    </form>
  );
}
