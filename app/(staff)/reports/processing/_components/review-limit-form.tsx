"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { useFieldMessage } from "@/components/form-messages";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import {
  reviewTimeLimitSchema,
  type ReviewTimeLimitFormData,
  type ReviewTimeLimitFormInput,
} from "@/lib/validation/review-time-limit";
import { setReviewTimeLimitAction } from "../actions";

/** The administrator's review time limit (working days); a refusal keeps what was typed and says why. */
export function ReviewLimitForm({ days }: { days: number }) {
  const t = useTranslations();
  const router = useRouter();
  const messageOf = useFieldMessage();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReviewTimeLimitFormInput, unknown, ReviewTimeLimitFormData>({
    resolver: zodResolver(reviewTimeLimitSchema),
    defaultValues: { days: String(days) },
  });

  const { submit, message } = useActionForm({
    setError,
    action: setReviewTimeLimitAction,
    onSuccess: ({ from, to }) => {
      router.refresh();
      return t("reportProcessing.limit.done", { from, to });
    },
  });

  return (
    <form
      onSubmit={handleSubmit(submit)}
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
      <SubmitRow
        className="mb-7"
        label={t("reportProcessing.limit.submit")}
        busyLabel={t("reportProcessing.limit.submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}
