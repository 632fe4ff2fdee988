import { useTranslations } from "next-intl";

/**
 * A field's label and, for a required field, its visible mark. The mark sits beside the label, not in it,
 * and is hidden from screen readers, which hear "required" from the field's aria-required: the label's
 * text, and so the field's accessible name, stays the same.
 */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  if (!required) {
    return (
      <label htmlFor={htmlFor} className="block text-sm font-medium">
        {label}
      </label>
    );
  }
  return (
    <div className="flex items-baseline text-sm font-medium">
      <label htmlFor={htmlFor}>{label}</label>
      <span aria-hidden="true" className="ml-0.5 text-red-700">
        *
      </span>
    </div>
  );
}

/** The note at the top of a form that says what the mark means. */
export function RequiredNote() {
  const t = useTranslations("forms");
  return <p className="text-sm text-slate-600">{t("requiredNote")}</p>;
}
