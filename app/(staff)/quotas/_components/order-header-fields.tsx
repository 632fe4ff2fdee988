"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useFieldMessage } from "@/components/form-messages";
import { QUOTA_NOTE_MAX_LENGTH, QUOTA_REFERENCE_MAX_LENGTH } from "@/lib/validation/quota-order";

type HeaderField = "reference" | "orderDate" | "note";

/**
 * The fields every ministry order has (reference, date, note), shared by the amendment form and the
 * year's order form. `children` are the form's own fields, laid out in the same grid before them.
 */
export function OrderHeaderFields({
  idPrefix,
  register,
  errors,
  disabled,
  children,
}: {
  idPrefix: string;
  register: (name: HeaderField) => UseFormRegisterReturn;
  /** The form's react-hook-form errors (only these three fields are read). */
  errors: Partial<Record<HeaderField, FieldError>>;
  disabled: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("quotas.amend");
  const messageOf = useFieldMessage();
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        {children}
        <TextField
          id={`${idPrefix}-reference`}
          label={t("reference")}
          maxLength={QUOTA_REFERENCE_MAX_LENGTH}
          error={messageOf(errors.reference)}
          disabled={disabled}
          registration={register("reference")}
        />
        <TextField
          id={`${idPrefix}-date`}
          type="date"
          label={t("orderDate")}
          error={messageOf(errors.orderDate)}
          disabled={disabled}
          registration={register("orderDate")}
        />
      </div>
      <TextAreaField
        id={`${idPrefix}-note`}
        label={t("note")}
        rows={2}
        maxLength={QUOTA_NOTE_MAX_LENGTH}
        disabled={disabled}
        error={messageOf(errors.note)}
        registration={register("note")}
      />
    </>
  );
}
