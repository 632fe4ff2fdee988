/**
 * The closed list of what can be wrong with an import file, a mapping, a value, a row or a family. Each
 * code has a message `import.problem.<code>` in messages/{kk,ru,en}/import.json; a warning is shown
 * but does not reject the row.
 */
import type { CanonicalColumn } from "./columns";

export const FILE_PROBLEMS = [
  "empty-file",
  "not-text",
  "unknown-encoding",
  "kazakh-letters-lost",
  "no-header-row",
] as const;

export const MAPPING_PROBLEMS = [
  "mapping-required-column-missing",
  "mapping-file-column-used-twice",
  "mapping-unknown-column",
  "mapping-file-column-missing",
] as const;

export const VALUE_PROBLEMS = [
  "required",
  "unstorable-text",
  "date-invalid",
  "sex-unknown",
  "category-unknown",
  "relationship-unknown",
  "education-unknown",
  "status-unknown",
  "region-unknown",
  "region-needs-district",
  "district-unknown",
  "country-unknown",
  "phone-invalid",
  "iin-length",
  "iin-digits",
  "iin-checksum",
  "iin-no-check-digit",
] as const;

export const FAMILY_PROBLEMS = [
  "family-without-head",
  "family-with-several-heads",
  "family-field-differs",
  "family-rows-apart",
  "birth-after-application",
  "decision-before-application",
  "validity-before-decision",
  "arrival-before-application",
  "decision-required",
  "arrival-date-required",
  "iin-repeated-in-file",
  "form-rule",
  "family-rejected-by-other-rows",
] as const;

/** What only the database can tell: the user's scope, and people registered already. */
export const DATABASE_PROBLEMS = ["outside-scope", "iin-registered"] as const;

export const WARNINGS = ["iin-birth-date-mismatch", "iin-sex-mismatch", "iin-leading-zero-restored"] as const;

export type FileProblem = (typeof FILE_PROBLEMS)[number];
export type MappingProblemCode = (typeof MAPPING_PROBLEMS)[number];
export type ValueProblem = (typeof VALUE_PROBLEMS)[number];
export type FamilyProblem = (typeof FAMILY_PROBLEMS)[number];
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number];
export type ImportWarning = (typeof WARNINGS)[number];

export type ImportProblemCode =
  FileProblem | MappingProblemCode | ValueProblem | FamilyProblem | DatabaseProblem | ImportWarning;

/** Every code, in the order of the lists above (the order counts are reported in). */
export const IMPORT_PROBLEM_CODES: readonly ImportProblemCode[] = [
  ...FILE_PROBLEMS,
  ...MAPPING_PROBLEMS,
  ...VALUE_PROBLEMS,
  ...FAMILY_PROBLEMS,
  ...DATABASE_PROBLEMS,
  ...WARNINGS,
];

const WARNING_SET: ReadonlySet<string> = new Set(WARNINGS);

/** Whether the code is a warning (shown, the row is imported) rather than a rejection. */
export function isWarning(code: ImportProblemCode): boolean {
  return WARNING_SET.has(code);
}

/**
 * One problem of one row. `column` is the canonical column it is about (none for a problem of the
 * whole family); `value` is what the file held there, for the message's {value}; `formMessage` is the
 * registration form's own catalogue key for a "form-rule" problem; `rows` lists the other rows
 * concerned (the first row with a repeated IIN, the rows of the heads).
 */
export interface RowProblem {
  code: ImportProblemCode;
  column?: CanonicalColumn;
  value?: string;
  formMessage?: string;
  rows?: readonly number[];
}

/** How many times each code occurs, in the order of IMPORT_PROBLEM_CODES, leaving out codes that do not occur. */
export function countProblems(problems: Iterable<{ code: ImportProblemCode }>): Map<ImportProblemCode, number> {
  const counts = new Map<ImportProblemCode, number>();
  for (const { code } of problems) counts.set(code, (counts.get(code) ?? 0) + 1);
  return new Map(IMPORT_PROBLEM_CODES.flatMap((code) => (counts.has(code) ? [[code, counts.get(code)!]] : [])));
}
