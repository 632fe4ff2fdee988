import type { SelectOption } from "./select-field";

type OptionGroup = { label: string; options: SelectOption[] };

/** Years as options, each labelled by itself. */
export const yearOptions = (years: number[]): SelectOption[] =>
  years.map((year) => ({ value: String(year), label: String(year) }));

/**
 * A select of a GET filter form (no JavaScript needed): its name is the query parameter, its default the
 * value in force. `anyLabel` offers an empty first option, "no filter"; `groups` follow `options`.
 */
export function FilterSelect({
  label,
  name,
  defaultValue,
  options = [],
  groups = [],
  anyLabel,
}: {
  label: string;
  name: string;
  defaultValue: string | number | null | undefined;
  options?: SelectOption[];
  groups?: OptionGroup[];
  anyLabel?: string;
}) {
  const optionList = (list: SelectOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <select
        name={name}
        defaultValue={defaultValue ?? ""}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5"
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {optionList(options)}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {optionList(group.options)}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
