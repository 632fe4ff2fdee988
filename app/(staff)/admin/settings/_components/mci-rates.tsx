"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useFieldMessage } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { mciRateFormSchema, type MciRateFormData, type MciRateFormInput } from "@/lib/validation/settings";
import { setMciRateAction } from "../actions";

/** A year's MCI; `amount` is formatted on the server (the browser may lack Kazakh number formats). */
export type MciRow = { year: number; amountTenge: number; amount: string; updated: string };

/**
 * The MCI of each year with who changed it last, and one form that sets the MCI of a year: "Edit" puts
 * a year's figures into it, any other year adds one. A refusal keeps what was typed.
 */
export function MciRates({ rows, nextYear }: { rows: MciRow[]; nextYear: number }) {
  const t = useTranslations();
  const router = useRouter();
  const messageOf = useFieldMessage();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<MciRateFormInput, unknown, MciRateFormData>({
    resolver: zodResolver(mciRateFormSchema),
    defaultValues: { year: String(nextYear), amountTenge: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: setMciRateAction,
    onSuccess: ({ year }) => {
      router.refresh();
      return t("settings.mci.saved", { year });
    },
  });

  function onEdit(row: MciRow) {
    setValue("year", String(row.year));
    setValue("amountTenge", String(row.amountTenge));
    setFocus("amountTenge");
  }

  return (
    <>
      <DataTable
        className="mt-3"
        variant="plain"
        caption={t("settings.mci.caption")}
        rows={rows}
        rowKey={(row) => row.year}
        empty={t("settings.mci.empty")}
        columns={[
          { header: t("settings.mci.year"), isRowHeader: true, cell: (row) => row.year },
          { header: t("settings.mci.amount"), isNumeric: true, cell: (row) => row.amount },
          { header: t("settings.mci.updated"), cell: (row) => row.updated },
          {
            header: t("settings.mci.edit"),
            isHeaderHidden: true,
            cell: (row) => (
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-1"
                aria-label={t("settings.mci.editLabel", { year: row.year })}
                onClick={() => onEdit(row)}
              >
                {t("settings.mci.edit")}
              </Button>
            ),
          },
        ]}
      />
      <form
        onSubmit={handleSubmit(submit)}
        noValidate
        aria-labelledby="mci-form"
        className="mt-4 rounded-md border border-slate-200 p-3"
      >
        <h3 id="mci-form" className="font-medium">
          {t("settings.mci.formTitle")}
        </h3>
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <TextField
            id="mci-year"
            className="w-32"
            inputMode="numeric"
            label={t("settings.mci.year")}
            error={messageOf(errors.year)}
            disabled={isSubmitting}
            registration={register("year")}
          />
          <TextField
            id="mci-amount"
            className="w-48"
            inputMode="numeric"
            label={t("settings.mci.amount")}
            error={messageOf(errors.amountTenge)}
            disabled={isSubmitting}
            registration={register("amountTenge")}
          />
        </div>
        <SubmitRow
          label={t("settings.mci.submit")}
          busyLabel={t("settings.mci.submitting")}
          isSubmitting={isSubmitting}
          message={message}
        />
      </form>
    </>
  );
}
