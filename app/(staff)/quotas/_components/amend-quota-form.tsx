"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldError, type FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { QUOTA_POOLS, type QuotaPool } from "@/lib/domain/quota";
import {
  QUOTA_NOTE_MAX_LENGTH,
  QUOTA_REFERENCE_MAX_LENGTH,
  quotaAmendmentSchema,
  type QuotaAmendmentFormData,
  type QuotaAmendmentFormInput,
} from "@/lib/validation/quota-order";
import { amendQuotaAction } from "../actions";

type RegionOption = { id: string; name: string };

/** The administrator's amendment of one region's quota; a refusal keeps the input and names the figures. */
export function AmendQuotaForm({ year, today, regions, poolLabels }: { year: number; today: string; regions: RegionOption[]; poolLabels: Record<QuotaPool, string> }) {
  const t = useTranslations();
  const [formMessage, setFormMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const empty: QuotaAmendmentFormInput = { year, reference: "", orderDate: today, note: "", changes: [{ regionId: "", pool: "KANDAS", total: "" }] };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<QuotaAmendmentFormInput, unknown, QuotaAmendmentFormData>({ resolver: zodResolver(quotaAmendmentSchema), defaultValues: empty });

  async function onSubmit(values: QuotaAmendmentFormData) {
    setFormMessage(null);
    const result = await amendQuotaAction(values);
    if (result.ok) {
      const [change] = result.data.changes;
      reset({ ...getValues(), reference: "", note: "", changes: [{ regionId: "", pool: "KANDAS", total: "" }] });
      if (change) {
        const region = regions.find((option) => option.id === change.regionId)?.name ?? change.regionId;
        setFormMessage({ text: t("quotas.amend.done", { region, pool: poolLabels[change.pool], from: change.oldTotal, to: change.newTotal }), isError: false });
      }
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      setError(field as FieldPath<QuotaAmendmentFormInput>, { type: "server", message: text });
    }
    setFormMessage({ text: result.message, isError: true });
  }

  // Server messages arrive translated; the resolver's are catalogue keys (bare ones under `validation`).
  const messageOf = (error: { type?: unknown; message?: string } | undefined) => {
    if (!error?.message) return undefined;
    if (error.type === "server") return error.message;
    const key = error.message.includes(".") ? error.message : `validation.${error.message}`;
    return t.has(key) ? t(key) : t("validation.invalid");
  };
  const line = errors.changes?.[0];
  const regionError = messageOf(line?.regionId) ?? messageOf(errors.changes?.root ?? (errors.changes as FieldError | undefined));
  const poolError = messageOf(line?.pool);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="amend-quota" className="mt-4 space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="amend-quota" className="text-lg font-semibold">
        {t("quotas.amend.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("quotas.amend.intro", { year })}</p>
      <input type="hidden" {...register("year")} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          id="amend-region"
          label={t("quotas.amend.region")}
          error={regionError}
          disabled={isSubmitting}
          registration={register("changes.0.regionId")}
          options={regions.map((region) => ({ value: region.id, label: region.name }))}
          placeholder={t("quotas.amend.chooseRegion")}
        />
        <SelectField
          id="amend-pool"
          label={t("quotas.amend.pool")}
          error={poolError}
          disabled={isSubmitting}
          registration={register("changes.0.pool")}
          options={QUOTA_POOLS.map((pool) => ({ value: pool, label: poolLabels[pool] }))}
        />
        <TextField
          id="amend-total"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          label={t("quotas.amend.total")}
          error={messageOf(line?.total)}
          disabled={isSubmitting}
          registration={register("changes.0.total")}
        />
        <TextField
          id="amend-reference"
          label={t("quotas.amend.reference")}
          maxLength={QUOTA_REFERENCE_MAX_LENGTH}
          error={messageOf(errors.reference)}
          disabled={isSubmitting}
          registration={register("reference")}
        />
        <TextField
          id="amend-date"
          type="date"
          label={t("quotas.amend.orderDate")}
          error={messageOf(errors.orderDate)}
          disabled={isSubmitting}
          registration={register("orderDate")}
        />
      </div>
      <TextAreaField
        id="amend-note"
        label={t("quotas.amend.note")}
        rows={2}
        maxLength={QUOTA_NOTE_MAX_LENGTH}
        disabled={isSubmitting}
        error={messageOf(errors.note)}
        registration={register("note")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("quotas.amend.submitting") : t("quotas.amend.submit")}
        </Button>
        <p role="status" aria-live="polite" className={`text-sm ${formMessage?.isError ? "text-red-700" : "text-green-700"}`}>
          {formMessage?.text}
        </p>
      </div>
    </form>
  );
}
