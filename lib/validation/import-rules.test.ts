import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { generateIin } from "@/lib/domain/iin";
import { automaticMapping } from "@/lib/domain/import/columns";
import { csvParseOptions } from "@/lib/domain/import/decode";
import { createFamilyGrouper, readRow, type FamilyOutcome } from "@/lib/domain/import/rows";
import { IMPORT_RULES } from "./import-rules";

const HEAD_IIN = generateIin(new Date(Date.UTC(1980, 4, 12)), "M", 101);
const WIFE_IIN = generateIin(new Date(Date.UTC(1983, 8, 3)), "F", 202);

/** A centre's CSV as people write it (`;`, dd.mm.yyyy, Russian words), read through the real form's rules. */
function importCsv(lines: string[]): FamilyOutcome[] {
  const [header, ...rows] = parse(lines.join("\n"), csvParseOptions(";")) as string[][];
  const mapping = automaticMapping(header!);
  const grouper = createFamilyGrouper(IMPORT_RULES, { rowsOfAFamilyAreTogether: true });
  const outcomes = rows.flatMap((cells, index) => grouper.add(readRow(cells, mapping, index + 2, IMPORT_RULES)));
  return [...outcomes, ...grouper.finish()];
}

const HEADER =
  "family_key;category;relationship;surname;given_name;surname_latin;birth_date;sex;iin;citizenship;origin_country;target_region;application_date";
const head = (key: string, surnameLatin = "") =>
  `${key};кандас;глава;Қасымов;Нұрлан;${surnameLatin};12.05.1980;муж;${HEAD_IIN};CN;Китай;Павлодарская область;01.03.2024`;
const wife = (key: string, relationship = "супруга") =>
  `${key};;${relationship};Қасымова;Әсем;;03.09.1983;жен;${WIFE_IIN};CN;;;`;

describe("IMPORT_RULES: the import under the registration form's real rules", () => {
  it("takes a family the form would take", () => {
    const [outcome] = importCsv([HEADER, head("F1"), wife("F1")]);
    expect(outcome!.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(outcome!.family).toMatchObject({ category: "KANDAS", originCountry: "CN", targetRegionId: "KZ-55" });
    expect(outcome!.family!.members.map((member) => member.surnameLat)).toEqual(["Kassymov", "Kassymova"]);
  });

  it("refuses a family the form would refuse, with the form's message at the cell", () => {
    const [outcome] = importCsv([HEADER, head("F1", "Қасымов"), wife("F1")]);
    expect(outcome!.family).toBeNull();
    expect(outcome!.rows[0]!.problems).toContainEqual(
      expect.objectContaining({ code: "form-rule", column: "surname_latin", formMessage: "familyForm.errors.latin" }),
    );
  });

  it("reports two heads once, in the import's words, not again in the form's", () => {
    const [outcome] = importCsv([HEADER, head("F1"), wife("F1", "глава")]);
    expect(outcome!.family).toBeNull();
    const problems = outcome!.rows.flatMap((row) => row.problems);
    expect(problems.map((problem) => problem.code)).toContain("family-with-several-heads");
    expect(problems.filter((problem) => problem.code === "form-rule")).toEqual([]);
  });
});
