"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useIsHydrated } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { LOGIN_ERROR } from "@/lib/auth/login-errors";
import { loginSchema, type LoginInput } from "@/lib/validation/login";
import { SecondFactorStep } from "./second-factor-step";

/**
 * E-mail and password; for an account with a second factor the server answers with a sealed challenge
 * instead of a session, and the form is replaced by the code step (docs/decisions/016-second-factor.md).
 * The password is cleared then: the code step sends only the challenge and the code.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [challenge, setChallenge] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (challenge)
    return (
      <SecondFactorStep
        challenge={challenge}
        callbackUrl={callbackUrl}
        onRestart={(message) => {
          setNotice(message);
          setChallenge(null);
        }}
      />
    );
  return <PasswordStep callbackUrl={callbackUrl} notice={notice} onSecondFactor={setChallenge} />;
}

function PasswordStep({
  callbackUrl,
  notice,
  onSecondFactor,
}: {
  callbackUrl: string;
  /** Why the form is shown again (the code step took too long), until the next attempt. */
  notice: string | null;
  onSecondFactor: (challenge: string) => void;
}) {
  const t = useTranslations("login");
  const tv = useTranslations("validation");
  const [formError, setFormError] = useState<string | null>(notice);
  // Until React has hydrated, a click would submit the bare HTML form and lose the sign-in.
  const isHydrated = useIsHydrated();
  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: LoginInput) {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the shell with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    const error = result?.error ?? "";
    if (error.startsWith(LOGIN_ERROR.secondFactorPrefix)) {
      resetField("password");
      onSecondFactor(error.slice(LOGIN_ERROR.secondFactorPrefix.length));
      return;
    }
    setFormError(
      error.startsWith(LOGIN_ERROR.throttledPrefix)
        ? t("throttled", { minutes: Number(error.slice(LOGIN_ERROR.throttledPrefix.length)) || 15 })
        : error === LOGIN_ERROR.deactivated
          ? t("reason.deactivated")
          : t("invalid"),
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="mt-6 space-y-4" method="post">
      <div aria-live="assertive" id="login-error">
        {formError && <p className="rounded-md bg-red-50 p-3 text-sm text-red-800">{formError}</p>}
      </div>
      <TextField
        id="email"
        type="email"
        autoComplete="username"
        label={t("email")}
        error={errors.email?.message && tv(errors.email.message)}
        disabled={isSubmitting}
        registration={register("email")}
      />
      <TextField
        id="password"
        type="password"
        autoComplete="current-password"
        label={t("password")}
        error={errors.password?.message && tv(errors.password.message)}
        disabled={isSubmitting}
        registration={register("password")}
      />
      <Button type="submit" disabled={!isHydrated || isSubmitting} className="w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
