"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { useFieldMessage } from "@/components/form-messages";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { checklistKinds, DOCUMENT_CATEGORIES, DOCUMENT_STEPS, SETTINGS, type SettingKey } from "@/lib/domain/settings";
import {
  MAX_REASON_LENGTH,
  REQUIREMENT_LEVELS,
  settingChangeSchema,
  type SettingChange,
  type SettingChangeFormInput,
  type SettingFormValue,
} from "@/lib/validation/settings";
import { scheduleSettingAction } from "../actions";

type Fields = SettingChangeFormInput;

type FieldMessage = { type?: unknown; message?: string };

/** The first message anywhere in an error subtree (the matrix and the role boxes show one for the whole group). */
function firstMessage(error: unknown): FieldMessage | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const own = error as FieldMessage;
  if (typeof own.message === "string" && own.message !== "") return own;
  for (const [key, nested] of Object.entries(error)) {
    if (key === "ref") continue;
    const found = firstMessage(nested);
    if (found) return found;
  }
  return undefined;
}

/** The message of a group's own error (e.g. "unchanged" at `value` of a range), not of its parts. */
function rootMessage(error: unknown): FieldMessage | undefined {
  const own = error as FieldMessage | undefined;
  return typeof own?.message === "string" && own.message !== "" ? own : undefined;
}

/**
 * The form that changes one setting: the value as its kind needs it (a number, a minimum and maximum,
 * attempts within a window, role boxes, or the documents matrix), the day it applies from (today unless
 * changed) and an optional reason. A refusal keeps what was typed and shows the server's words at the
 * fields; a saved change refreshes the page, which lists it as in force or scheduled.
 */
