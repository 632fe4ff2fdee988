"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useIsHydrated } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { loginSchema, type LoginInput } from "@/lib/validation/login";

// The codes lib/auth/options.ts (LOGIN_ERROR) passes through next-auth as the sign-in error.
const THROTTLED_PREFIX = "throttled:";
const DEACTIVATED = "deactivated";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const tv = useTranslations("validation");
  const [formError, setFormError] = useState<string | null>(null);
  // Until React has hydrated, a click would submit the bare HTML form and lose the sign-in.
  const isHydrated = useIsHydrated();
  const {
    register,
    handleSubmit,
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
    setFormError(
      error.startsWith(THROTTLED_PREFIX)
        ? t("throttled", { minutes: Number(error.slice(THROTTLED_PREFIX.length)) || 15 })
        : error === DEACTIVATED
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
