"use client";

import { useTranslations } from "next-intl";
import { reversePaymentAction } from "../actions-lifecycle";
import { ReasonForm } from "./reason-form";

/** The reversal of one payment: a button that opens the reason field; the payment stays listed. */
export function PaymentReversal({
  familyId,
  paymentId,
  label,
}: {
  familyId: number;
  paymentId: number;
  label: string;
}) {
  const t = useTranslations("lifecycle.reversal");
  return (
    <ReasonForm
      fieldId={`reversal-reason-${paymentId}`}
      send={(reason) => reversePaymentAction({ familyId, paymentId, reason })}
      texts={{
        open: t("open"),
        openName: t("openFor", { payment: label }),
        formName: t("formFor", { payment: label }),
        reason: t("reason"),
        submit: t("submit"),
        submitting: t("submitting"),
        done: t("done"),
      }}
      buttonClassName="px-3 py-1"
      formClassName="space-y-2"
    />
  );
}
