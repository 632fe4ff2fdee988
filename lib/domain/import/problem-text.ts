/**
 * A rejected row's problems as the sentence the user reads (in the rejected rows' file and on the
 * page): each problem's message `import.problem.<code>` with the cell's value and the rows it names,
 * after the column's name; a rule of the registration form in the form's own words.
 */
import type { RowProblem } from "./problems";

/** A catalogue lookup in the user's language (next-intl's `t` fits). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function problemText(problem: RowProblem, t: Translate): string {
  const text =
    problem.code === "form-rule" && problem.formMessage
      ? t(problem.formMessage)
      : t(`import.problem.${problem.code}`, {
          value: problem.value ?? "",
          rows: (problem.rows ?? []).join(", "),
          column: problem.column ? t(`import.column.${problem.column}`) : "",
        });
  return problem.column ? `${t(`import.column.${problem.column}`)}: ${text}` : text;
}

/** All problems of a row in one cell, in the order they were found. */
export function rowProblemsText(problems: readonly RowProblem[], t: Translate): string {
  return problems.map((problem) => problemText(problem, t)).join("; ");
}
