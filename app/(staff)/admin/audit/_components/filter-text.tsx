/**
 * A text or date input of the audit viewer's GET filter form: a visible label, a hint and the refusal
 * message linked by aria-describedby, the value as it was typed. A refused date is shown in a text
 * input: a date input would drop what it cannot read ("2026-13-45"), and the reader could not see
 * what the message is about.
 */
export function FilterText({
  name,
  label,
  defaultValue,
  error,
  hint,
  type = "text",
  maxLength,
}: {
  name: string;
  label: string;
  defaultValue: string;
  /** Already translated. */
  error?: string;
  hint?: string;
  type?: "text" | "date";
  maxLength?: number;
}) {
  const id = `audit-filter-${name}`;
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={error ? "text" : type}
        defaultValue={defaultValue}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 aria-invalid:border-red-600"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 max-w-64 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
