import { describe, expect, it } from "vitest";
import { problemText, rowProblemsText, type Translate } from "./problem-text";

// A catalogue of four messages, filled the way ICU placeholders are.
const CATALOGUE: Record<string, string> = {
  "import.column.birth_date": "Date of birth",
  "import.column.iin": "IIN",
  "import.column.surname_latin": "Surname (Latin)",
  "import.problem.date-invalid": "“{value}” is not a date; write dd.mm.yyyy or yyyy-mm-dd.",
  "import.problem.iin-repeated-in-file": "The IIN “{value}” is already in row {rows} of the file.",
  "import.problem.family-rejected-by-other-rows": "The family's other rows have errors.",
  "familyForm.errors.latin": "Latin letters only.",
};
const t: Translate = (key, values = {}) =>
  (CATALOGUE[key] ?? `!${key}`).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));

describe("problemText", () => {
  it("names the column, then says what is wrong with the value", () => {
    expect(problemText({ code: "date-invalid", column: "birth_date", value: "31.02.1980" }, t)).toBe(
      "Date of birth: “31.02.1980” is not a date; write dd.mm.yyyy or yyyy-mm-dd.",
    );
  });

  it("names the other rows concerned, and a problem of the whole family without a column", () => {
    expect(problemText({ code: "iin-repeated-in-file", column: "iin", value: "850412300123", rows: [7] }, t)).toBe(
      "IIN: The IIN “850412300123” is already in row 7 of the file.",
    );
    expect(problemText({ code: "family-rejected-by-other-rows" }, t)).toBe("The family's other rows have errors.");
  });

  it("says a rule of the registration form in the form's words", () => {
    expect(problemText({ code: "form-rule", column: "surname_latin", formMessage: "familyForm.errors.latin" }, t)).toBe(
      "Surname (Latin): Latin letters only.",
    );
  });
});

describe("rowProblemsText", () => {
  it("joins a row's problems in the order they were found", () => {
    expect(
      rowProblemsText(
        [{ code: "date-invalid", column: "birth_date", value: "x" }, { code: "family-rejected-by-other-rows" }],
        t,
      ),
    ).toBe("Date of birth: “x” is not a date; write dd.mm.yyyy or yyyy-mm-dd.; The family's other rows have errors.");
  });
});
