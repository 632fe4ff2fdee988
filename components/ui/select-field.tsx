import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldLabel } from "./field-label";

export type SelectOption = { value: string; label: string };

/**
 * A labelled select bound to react-hook-form, with its error linked by aria-describedby; the twin of
 * TextField. With a placeholder, an empty first option stands for "nothing chosen".
 */
export function SelectField({
  id,
  label,
  error,
  disabled,
  registration,
  options,
  placeholder,
  required,
}: {
  id: string;
  label: string;
  /** Already translated message; shown under the field and announced to screen readers. */
  error?: string;
  disabled?: boolean;
  registration: UseFormRegisterReturn;
  options: SelectOption[];
  placeholder?: string;
  /** Marks the field as one the form cannot be sent without (a visible mark and aria-required). */
  required?: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <select
        id={id}
        aria-required={required || undefined}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-600"
        {...registration}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
