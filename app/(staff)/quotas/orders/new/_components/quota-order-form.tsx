"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { QUOTA_POOLS, type QuotaPlaces, type QuotaPool } from "@/lib/domain/quota";
import {
  poolTotals,
  quotaOrderGrid,
  quotaOrderSchema,
  type QuotaOrderFormData,
  type QuotaOrderFormInput,
} from "@/lib/validation/quota-order";
import { createQuotaOrderAction } from "../../../actions";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { OrderHeaderFields } from "../../../_components/order-header-fields";

type RegionOption = { id: string; name: string };

/**
 * A year's original order: header and a grid of every target region × pool, with live totals per pool.
 * The values go to the server as typed, so the server's field errors name the same grid cells
 * (places.<index>.total, index = region's row × pools + pool, the order of quotaOrderGrid). A refusal
 * keeps the input; success opens the year's quotas.
 */
export function QuotaOrderForm({
  defaultYear,
  today,
  regions,
  poolLabels,
  previous,
}: {
  defaultYear: number;
  today: string;
  regions: RegionOption[];
  poolLabels: Record<QuotaPool, string>;
  /** The quotas of the year before `defaultYear`, offered as a starting point when there are any. */
  previous: { year: number; places: QuotaPlaces[] } | null;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const messageOf = useFieldMessage();
  const isHydrated = useIsHydrated();
  // The year of a refusal because that year has an order already: its quotas are linked beside the message.
  const [existingYear, setExistingYear] = useState<number | undefined>(undefined);
  const regionIds = regions.map((region) => region.id);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<QuotaOrderFormInput, unknown, QuotaOrderFormData>({
    resolver: zodResolver(quotaOrderSchema),
    defaultValues: { year: defaultYear, reference: "", orderDate: today, note: "", places: quotaOrderGrid(regionIds) },
  });
  const lines = useWatch({ control, name: "places" });
  const totals = poolTotals(lines);
  const isLocked = !isHydrated || isSubmitting;
  const { submit, message, setMessage } = useActionForm({
    setError,
    // The values go as typed (see above), not as the resolver's output.
    action: () => createQuotaOrderAction(getValues()),
    onSuccess: ({ year }) => {
      router.push(`/quotas?year=${year}`);
      router.refresh();
    },
    onFailure: ({ details }) => setExistingYear((details as { existingYear?: number } | undefined)?.existingYear),
  });

  function copyPrevious() {
    if (!previous) return;
    quotaOrderGrid(regionIds, previous.places).forEach((line, index) => {
      setValue(`places.${index}.total`, line.total, { shouldDirty: true, shouldValidate: errors.places !== undefined });
    });
    setMessage({ text: t("quotas.order.copied", { year: previous.year }), isError: false });
  }

  const gridError = messageOf(errors.places?.root ?? (errors.places as FieldError | undefined));

  return (
    <form
      onSubmit={handleSubmit(submit, () => setMessage(null))}
      noValidate
      aria-label={t("quotas.order.title")}
      className="mt-4 space-y-4 rounded-lg bg-white p-4 shadow-sm"
    >
      <OrderHeaderFields idPrefix="order" register={register} errors={errors} disabled={isLocked}>
        <TextField
          id="order-year"
          type="number"
          inputMode="numeric"
          label={t("quotas.order.year")}
          error={messageOf(errors.year)}
          disabled={isLocked}
          registration={register("year")}
        />
      </OrderHeaderFields>

      {previous && (
        <Button type="button" variant="secondary" disabled={isLocked} onClick={copyPrevious}>
          {t("quotas.order.copy", { year: previous.year })}
        </Button>
      )}

      <div className="overflow-x-auto">
        <table
          className="w-full max-w-2xl border-collapse text-sm"
          aria-describedby={gridError ? "order-grid-error" : undefined}
        >
          <caption className="py-2 text-left font-medium">{t("quotas.order.gridCaption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("quotas.order.region")}
              </th>
              {QUOTA_POOLS.map((pool) => (
                <th key={pool} scope="col" id={`order-col-${pool}`} className="px-3 py-2 text-right">
                  {poolLabels[pool]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((region, row) => (
              <tr key={region.id} className="border-t border-slate-200 align-top">
                <th scope="row" id={`order-row-${region.id}`} className="px-3 py-2 text-left font-normal">
                  {region.name}
                </th>
                {QUOTA_POOLS.map((pool, column) => {
                  const index = row * QUOTA_POOLS.length + column;
                  const line = errors.places?.[index];
                  const error = messageOf(line?.total ?? line?.regionId ?? line?.pool);
                  const id = `places-${index}-total`;
                  return (
                    <td key={pool} className="px-3 py-1 text-right">
                      <input
                        id={id}
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        aria-labelledby={`order-row-${region.id} order-col-${pool}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        disabled={isLocked}
                        className="w-28 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums aria-invalid:border-red-600"
                        {...register(`places.${index}.total`)}
                      />
                      {error && (
                        <p id={`${id}-error`} aria-live="polite" className="mt-1 text-left text-xs text-red-700">
                          {error}
                        </p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 font-semibold">
              <th scope="row" className="px-3 py-2 text-left">
                {t("quotas.order.total")}
              </th>
              {QUOTA_POOLS.map((pool) => (
                <td key={pool} className="px-3 py-2 text-right tabular-nums" data-testid={`order-total-${pool}`}>
                  {format.number(totals[pool])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
        <p id="order-grid-error" aria-live="polite" className="mt-1 text-sm text-red-700">
          {gridError}
        </p>
      </div>

      <SubmitRow
        label={t("quotas.order.submit")}
        busyLabel={t("quotas.order.submitting")}
        isSubmitting={isSubmitting}
        message={message}
      >
        {message?.isError && existingYear !== undefined && (
          <>
            {" "}
            <Link href={`/quotas?year=${existingYear}`} className="font-medium underline">
              {t("quotas.order.openQuotas", { year: existingYear })}
            </Link>
          </>
        )}
      </SubmitRow>
    </form>
  );
}
