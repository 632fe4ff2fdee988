"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { activationSchema, type ActivationInput } from "@/lib/validation/password";
import { activateAccountAction } from "../actions";

/**
 * The new password, twice, checked in the browser by the same schema as on the server (which also checks
 * the e-mail's name: this page does not show the e-mail, so a leaked link does not tell anyone the login).
 * Success leads to the sign-in page; a link that stopped working meanwhile shows the invalid-link text.
 */
export function ActivationForm({ token, names }: { token: string; names: string[] }) {
  const t = useTranslations();
  const router = useRouter();
  const messageOf = useFieldMessage();
  const isHydrated = useIsHydrated();
  const [schema] = useState(() => activationSchema({ personalWords: names }));
  const [isLinkInvalid, setIsLinkInvalid] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ActivationInput>({
    resolver: zodResolver(schema),
    defaultValues: { token, password: "", confirmation: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: activateAccountAction,
    onSuccess: () => router.push("/login?notice=passwordSet"),
    onFailure: ({ details }) =>
      setIsLinkInvalid((details as { isLinkInvalid?: boolean } | undefined)?.isLinkInvalid === true),
  });

  if (isLinkInvalid) {
    return (
      <p role="alert" className="mt-6 rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t("activation.invalid")}
      </p>
    );
  }

  const isLocked = !isHydrated || isSubmitting;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-6 space-y-4">
      <p id="password-rules" className="text-sm text-slate-600">
        {t("account.password.rules")}
      </p>
      <TextField
        id="new-password"
        type="password"
        autoComplete="new-password"
        label={t("account.password.new")}
        aria-describedby={errors.password ? "new-password-error password-rules" : "password-rules"}
        error={messageOf(errors.password)}
        disabled={isLocked}
        registration={register("password")}
      />
      <TextField
        id="new-password-repeat"
        type="password"
        autoComplete="new-password"
        label={t("account.password.repeat")}
        error={messageOf(errors.confirmation)}
        disabled={isLocked}
        registration={register("confirmation")}
      />
      <SubmitRow
        label={t("activation.submit")}
        busyLabel={t("activation.submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}
