"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { ownPasswordSchema, type OwnPasswordInput } from "@/lib/validation/password";
import { changeOwnPasswordAction } from "../actions";

const EMPTY: OwnPasswordInput = { currentPassword: "", password: "", confirmation: "" };

/** The own password: the current one, then the new one twice, checked by the same rules as on the server. */
export function OwnPasswordForm({ email, names }: { email: string; names: string[] }) {
  const t = useTranslations("account.password");
  const messageOf = useFieldMessage();
  const isHydrated = useIsHydrated();
  const [schema] = useState(() => ownPasswordSchema({ email, personalWords: names }));
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<OwnPasswordInput>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const { submit, message } = useActionForm({
    setError,
    action: changeOwnPasswordAction,
    onSuccess: () => {
      reset(EMPTY);
      return t("changed");
    },
  });

  const isLocked = !isHydrated || isSubmitting;
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 max-w-md space-y-4">
      <TextField
        id="current-password"
        type="password"
        autoComplete="current-password"
        label={t("current")}
        error={messageOf(errors.currentPassword)}
        disabled={isLocked}
        registration={register("currentPassword")}
      />
      <p id="own-password-rules" className="text-sm text-slate-600">
        {t("rules")}
      </p>
      <TextField
        id="own-new-password"
        type="password"
        autoComplete="new-password"
        label={t("new")}
        aria-describedby={errors.password ? "own-new-password-error own-password-rules" : "own-password-rules"}
        error={messageOf(errors.password)}
        disabled={isLocked}
        registration={register("password")}
      />
      <TextField
        id="own-new-password-repeat"
        type="password"
        autoComplete="new-password"
        label={t("repeat")}
        error={messageOf(errors.confirmation)}
        disabled={isLocked}
        registration={register("confirmation")}
      />
      <SubmitRow label={t("submit")} busyLabel={t("submitting")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