export function SettingForm({
  settingKey,
  initialValue,
  today,
  idPrefix,
  roleOptions = [],
}: {
  settingKey: SettingKey;
  initialValue: SettingFormValue;
  /** Today in Kazakhstan, yyyy-mm-dd: the form's first choice of the day the change applies from. */
  today: string;
  idPrefix: string;
  /** The roles to choose from, translated (role boxes only). */
  roleOptions?: { value: string; label: string }[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const messageOf = useFieldMessage();
  const input = SETTINGS[settingKey].input;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Fields, unknown, SettingChange>({
    resolver: zodResolver(settingChangeSchema),
    defaultValues: { key: settingKey, value: initialValue, effectiveFrom: today, reason: "" },
  });

  const { submit, message } = useActionForm({
    setError,
    action: scheduleSettingAction,
    onSuccess: ({ effectiveFrom }) => {
      router.refresh();
      const date = format.dateTime(new Date(`${effectiveFrom}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
      return t("settings.form.saved", { date });
    },
  });

  const unitName = "unit" in input ? t(`settings.unitName.${input.unit}`) : "";
  const valueErrors = errors.value as FieldErrors | undefined;
  const field = (name: string) => ({ id: `${idPrefix}-${name}`, disabled: isSubmitting });

  return (
    <form
      onSubmit={handleSubmit(submit)}
      noValidate
      aria-labelledby={`${idPrefix}-form`}
      className="mt-3 rounded-md border border-slate-200 p-3"
    >
      <h4 id={`${idPrefix}-form`} className="font-medium">
        {t("settings.form.legend")}
      </h4>
      <div className="mt-2 flex flex-wrap items-start gap-3">
        {input.kind === "number" && (
          <TextField
            {...field("value")}
            className="w-56"
            inputMode="numeric"
            label={t("settings.form.newValue", { unit: unitName })}
            error={messageOf(rootMessage(errors.value))}
            registration={register("value")}
          />
        )}
        {input.kind === "range" && (
          <>
            <TextField
              {...field("min")}
              className="w-48"
              inputMode="numeric"
              label={t("settings.form.minimum", { unit: unitName })}
              error={messageOf(valueErrors?.min)}
              registration={register("value.min")}
            />
            <TextField
              {...field("max")}
              className="w-48"
              inputMode="numeric"
              label={t("settings.form.maximum", { unit: unitName })}
              error={messageOf(valueErrors?.max ?? rootMessage(errors.value))}
              registration={register("value.max")}
            />
          </>
        )}
        {input.kind === "limit" && (
          <>
            <TextField
              {...field("attempts")}
              className="w-40"
              inputMode="numeric"
              label={t("settings.form.attempts")}
              error={messageOf(valueErrors?.attempts ?? rootMessage(errors.value))}
              registration={register("value.attempts")}
            />
            <TextField
              {...field("window")}
              className="w-40"
              inputMode="numeric"
              label={t("settings.form.window")}
              error={messageOf(valueErrors?.windowMinutes)}
              registration={register("value.windowMinutes")}
            />
          </>
        )}
        {input.kind === "roles" && (
          <RoleBoxes
            idPrefix={idPrefix}
            options={roleOptions}
            register={register}
            disabled={isSubmitting}
            error={messageOf(firstMessage(errors.value))}
          />
        )}
      </div>
      {input.kind === "documents" && (
        <DocumentsMatrix
          idPrefix={idPrefix}
          register={register}
          disabled={isSubmitting}
          error={messageOf(firstMessage(errors.value))}
        />
      )}
      <div className="mt-2 flex flex-wrap items-start gap-3">
        <TextField
          {...field("effectiveFrom")}
          type="date"
          min={today}
          className="w-48"
          label={t("settings.form.effectiveFrom")}
          error={messageOf(errors.effectiveFrom)}
          registration={register("effectiveFrom")}
        />
        <TextField
          {...field("reason")}
          className="min-w-72 flex-1"
          maxLength={MAX_REASON_LENGTH}
          label={t("settings.form.reason")}
          error={messageOf(errors.reason)}
          registration={register("reason")}
        />
      </div>
      <SubmitRow
        label={t("settings.form.submit")}
        busyLabel={t("settings.form.submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}

/** One box per role; the checked ones are the value. */
function RoleBoxes({
  idPrefix,
  options,
  register,
  disabled,
  error,
}: {
  idPrefix: string;
  options: { value: string; label: string }[];
  register: UseFormRegister<Fields>;
  disabled: boolean;
  error: string | undefined;
}) {
  const t = useTranslations();
  const errorId = `${idPrefix}-roles-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium">{t("settings.form.roles")}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={option.value} disabled={disabled} {...register("value")} />
            {option.label}
          </label>
        ))}
      </div>
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700">
        {error}
      </p>
    </fieldset>
  );
}

/** Per category, a table of the checklist's documents by step, each cell choosing what is required. */
function DocumentsMatrix({
  idPrefix,
  register,
  disabled,
  error,
}: {
  idPrefix: string;
  register: UseFormRegister<Fields>;
  disabled: boolean;
  error: string | undefined;
}) {
  const t = useTranslations();
  const errorId = `${idPrefix}-documents-error`;
  return (
    <div aria-describedby={error ? errorId : undefined} className="mt-2 space-y-3">
      {DOCUMENT_CATEGORIES.map((category) => (
        <table key={category} className="w-full text-sm">
          <caption className="text-left font-medium">
            {t("settings.form.documentsCaption", { category: t(`category.${category}`) })}
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="px-2 py-1">
                {t("settings.form.document")}
              </th>
              {DOCUMENT_STEPS.map((step) => (
                <th key={step} scope="col" className="px-2 py-1">
                  {t(`settings.step.${step}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {checklistKinds(category).map((kind) => {
              const documentName = t(`casefile.documents.kind.${kind}`);
              return (
                <tr key={kind} className="border-b border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {documentName}
                  </th>
                  {DOCUMENT_STEPS.map((step) => (
                    <td key={step} className="px-2 py-1">
                      <select
                        aria-label={t("settings.form.cellLabel", {
                          document: documentName,
                          step: t(`settings.step.${step}`),
                          category: t(`category.${category}`),
                        })}
                        disabled={disabled}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1"
                        {...register(`value.${category}.${step}.${kind}`)}
                      >
                        {REQUIREMENT_LEVELS.map((level) => (
                          <option key={level} value={level}>
                            {t(`settings.level.${level}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
