"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, type FieldError } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { QUOTA_POOLS, type QuotaPool } from "@/lib/domain/quota";
import {
  quotaAmendmentSchema,
  type QuotaAmendmentFormData,
  type QuotaAmendmentFormInput,
} from "@/lib/validation/quota-order";
import { amendQuotaAction } from "../actions";
import { useFieldMessage } from "@/components/form-messages";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { OrderHeaderFields } from "./order-header-fields";

type RegionOption = { id: string; name: string };

/** The administrator's amendment of one region's quota; a refusal keeps the input and names the figures. */
export function AmendQuotaForm({
  year,
  today,
  regions,
  poolLabels,
}: {
  year: number;
  today: string;
  regions: RegionOption[];
  poolLabels: Record<QuotaPool, string>;
}) {
  const t = useTranslations();
  const messageOf = useFieldMessage();
  const empty: QuotaAmendmentFormInput = {
    year,
    reference: "",
    orderDate: today,
    note: "",
    changes: [{ regionId: "", pool: "KANDAS", total: "" }],
  };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<QuotaAmendmentFormInput, unknown, QuotaAmendmentFormData>({
    resolver: zodResolver(quotaAmendmentSchema),
    defaultValues: empty,
  });

  const { submit, message } = useActionForm({
    setError,
    action: amendQuotaAction,
    onSuccess: ({ changes: [change] }) => {
      reset({ ...getValues(), reference: "", note: "", changes: [{ regionId: "", pool: "KANDAS", total: "" }] });
      if (!change) return;
      const region = regions.find((option) => option.id === change.regionId)?.name ?? change.regionId;
      return t("quotas.amend.done", {
        region,
        pool: poolLabels[change.pool],
        from: change.oldTotal,
        to: change.newTotal,
      });
    },
  });

  const line = errors.changes?.[0];
  const regionError =
    messageOf(line?.regionId) ?? messageOf(errors.changes?.root ?? (errors.changes as FieldError | undefined));
  const poolError = messageOf(line?.pool);

  return (
    <form
      onSubmit={handleSubmit(submit)}
      noValidate
      aria-labelledby="amend-quota"
      className="mt-4 space-y-3 rounded-lg bg-white p-4 shadow-sm"
    >
      <h2 id="amend-quota" className="text-lg font-semibold">
        {t("quotas.amend.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("quotas.amend.intro", { year })}</p>
      <input type="hidden" {...register("year")} />
      <OrderHeaderFields idPrefix="amend" register={register} errors={errors} disabled={isSubmitting}>
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
      </OrderHeaderFields>
      <SubmitRow
        label={t("quotas.amend.submit")}
        busyLabel={t("quotas.amend.submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}
