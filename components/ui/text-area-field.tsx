import type { TextareaHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldLabel } from "./field-label";

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  id: string;
  label: string;
  /** Already translated message; shown under the field and announced to screen readers. */
  error?: string;
  /** A standing explanation under the field, linked like the error. */
  hint?: string;
  registration: UseFormRegisterReturn;
  /** Marks the field as one the form cannot be sent without (a visible mark and aria-required). */
  required?: boolean;
};

/** A labelled textarea bound to react-hook-form, with its hint and error linked by aria-describedby. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  registration,
  required,
  className = "",
  ...textareaProps
}: TextAreaFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <textarea
        id={id}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        {...textareaProps}
        {...registration}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
