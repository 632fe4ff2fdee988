"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/** False until React has hydrated the form: before that a click would submit it natively (a GET). */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * The text of a react-hook-form error. Server messages arrive translated (type "server"); the resolver's
 * are catalogue keys of the lib/validation schemas (bare ones under `validation`).
 */
export function useFieldMessage() {
  const t = useTranslations();
  return (error: { type?: unknown; message?: string } | undefined): string | undefined => {
    if (!error?.message) return undefined;
    if (error.type === "server") return error.message;
    const key = error.message.includes(".") ? error.message : `validation.${error.message}`;
    return t.has(key) ? t(key) : t("validation.invalid");
  };
}
