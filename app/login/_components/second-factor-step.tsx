"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { LOGIN_ERROR } from "@/lib/auth/login-errors";
import { signInCodeSchema, signInRecoveryCodeSchema, type SignInCodeInput } from "@/lib/validation/second-factor";

type Mode = "code" | "recoveryCode";

/**
 * The code step of signing in: the 6-digit code of the authenticator app or, behind a link, one of the
 * recovery codes. Each attempt sends the challenge the password step answered with, never the password.
 */
export function SecondFactorStep({
  challenge,
  callbackUrl,
  onRestart,
}: {
  challenge: string;
  callbackUrl: string;
  /** Back to the password step, with the reason to show there (or null when the person chose to). */
  onRestart: (message: string | null) => void;
}) {
  const t = useTranslations("secondFactor.login");
  const [mode, setMode] = useState<Mode>("code");
  return (
    <div className="mt-6 space-y-4">
      <div>
        <h2 className="text-lg font-semibold">{mode === "code" ? t("codeTitle") : t("recoveryTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{mode === "code" ? t("codeHint") : t("recoveryHint")}</p>
      </div>
      <CodeForm key={mode} mode={mode} challenge={challenge} callbackUrl={callbackUrl} onRestart={onRestart} />
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <button
          type="button"
          className="text-brand-700 underline hover:text-brand-900"
          onClick={() => setMode(mode === "code" ? "recoveryCode" : "code")}
        >
          {mode === "code" ? t("useRecoveryCode") : t("useApp")}
        </button>
        <button type="button" className="text-slate-600 underline" onClick={() => onRestart(null)}>
          {t("startOver")}
        </button>
      </div>
    </div>
  );
}

function CodeForm({
  mode,
  challenge,
  callbackUrl,
  onRestart,
}: {
  mode: Mode;
  challenge: string;
  callbackUrl: string;
  onRestart: (message: string) => void;
}) {
  const t = useTranslations("secondFactor.login");
  const tl = useTranslations("login");
  const fieldMessage = useFieldMessage();
  const isHydrated = useIsHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<SignInCodeInput>({
    resolver: zodResolver(mode === "code" ? signInCodeSchema : signInRecoveryCodeSchema),
    defaultValues: { code: "" },
  });
  // Into the field when the step opens and again after a refusal (the field is enabled again by then).
  useEffect(() => setFocus("code"), [formError, setFocus]);

  async function onSubmit({ code }: SignInCodeInput) {
    setFormError(null);
    const result = await signIn("credentials", { challenge, [mode]: code, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const error = result?.error ?? "";
    if (error === LOGIN_ERROR.restart) {
      onRestart(t("restart"));
      return;
    }
    resetField("code");
    setFormError(
      error.startsWith(LOGIN_ERROR.throttledPrefix)
        ? tl("throttled", { minutes: Number(error.slice(LOGIN_ERROR.throttledPrefix.length)) || 15 })
        : mode === "code"
          ? t("wrongCode")
          : t("wrongRecoveryCode"),
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" method="post">
      <div aria-live="assertive">
        {formError && <p className="rounded-md bg-red-50 p-3 text-sm text-red-800">{formError}</p>}
      </div>
      <TextField
        id={mode}
        label={mode === "code" ? t("code") : t("recoveryCode")}
        autoComplete={mode === "code" ? "one-time-code" : "off"}
        inputMode={mode === "code" ? "numeric" : "text"}
        spellCheck={false}
        error={fieldMessage(errors.code)}
        disabled={isSubmitting}
        registration={register("code")}
      />
      <Button type="submit" disabled={!isHydrated || isSubmitting} className="w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
