"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { noteSchema } from "@/lib/validation/case-file";
import { addNoteAction } from "../actions-case-file";
import { useSchemaMessage } from "./case-file-field-error";

type NoteValues = z.input<typeof noteSchema>;

/** Adds a free-text note; the page shows notes as plain text, never as markup. */
export function NoteForm({ familyId }: { familyId: number }) {
  const t = useTranslations("casefile.notes");
  const message = useSchemaMessage();
  const [formMessage, setFormMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NoteValues, unknown, z.output<typeof noteSchema>>({ resolver: zodResolver(noteSchema), defaultValues: { familyId, body: "" } });

  async function onSubmit(values: z.output<typeof noteSchema>) {
    setFormMessage(null);
    const result = await addNoteAction(values);
    if (result.ok) {
      reset({ familyId, body: "" });
      setFormMessage({ text: t("added"), isError: false });
      return;
    }
    if (result.fieldErrors?.body) setError("body", { type: "server", message: result.fieldErrors.body });
    setFormMessage({ text: result.message, isError: true });
  }

  // Server messages arrive translated; the resolver's are catalogue keys.
  const bodyError = errors.body?.type === "server" ? errors.body.message : message(errors.body?.message);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="mt-3 space-y-2">
      <TextAreaField
        id="note-body"
        label={t("body")}
        rows={3}
        maxLength={4000}
        disabled={isSubmitting}
        error={bodyError}
        registration={register("body")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("adding") : t("add")}
        </Button>
        <p aria-live="polite" className={`text-sm ${formMessage?.isError ? "text-red-700" : "text-green-700"}`}>
          {formMessage?.text}
        </p>
      </div>
    </form>
  );
}
