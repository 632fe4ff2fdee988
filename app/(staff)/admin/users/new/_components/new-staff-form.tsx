"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useFieldMessage, useIsHydrated } from "@/components/form-messages";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RequiredNote } from "@/components/ui/field-label";
import type { SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { fieldProblems } from "@/lib/domain/error-summary";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import {
  staffAccountSchema,
  type StaffAccountFormValues,
  type StaffAccountInput,
} from "@/lib/validation/staff-account";
import { createStaffAccountAction, type ShownLink } from "../../actions";
import { AccountLinkNotice } from "../../_components/account-link-notice";
import { RoleRegionFields } from "../../_components/role-region-fields";

/** The id of each field's element and the catalogue key of its label, for the error summary. */
const FIELDS: Record<keyof StaffAccountFormValues, { id: string; label: string }> = {
  fullName: { id: "staff-full-name", label: "users.new.fullName" },
  fullNameLatin: { id: "staff-full-name-latin", label: "users.new.fullNameLatin" },
  email: { id: "staff-email", label: "users.new.email" },
  phone: { id: "staff-phone", label: "users.new.phone" },
  role: { id: "staff-role", label: "users.new.role" },
  regionId: { id: "staff-region", label: "users.new.region" },
};

const EMPTY: StaffAccountFormValues = {
  fullName: "",
  fullNameLatin: "",
  email: "",
  phone: "",
  role: "",
  regionId: "",
};

/**
 * The administrator's form for a new staff account. Once saved, the form gives way to the activation
 * link, shown this once; "add another" starts an empty form.
 */
export function NewStaffForm({ regions }: { regions: SelectOption[] }) {
  const t = useTranslations();
  const messageOf = useFieldMessage();
  const isHydrated = useIsHydrated();
  const [created, setCreated] = useState<{ userId: number; name: string; link: ShownLink } | null>(null);
  // The Latin spelling this form last suggested: a spelling corrected by hand is never overwritten.
  const [lastSuggestion, setLastSuggestion] = useState("");
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setValue,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<StaffAccountFormValues, unknown, StaffAccountInput>({
    resolver: zodResolver(staffAccountSchema),
    defaultValues: EMPTY,
    // The error summary takes the focus after a refused submit, not the first field.
    shouldFocusError: false,
  });
  const role = useWatch({ control, name: "role" });
  const { submit, onInvalid, summaryFocus, message, setMessage } = useActionForm({
    setError,
    // The server parses the form's values with the same schema, so they are sent as typed.
    action: () => createStaffAccountAction(getValues()),
    onSuccess: ({ userId, link }) => setCreated({ userId, name: getValues("fullName").trim(), link }),
  });

  function suggestLatin(cyrillic: string) {
    const current = getValues("fullNameLatin");
    if (current !== "" && current !== lastSuggestion) return;
    const suggestion = transliterateKazakh(cyrillic.trim());
    setLastSuggestion(suggestion);
    setValue("fullNameLatin", suggestion, { shouldDirty: true });
  }

  if (created) {
    return (
      <AccountLinkNotice link={created.link} title={t("users.link.created", { name: created.name })}>
        <div className="mt-4 flex flex-wrap gap-4 text-sm">
          <Link href={`/admin/users/${created.userId}`} className="font-medium text-brand-700 hover:underline">
            {t("users.link.toMember")}
          </Link>
          <button
            type="button"
            className="font-medium text-brand-700 hover:underline"
            onClick={() => {
              reset(EMPTY);
              setLastSuggestion("");
              setMessage(null);
              setCreated(null);
            }}
          >
            {t("users.link.addAnother")}
          </button>
        </div>
      </AccountLinkNotice>
    );
  }

  const isLocked = !isHydrated || isSubmitting;
  const fullName = register("fullName");
  const problems = fieldProblems(errors).map((problem) => {
    const field = FIELDS[problem.path as keyof StaffAccountFormValues] as { id: string; label: string } | undefined;
    return { fieldId: field?.id, label: field && t(field.label), text: messageOf(problem) ?? problem.message };
  });
  return (
    <form
      onSubmit={handleSubmit(submit, onInvalid)}
      noValidate
      className="grid gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2"
    >
      <div className="space-y-3 sm:col-span-2">
        <ErrorSummary problems={problems} focusKey={summaryFocus} />
        <RequiredNote />
      </div>
      <TextField
        id="staff-full-name"
        label={t("users.new.fullName")}
        required
        autoComplete="off"
        error={messageOf(errors.fullName)}
        disabled={isLocked}
        registration={{
          ...fullName,
          onChange: async (event) => {
            await fullName.onChange(event);
            suggestLatin((event.target as HTMLInputElement).value);
          },
        }}
      />
      <div>
        <TextField
          id="staff-full-name-latin"
          label={t("users.new.fullNameLatin")}
          required
          autoComplete="off"
          aria-describedby={errors.fullNameLatin ? "staff-full-name-latin-error staff-latin-hint" : "staff-latin-hint"}
          error={messageOf(errors.fullNameLatin)}
          disabled={isLocked}
          registration={register("fullNameLatin")}
        />
        <p id="staff-latin-hint" className="text-xs text-slate-500">
          {t("users.new.latinHint")}
        </p>
      </div>
      <TextField
        id="staff-email"
        type="email"
        label={t("users.new.email")}
        required
        autoComplete="off"
        error={messageOf(errors.email)}
        disabled={isLocked}
        registration={register("email")}
      />
      <TextField
        id="staff-phone"
        type="tel"
        label={t("users.new.phone")}
        autoComplete="off"
        error={messageOf(errors.phone)}
        disabled={isLocked}
        registration={register("phone")}
      />
      <RoleRegionFields
        idPrefix="staff"
        role={role}
        regions={regions}
        register={register}
        errors={errors}
        disabled={isLocked}
      />
      <SubmitRow
        className="sm:col-span-2"
        label={t("users.new.submit")}
        busyLabel={t("users.new.submitting")}
        isSubmitting={isSubmitting}
        message={message}
      >
        {" "}
        <Link href="/admin/users" className="text-brand-700 hover:underline">
          {t("users.new.cancel")}
        </Link>
      </SubmitRow>
    </form>
  );
}
