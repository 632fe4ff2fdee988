import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldLabel } from "./field-label";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  id: string;
  label: string;
  /** Already translated message; shown under the field and announced to screen readers. */
  error?: string;
  registration: UseFormRegisterReturn;
  /** Marks the field as one the form cannot be sent without (a visible mark and aria-required). */
  required?: boolean;
};

/** A labelled input bound to react-hook-form, with its error linked by aria-describedby. */
export function TextField({ id, label, error, registration, required, className = "", ...inputProps }: TextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <input
        id={id}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        {...inputProps}
        {...registration}
      />
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
