"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import type { ActionResult } from "@/lib/actions/action";
import { correctionReason } from "@/lib/validation/lifecycle";

const reasonSchema = z.object({ reason: correctionReason });

/**
 * A correction of something recorded (a payment reversed, a file withdrawn): a button that opens one
 * reason field, then the action. What is corrected stays listed; `send` adds its ids to the reason.
 */
export function ReasonForm({
  fieldId,
  send,
  texts,
  buttonClassName,
  formClassName,
}: {
  fieldId: string;
  send: (reason: string) => Promise<ActionResult<unknown>>;
  texts: {
    open: string;
    openName: string;
    formName: string;
    reason: string;
    submit: string;
    submitting: string;
    done: string;
  };
  buttonClassName: string;
  formClassName: string;
}) {
  const messageOf = useFieldMessage();
  const [isOpen, setIsOpen] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof reasonSchema>, unknown, z.output<typeof reasonSchema>>({
    resolver: zodResolver(reasonSchema),
    defaultValues: { reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: ({ reason }: z.output<typeof reasonSchema>) => send(reason),
    onSuccess: () => texts.done,
  });

  if (!isOpen)
    return (
      <Button
        type="button"
        variant="secondary"
        className={buttonClassName}
        onClick={() => setIsOpen(true)}
        aria-label={texts.openName}
      >
        {texts.open}
      </Button>
    );
  return (
    <form onSubmit={handleSubmit(submit)} noValidate className={formClassName} aria-label={texts.formName}>
      <TextField
        id={fieldId}
        label={texts.reason}
        maxLength={1000}
        error={messageOf(errors.reason)}
        disabled={isSubmitting}
        registration={register("reason")}
      />
      <SubmitRow label={texts.submit} busyLabel={texts.submitting} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
