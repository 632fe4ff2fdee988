"use client";

import { useTranslations } from "next-intl";
import { useFlash } from "@/components/flash";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { Button } from "@/components/ui/button";
import { withdrawSettingAction } from "../actions";

/** Withdraws one scheduled change; the page then lists it in the history as withdrawn. */
export function WithdrawButton({ versionId, dateText }: { versionId: number; dateText: string }) {
  const t = useTranslations();
  const flash = useFlash();
  const { busy, message, run } = useButtonAction();
  const key = String(versionId);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="danger"
        className="px-2 py-1"
        disabled={busy !== null}
        aria-label={t("settings.scheduled.withdrawLabel", { date: dateText })}
        onClick={() =>
          run(
            key,
            () => withdrawSettingAction({ versionId }),
            () => flash(t("settings.scheduled.withdrawn")),
          )
        }
      >
        {busy === key ? t("settings.scheduled.withdrawing") : t("settings.scheduled.withdraw")}
      </Button>
      <ActionMessage message={message} testId={`withdraw-${versionId}-message`} />
    </span>
  );
}
