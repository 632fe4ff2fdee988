"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionMessage } from "@/components/use-button-action";
import type { FormMessage } from "@/components/use-action-form";
import { useSignInAgain } from "@/components/use-sign-in-again";
import { Button } from "@/components/ui/button";
import { resetStaffPasswordAction, type ShownLink } from "../../actions";
import { AccountLinkNotice } from "../../_components/account-link-notice";

/**
 * "Reset the password" (after a confirmation: it ends the person's password and sessions at once), or
 * for an account still awaiting activation "issue a new link"; the new link is shown once.
 */
export function PasswordLinkControls({
  userId,
  name,
  isPending,
}: {
  userId: number;
  name: string;
  isPending: boolean;
}) {
  const t = useTranslations("users");
  const router = useRouter();
  const signInAgain = useSignInAgain();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [link, setLink] = useState<ShownLink | null>(null);

  async function issue() {
    setIsBusy(true);
    setMessage(null);
    try {
      const result = await resetStaffPasswordAction({ userId });
      if (result.ok) {
        setLink(result.data);
        setIsConfirming(false);
        router.refresh();
      } else if (result.isSignedOut) {
        signInAgain();
      } else {
        setMessage({ text: result.message, isError: true });
      }
    } finally {
      setIsBusy(false);
    }
  }

  if (link) return <AccountLinkNotice link={link} title={t(`link.${link.purpose}`, { name })} />;

  return (
    <div className="mt-3 space-y-3">
      <p className="text-sm text-slate-600">{isPending ? t("security.pendingHelp") : t("security.resetHelp")}</p>
      {isConfirming ? (
        <div role="group" aria-label={t("security.confirmReset", { name })} className="space-y-2">
          <p className="text-sm font-medium">{t("security.confirmReset", { name })}</p>
          <div className="flex gap-2">
            <Button type="button" variant="danger" disabled={isBusy} onClick={issue}>
              {isBusy ? t("security.resetting") : t("security.confirm")}
            </Button>
            <Button type="button" variant="secondary" disabled={isBusy} onClick={() => setIsConfirming(false)}>
              {t("security.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          variant={isPending ? "secondary" : "danger"}
          disabled={isBusy}
          onClick={isPending ? issue : () => setIsConfirming(true)}
        >
          {isPending ? t("security.newLink") : t("security.reset")}
        </Button>
      )}
      <ActionMessage message={message} testId="password-link-message" />
    </div>
  );
}
