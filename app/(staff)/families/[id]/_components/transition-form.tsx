"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { CaseStatus, TransitionRequirement } from "@/lib/domain/case-status";
import { transitionSchema, type TransitionFormData, type TransitionFormInput } from "@/lib/validation/transition";
import { transitionFamilyAction } from "../actions-transition";

type DataFields = Pick<TransitionFormInput, "reason" | "decisionNumber" | "decisionDate" | "arrivalDate">;
export type TransitionDraft = { to: CaseStatus; values: DataFields };

/** Where the form parks its input while the user signs in again. */
export const draftKeyFor = (familyId: number) => `nk-workflow-draft-${familyId}`;

const QUOTA_HOLDING: readonly CaseStatus[] = ["QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED", "CLOSED"];

type Props = {
  familyId: number;
  version: number;
  from: CaseStatus;
  to: CaseStatus;
  requires: TransitionRequirement[];
  restored?: DataFields;
  onCancel: () => void;
  onDone: (status: CaseStatus) => void;
};

/** One status change: asks only for the data this step needs, and keeps the input when the server refuses. */
export function TransitionForm({ familyId, version, from, to, requires, restored, onCancel, onDone }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [isConflict, setIsConflict] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<TransitionFormInput, unknown, TransitionFormData>({
    resolver: zodResolver(transitionSchema),
    defaultValues: {
      familyId,
      version,
      to,
      reason: "",
      decisionNumber: "",
      decisionDate: "",
      arrivalDate: "",
      ...restored,
    },
  });

  // The version follows the page: after "show the current case" a retry is checked against what the user now sees.
  useEffect(() => {
    setValue("version", version);
  }, [setValue, version]);

  const translate = (key: string | undefined) => {
    if (!key) return undefined;
    const fullKey = key.includes(".") ? key : `validation.${key}`;
    return t.has(fullKey) ? t(fullKey) : key;
  };
  const id = (field: string) => `workflow-${to}-${field}`;

  async function onSubmit(values: TransitionFormData) {
    setFormError(null);
    setIsConflict(false);
    const result = await transitionFamilyAction(values);
    if (result.ok) {
      onDone(result.data.status);
      router.refresh();
      return;
    }
    if (result.isSignedOut) {
      const { reason, decisionNumber, decisionDate, arrivalDate } = getValues();
      sessionStorage.setItem(
        draftKeyFor(familyId),
        JSON.stringify({ to, values: { reason, decisionNumber, decisionDate, arrivalDate } }),
      );
      router.push(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    setFormError(result.message);
    // A conflict is the one refusal fixed by looking at the case again; the input stays either way.
    setIsConflict((result.details as { isConflict?: boolean } | undefined)?.isConflict === true);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as Path<TransitionFormInput>, { type: "server", message });
    }
  }

  const actionLabel = t(`workflow.action.${to}`);
  const hint =
    to === "QUOTA_ALLOCATED"
      ? t("workflow.form.quotaHint")
      : QUOTA_HOLDING.includes(from) && (to === "WITHDRAWN" || to === "EXPIRED")
        ? t("workflow.form.releaseHint")
        : null;

  return (
    <form
      id={`workflow-form-${to}`}
      aria-label={actionLabel}
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      className="mt-4 space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4"
    >
      <fieldset disabled={isSubmitting} className="space-y-4">
        <legend className="text-base font-semibold">
          {actionLabel}
          <span className="ml-2 text-sm font-normal text-slate-600">
            {t(`status.${from}`)} → {t(`status.${to}`)}
          </span>
        </legend>
        <div aria-live="assertive" id={id("message")}>
          {formError && (
            <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              <p>{formError}</p>
              {isConflict && (
                <button type="button" className="mt-2 underline" onClick={() => router.refresh()}>
                  {t("workflow.form.reload")}
                </button>
              )}
            </div>
          )}
        </div>
        {hint && <p className="text-sm text-slate-700">{hint}</p>}
        {requires.includes("decision") && (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id={id("decisionNumber")}
              label={t("workflow.form.decisionNumber")}
              error={translate(errors.decisionNumber?.message)}
              autoComplete="off"
              disabled={isSubmitting}
              registration={register("decisionNumber")}
            />
            <TextField
              id={id("decisionDate")}
              type="date"
              label={t("workflow.form.decisionDate")}
              error={translate(errors.decisionDate?.message)}
              disabled={isSubmitting}
              registration={register("decisionDate")}
            />
          </div>
        )}
        {requires.includes("arrivalDate") && (
          <TextField
            id={id("arrivalDate")}
            type="date"
            label={t("workflow.form.arrivalDate")}
            error={translate(errors.arrivalDate?.message)}
            disabled={isSubmitting}
            registration={register("arrivalDate")}
          />
        )}
        {requires.includes("reason") && (
          <div>
            <label htmlFor={id("reason")} className="block text-sm font-medium">
              {t("workflow.form.reason")}
            </label>
            <textarea
              id={id("reason")}
              rows={3}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={`${id("reason")}-hint ${id("reason")}-error`}
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
              disabled={isSubmitting}
              {...register("reason")}
            />
            <p id={`${id("reason")}-hint`} className="mt-1 text-xs text-slate-500">
              {t("workflow.form.reasonHint")}
            </p>
            <p id={`${id("reason")}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
              {translate(errors.reason?.message)}
            </p>
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("workflow.form.submitting") : t("workflow.form.confirm")}
          </Button>
          <Button type="button" variant="secondary" disabled={isSubmitting} onClick={onCancel}>
            {t("workflow.form.cancel")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
