import type { TextareaHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  id: string;
  label: string;
  /** Already translated message; shown under the field and announced to screen readers. */
  error?: string;
  /** A standing explanation under the field, linked like the error. */
  hint?: string;
  registration: UseFormRegisterReturn;
};

/** A labelled textarea bound to react-hook-form, with its hint and error linked by aria-describedby. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  registration,
  className = "",
  ...textareaProps
}: TextAreaFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
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
