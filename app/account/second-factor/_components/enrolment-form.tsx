"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage } from "@/components/form-messages";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { enrolmentConfirmSchema, type EnrolmentConfirmInput } from "@/lib/validation/second-factor";
import { confirmEnrolmentAction } from "../actions";
import { RecoveryCodes } from "./recovery-codes";

/**
 * Setting up the second factor: the key as a QR code and as text, a code of the app to confirm it, then
 * the recovery codes. `offer` is the key sealed by the server, sent back with the code.
 */
export function EnrolmentForm({
  offer,
  secret,
  qr,
  email,
}: {
  offer: string;
  secret: string;
  qr: ReactNode;
  email: string;
}) {
  const t = useTranslations("secondFactor.page");
  const router = useRouter();
  const messageOf = useFieldMessage();
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EnrolmentConfirmInput>({
    resolver: zodResolver(enrolmentConfirmSchema),
    defaultValues: { offer, code: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: confirmEnrolmentAction,
    onSuccess: ({ recoveryCodes }) => setCodes(recoveryCodes),
  });

  // The server lets the person in now that the factor is on.
  if (codes) return <RecoveryCodes codes={codes} email={email} onSaved={() => router.push("/")} />;

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="space-y-4">
      <p className="text-sm">{t("scan")}</p>
      <div className="w-56">{qr}</div>
      <div>
        <p className="text-sm text-slate-700">{t("manualKey")}</p>
        <label htmlFor="totp-key" className="mt-2 block text-sm font-medium">
          {t("key")}
        </label>
        <input
          id="totp-key"
          readOnly
          value={secret.replace(/(.{4})(?=.)/g, "$1 ")}
          className="mt-1 w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono"
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="mt-1 text-xs text-slate-600">{t("newKeyNote")}</p>
      </div>
      <input type="hidden" {...register("offer")} />
      <p className="text-sm">{t("confirmStep")}</p>
      <TextField
        id="enrolment-code"
        label={t("code")}
        autoComplete="one-time-code"
        inputMode="numeric"
        className="max-w-xs"
        error={messageOf(errors.code)}
        disabled={isSubmitting}
        registration={register("code")}
      />
      <SubmitRow label={t("confirm")} busyLabel={t("confirming")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
