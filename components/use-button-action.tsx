"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import type { FormMessage } from "./use-action-form";
import { useSignInAgain } from "./use-sign-in-again";

/**
 * Runs one server action at a time from a button (no form fields to keep): remembers which button is busy, shows the outcome
 * (translated by the server on refusal; on success the text `done` returns, if any) and refreshes the page on success. A session that ended sends
 * the user to log in and back to this page.
 */
export function useButtonAction() {
  const router = useRouter();
  const signInAgain = useSignInAgain();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);

  async function run<T>(key: string, call: () => Promise<ActionResult<T>>, done: (data: T) => string | void) {
    setBusy(key);
    setMessage(null);
    try {
      const result = await call();
      if (result.ok) {
        const text = done(result.data);
        if (text) setMessage({ text, isError: false });
        router.refresh();
      } else if (result.isSignedOut) {
        signInAgain();
      } else {
        setMessage({ text: result.message, isError: true });
      }
    } finally {
      setBusy(null);
    }
  }

  return { busy, message, run };
}

/** The outcome of the last action, announced to screen readers. */
export function ActionMessage({ message, testId }: { message: FormMessage | null; testId: string }) {
  return (
    <p
      aria-live="polite"
      data-testid={testId}
      className={`text-sm font-medium ${message?.isError ? "text-red-700" : "text-emerald-800"}`}
    >
      {message?.text}
    </p>
  );
}
