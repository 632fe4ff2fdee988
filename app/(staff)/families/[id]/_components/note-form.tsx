"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { noteSchema } from "@/lib/validation/case-file";
import { addNoteAction } from "../actions-case-file";

type NoteValues = z.input<typeof noteSchema>;

/** Adds a free-text note; the page shows notes as plain text, never as markup. */
export function NoteForm({ familyId }: { familyId: number }) {
  const t = useTranslations("casefile.notes");
  const messageOf = useFieldMessage();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NoteValues, unknown, z.output<typeof noteSchema>>({
    resolver: zodResolver(noteSchema),
    defaultValues: { familyId, body: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: addNoteAction,
    onSuccess: () => {
      reset({ familyId, body: "" });
      return t("added");
    },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 space-y-2">
      <TextAreaField
        id="note-body"
        label={t("body")}
        rows={3}
        maxLength={4000}
        disabled={isSubmitting}
        error={messageOf(errors.body)}
        registration={register("body")}
      />
      <SubmitRow label={t("add")} busyLabel={t("adding")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
