"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage } from "@/components/form-messages";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { recoveryCodesRenewSchema, type SignInCodeInput } from "@/lib/validation/second-factor";
import { renewRecoveryCodesAction } from "../actions";
import { RecoveryCodes } from "./recovery-codes";

/** New recovery codes against a current code of the app; the new codes are shown once, the old stop working. */
export function RenewRecoveryCodesForm({ email }: { email: string }) {
  const t = useTranslations("secondFactor.page");
  const router = useRouter();
  const messageOf = useFieldMessage();
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SignInCodeInput>({ resolver: zodResolver(recoveryCodesRenewSchema), defaultValues: { code: "" } });
  const { submit, message } = useActionForm({
    setError,
    action: renewRecoveryCodesAction,
    onSuccess: ({ recoveryCodes }) => {
      reset();
      setCodes(recoveryCodes);
    },
  });

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        email={email}
        onSaved={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );

  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-labelledby="renew-codes" className="space-y-3">
      <h2 id="renew-codes" className="text-lg font-semibold">
        {t("renewTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("renewIntro")}</p>
      <TextField
        id="renew-code"
        label={t("code")}
        autoComplete="one-time-code"
        inputMode="numeric"
        className="max-w-xs"
        error={messageOf(errors.code)}
        disabled={isSubmitting}
        registration={register("code")}
      />
      <SubmitRow label={t("renew")} busyLabel={t("renewing")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
