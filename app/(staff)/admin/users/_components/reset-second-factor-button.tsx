"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resetSecondFactorAction } from "../actions-second-factor";

/**
 * Resets another person's second factor after a confirmation (for a lost phone or used-up recovery
 * codes): their sessions end and their next sign-in leads to setting up a new one. Not for the
 * administrator's own account.
 */
export function ResetSecondFactorButton({
  userId,
  userLabel,
  hasSecondFactor,
}: {
  userId: number;
  userLabel: string;
  /** Whether there is a factor to reset; after a reset the page says so and this keeps its message. */
  hasSecondFactor: boolean;
}) {
  const t = useTranslations("secondFactor.reset");
  const [isConfirming, setIsConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isPending, startTransition] = useTransition();

  function onReset() {
    setMessage(null);
    startTransition(async () => {
      const result = await resetSecondFactorAction({ userId });
      setIsConfirming(false);
      setMessage(result.ok ? { text: t("done"), isError: false } : { text: result.message, isError: true });
    });
  }

  return (
    <div className="space-y-2">
      {!hasSecondFactor ? null : isConfirming ? (
        <div role="group" aria-label={t("buttonFor", { user: userLabel })} className="space-y-2">
          <p className="text-sm">{t("question", { user: userLabel })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="danger" disabled={isPending} onClick={onReset}>
              {t("confirm")}
            </Button>
            <Button type="button" variant="secondary" disabled={isPending} onClick={() => setIsConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          variant="secondary"
          aria-label={t("buttonFor", { user: userLabel })}
          onClick={() => {
            setMessage(null);
            setIsConfirming(true);
          }}
        >
          {t("button")}
        </Button>
      )}
      <p aria-live="polite" className={`text-sm ${message?.isError ? "text-red-700" : "text-green-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
