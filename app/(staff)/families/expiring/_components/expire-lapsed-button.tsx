"use client";

import { useTranslations } from "next-intl";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { Button } from "@/components/ui/button";
import { expireLapsedStatusesAction } from "../actions";

/** Expires, in one go, every kandas status of the scope whose last valid day has passed before arrival. */
export function ExpireLapsedButton() {
  const t = useTranslations("lifecycle.expireLapsed");
  const { busy, message, run } = useButtonAction();
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="danger"
        disabled={busy !== null}
        onClick={() =>
          run(
            "expire",
            () => expireLapsedStatusesAction({}),
            ({ count }) => t("done", { count }),
          )
        }
      >
        {busy ? t("running") : t("run")}
      </Button>
      <ActionMessage message={message} testId="expire-lapsed-message" />
    </div>
  );
}
