"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/use-action-form";
import { SETTLEMENT_DOCUMENTS, type CaseStatus, type TransitionRequirement } from "@/lib/domain/case-status";
import { transitionSchema, type TransitionFormData, type TransitionFormInput } from "@/lib/validation/transition";
import { transitionFamilyAction } from "../actions-transition";

type DataFields = Pick<
  TransitionFormInput,
  | "reason"
  | "decisionNumber"
  | "decisionDate"
  | "arrivalDate"
  | "overrideReason"
  | "settlementDocument"
  | "settlementNumber"
  | "settlementDate"
>;
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
  /** The coordinator's override of the checklist, offered when documents required before this step are missing. */
  override?: { label: string; hint: string } | null;
  /** Today in Kazakhstan (yyyy-mm-dd): the default of the decision and document dates. */
  today: string;
  /** Facts for this step translated on the server, such as the places left in the quota. */
  notes?: string[];
  onCancel: () => void;
  onDone: (status: CaseStatus) => void;
};

/** One status change: asks only for the data this step needs, and keeps the input when the server refuses. */
export function TransitionForm({
  familyId,
  version,
  from,
  to,
  requires,
  restored,
  override,
  today,
  notes = [],
  onCancel,
  onDone,
}: Props) {
  const t = useTranslations();
  const router = useRouter();
  const messageOf = useFieldMessage();
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
      decisionDate: requires.includes("decision") ? today : "",
      arrivalDate: "",
      overrideReason: "",
      ...(requires.includes("settlementDocument") && {
        settlementDocument: "CITIZENSHIP" as const,
        settlementNumber: "",
        settlementDate: today,
      }),
      ...restored,
    },
  });

  // The version follows the page: after "show the current case" a retry is checked against what the user now sees.
  useEffect(() => {
    setValue("version", version);
  }, [setValue, version]);

  const id = (field: string) => `workflow-${to}-${field}`;

  const { submit, message } = useActionForm({
    setError,
    action: transitionFamilyAction,
    onSuccess: ({ status }) => {
      onDone(status);
      router.refresh();
    },
    // A conflict is the one refusal fixed by looking at the case again; the input stays either way.
    onFailure: ({ details }) => setIsConflict((details as { isConflict?: boolean } | undefined)?.isConflict === true),
    keepDraft: () => {
      const all = getValues();
      const values: DataFields = {
        reason: all.reason,
        decisionNumber: all.decisionNumber,
        decisionDate: all.decisionDate,
        arrivalDate: all.arrivalDate,
        overrideReason: all.overrideReason,
        settlementDocument: all.settlementDocument,
        settlementNumber: all.settlementNumber,
        settlementDate: all.settlementDate,
      };
      const draft: TransitionDraft = { to, values };
      sessionStorage.setItem(draftKeyFor(familyId), JSON.stringify(draft));
    },
  });

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
      onSubmit={handleSubmit(submit)}
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
          {message && (
            <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              <p>{message.text}</p>
              {isConflict && (
                <button type="button" className="mt-2 underline" onClick={() => router.refresh()}>
                  {t("workflow.form.reload")}
                </button>
              )}
            </div>
          )}
        </div>
        {hint && <p className="text-sm text-slate-700">{hint}</p>}
        {notes.map((note) => (
          <p key={note} className="text-sm font-medium text-slate-800" data-testid="transition-note">
            {note}
          </p>
        ))}
        {requires.includes("decision") && (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id={id("decisionNumber")}
              label={t("workflow.form.decisionNumber")}
              error={messageOf(errors.decisionNumber)}
              autoComplete="off"
              disabled={isSubmitting}
              registration={register("decisionNumber")}
            />
            <TextField
              id={id("decisionDate")}
              type="date"
              label={t("workflow.form.decisionDate")}
              error={messageOf(errors.decisionDate)}
              disabled={isSubmitting}
              registration={register("decisionDate")}
            />
          </div>
        )}
        {requires.includes("settlementDocument") && (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">{t("casePage.settlement.document")}</legend>
            <p className="text-sm text-slate-700">{t("casePage.settlement.hint")}</p>
            <div className="flex flex-wrap gap-4">
              {SETTLEMENT_DOCUMENTS.map((document) => (
                <label key={document} className="flex items-center gap-2 text-sm">
                  <input type="radio" value={document} disabled={isSubmitting} {...register("settlementDocument")} />
                  {t(`casePage.settlement.${document}`)}
                </label>
              ))}
            </div>
            <p className="text-sm text-red-700" aria-live="polite">
              {messageOf(errors.settlementDocument)}
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                id={id("settlementNumber")}
                label={t("casePage.settlement.number")}
                error={messageOf(errors.settlementNumber)}
                autoComplete="off"
                disabled={isSubmitting}
                registration={register("settlementNumber")}
              />
              <TextField
                id={id("settlementDate")}
                type="date"
                max={today}
                label={t("casePage.settlement.date")}
                error={messageOf(errors.settlementDate)}
                disabled={isSubmitting}
                registration={register("settlementDate")}
              />
            </div>
          </fieldset>
        )}
        {requires.includes("arrivalDate") && (
          <TextField
            id={id("arrivalDate")}
            type="date"
            label={t("workflow.form.arrivalDate")}
            error={messageOf(errors.arrivalDate)}
            disabled={isSubmitting}
            registration={register("arrivalDate")}
          />
        )}
        {requires.includes("reason") && (
          <TextAreaField
            id={id("reason")}
            label={t("workflow.form.reason")}
            hint={t("workflow.form.reasonHint")}
            rows={3}
            error={messageOf(errors.reason)}
            disabled={isSubmitting}
            registration={register("reason")}
          />
        )}
        {override && (
          <TextAreaField
            id={id("overrideReason")}
            label={override.label}
            hint={override.hint}
            rows={2}
            error={messageOf(errors.overrideReason)}
            disabled={isSubmitting}
            registration={register("overrideReason")}
          />
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
