"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFlash } from "@/components/flash";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { withdrawTransferAction } from "../actions";

/** The proposer's button to take back a pending transfer, on /transfers and on the case page. */
export function WithdrawTransfer({ transferId, caseNumber }: { transferId: number; caseNumber: string }) {
  const t = useTranslations("transfers");
  const flash = useFlash();
  const { busy, message, run } = useButtonAction();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={busy !== null}
        onClick={() =>
          run(
            "withdraw",
            () => withdrawTransferAction({ transferId }),
            () => flash(t("withdrawn", { caseNumber })),
          )
        }
      >
        {busy ? t("withdrawing") : t("withdraw", { caseNumber })}
      </Button>
      <ActionMessage message={message} testId={`transfer-withdraw-message-${transferId}`} />
    </div>
  );
}
