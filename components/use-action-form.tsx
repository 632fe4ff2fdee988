"use client";

import { useState, type ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionFailure, ActionResult } from "@/lib/actions/action";
import { useIsHydrated } from "./form-messages";
import { Button } from "./ui/button";
import { useSignInAgain } from "./use-sign-in-again";

/** The outcome of a form's last submission, or a note the form itself shows (e.g. "draft restored"). */
export type FormMessage = { text: string; isError: boolean };

/**
 * Sends a react-hook-form form to its server action and handles the answer the same way in every form:
 * success runs `onSuccess` (its text, if any, becomes the message); a refusal keeps the input, puts the
 * server's field errors under their fields (type "server": already translated) and the refusal in the
 * form's message. The case-file rules name a whole-form problem as the field `form`: that text replaces
 * the generic "correct the highlighted fields". A session that ended shows the refusal, unless the form
 * can park its input (`keepDraft`): then the user is sent to log in and comes back to it.
 *
 * Use `submit` as react-hook-form's valid handler and `onInvalid` as its invalid one:
 * `onSubmit={handleSubmit(submit, onInvalid)}`. Both refusals (the browser's checks and the server's) grow
 * `summaryFocus`, which moves the focus to the form's ErrorSummary (components/ui/error-summary.tsx).
 */
export function useActionForm<TFieldValues extends FieldValues, TValues, TData>({
  setError,
  action,
  onSuccess,
  onFailure,
  keepDraft,
}: {
  setError: UseFormSetError<TFieldValues>;
  action: (values: TValues) => Promise<ActionResult<TData>>;
  onSuccess: (data: TData) => string | void;
  /** For refusals that carry `details` the form shows beside the message (possible duplicates, a conflict…). */
  onFailure?: (failure: ActionFailure) => void;
  keepDraft?: () => void;
}) {
  const signInAgain = useSignInAgain();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const onInvalid = () => setSummaryFocus((count) => count + 1);

  async function submit(values: TValues) {
    setMessage(null);
    const result = await action(values);
    if (result.ok) {
      const text = onSuccess(result.data);
      if (text) setMessage({ text, isError: false });
      return;
    }
    if (result.isSignedOut && keepDraft) {
      keepDraft();
      signInAgain();
      return;
    }
    const { form: formError, ...fieldErrors } = result.fieldErrors ?? {};
    for (const [field, text] of Object.entries(fieldErrors)) {
      setError(field as Path<TFieldValues>, { type: "server", message: text });
    }
    setMessage({ text: formError ?? result.message, isError: true });
    onInvalid();
    onFailure?.(result);
  }

  return { submit, onInvalid, summaryFocus, message, setMessage };
}

/**
 * The submit button and, beside it, the form's message (announced politely; `children` follow its text,
 * e.g. a link). The button says while the form is being sent, and waits for hydration: before it a click
 * would send the form natively, as a GET with the input in the address.
 */
export function SubmitRow({
  label,
  busyLabel,
  isSubmitting,
  message,
  className = "",
  children,
}: {
  label: string;
  busyLabel: string;
  isSubmitting: boolean;
  message: FormMessage | null;
  className?: string;
  children?: ReactNode;
}) {
  const isHydrated = useIsHydrated();
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <Button type="submit" disabled={!isHydrated || isSubmitting}>
        {isSubmitting ? busyLabel : label}
      </Button>
      <p role="status" aria-live="polite" className={`text-sm ${message?.isError ? "text-red-700" : "text-green-700"}`}>
        {message?.text}
        {children}
      </p>
    </div>
  );
}
