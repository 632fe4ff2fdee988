"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setUserActiveAction } from "../actions";

export function UserActiveToggle({
  userId,
  isActive,
  userLabel,
}: {
  userId: number;
  isActive: boolean;
  userLabel: string;
}) {
  const t = useTranslations("users");
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function onToggle() {
    setMessage(null);
    startTransition(async () => {
      const result = await setUserActiveAction({ userId, isActive: !isActive });
      if (!result.ok) setMessage(result.message);
    });
  }

  return (
    <div>
      <Button
        type="button"
        variant={isActive ? "danger" : "secondary"}
        disabled={isPending}
        onClick={onToggle}
        aria-label={isActive ? t("deactivateUser", { user: userLabel }) : t("activateUser", { user: userLabel })}
      >
        {isActive ? t("deactivate") : t("activate")}
      </Button>
      <p aria-live="polite" className="mt-1 text-xs text-red-700">
        {message}
      </p>
    </div>
  );
}
