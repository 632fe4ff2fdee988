"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import {
  deactivationSchema,
  type DeactivationFormValues,
  type DeactivationInput,
} from "@/lib/validation/staff-account";
import { deactivateStaffAction, reactivateStaffAction } from "../../actions";

/**
 * Deactivation in two steps: "deactivate" opens the confirmation, which needs the reason; reactivation
 * is one button (it gives nothing away and clears the reason).
 */
export function AccountStateControls({ userId, isActive }: { userId: number; isActive: boolean }) {
  const t = useTranslations("users.accountState");
  const { busy, message, run } = useButtonAction();
  const [isConfirming, setIsConfirming] = useState(false);

  if (!isActive) {
    return (
      <div className="mt-3 space-y-2">
        <Button
          type="button"
          variant="secondary"
          disabled={busy !== null}
          onClick={() =>
            run(
              "reactivate",
              () => reactivateStaffAction({ userId }),
              () => "",
            )
          }
        >
          {busy ? t("reactivating") : t("reactivate")}
        </Button>
        <ActionMessage message={message} testId="account-state-message" />
      </div>
    );
  }

  return (
    <div className="mt-3 space-y-2">
      <p className="text-sm text-slate-600">{t("deactivateHelp")}</p>
      {isConfirming ? (
        <DeactivationForm userId={userId} onCancel={() => setIsConfirming(false)} />
      ) : (
        <Button type="button" variant="danger" onClick={() => setIsConfirming(true)}>
          {t("deactivate")}
        </Button>
      )}
    </div>
  );
}

function DeactivationForm({ userId, onCancel }: { userId: number; onCancel: () => void }) {
  const t = useTranslations("users.accountState");
  const router = useRouter();
  const messageOf = useFieldMessage();
  const isHydrated = useIsHydrated();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DeactivationFormValues, unknown, DeactivationInput>({
    resolver: zodResolver(deactivationSchema),
    defaultValues: { userId, reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: deactivateStaffAction,
    onSuccess: () => router.refresh(),
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-2">
      <TextAreaField
        id="deactivation-reason"
        label={t("reason")}
        rows={2}
        maxLength={500}
        autoFocus
        error={messageOf(errors.reason)}
        disabled={!isHydrated || isSubmitting}
        registration={register("reason")}
      />
      <SubmitRow label={t("confirm")} busyLabel={t("deactivating")} isSubmitting={isSubmitting} message={message}>
        {" "}
        <button type="button" onClick={onCancel} className="text-brand-700 hover:underline">
          {t("cancel")}
        </button>
      </SubmitRow>
    </form>
  );
}
