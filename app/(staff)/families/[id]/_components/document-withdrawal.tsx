"use client";

import { useTranslations } from "next-intl";
import { withdrawDocumentFileAction } from "../actions-lifecycle";
import { ReasonForm } from "./reason-form";

/** The withdrawal of one file: a button that opens the reason field; the file stays listed as withdrawn. */
export function DocumentWithdrawal({
  familyId,
  fileId,
  fileName,
}: {
  familyId: number;
  fileId: number;
  fileName: string;
}) {
  const t = useTranslations("casePage.withdrawal");
  return (
    <ReasonForm
      fieldId={`withdrawal-reason-${fileId}`}
      send={(reason) => withdrawDocumentFileAction({ familyId, fileId, reason })}
      texts={{
        open: t("withdraw"),
        openName: t("withdrawFile", { name: fileName }),
        formName: t("withdrawFile", { name: fileName }),
        reason: t("reason", { name: fileName }),
        submit: t("confirm"),
        submitting: t("submitting"),
        done: t("done"),
      }}
      buttonClassName="mt-1 px-2 py-0.5 text-xs"
      formClassName="mt-1 space-y-2"
    />
  );
}
