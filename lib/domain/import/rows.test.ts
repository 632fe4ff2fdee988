import { describe, expect, it } from "vitest";
import { generateIin } from "../iin";
import { automaticMapping, type CanonicalColumn } from "./columns";
import { countProblems, type RowProblem } from "./problems";
import {
  createFamilyGrouper,
  readRow,
  type FamilyFormCandidate,
  type FamilyOutcome,
  type FormIssue,
  type RowReading,
} from "./rows";

// A stand-in for the registration form's schema (lib/validation may not be imported here): three of
// its rules with its own catalogue keys, enough to see where the import puts the form's issues and
// which it leaves out because it checks them itself.
const CYRILLIC_NAME = /^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:[ '-][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*$/u;
function formIssues(candidate: FamilyFormCandidate): FormIssue[] {
  const issues: FormIssue[] = [];
  if (candidate.category === "KANDAS" && !/^[A-Z]{2}$/.test(candidate.originCountry))
    issues.push({ path: ["originCountry"], message: "familyForm.errors.originCountry" });
  if (candidate.members.filter((member) => member.isHead).length !== 1)
    issues.push({ path: ["members"], message: "familyForm.errors.oneHead" });
  candidate.members.forEach((member, index) => {
    if (!CYRILLIC_NAME.test(member.surnameCyr))
      issues.push({ path: ["members", index, "surnameCyr"], message: "familyForm.errors.cyrillic" });
  });
  return issues;
}
const rules = { isStorableText: (text: string) => !/\u0000/.test(text), checkFamily: formIssues };

const HEADER: readonly CanonicalColumn[] = [
  "family_key",
  "category",
  "relationship",
  "surname",
  "given_name",
  "patronymic",
  "surname_latin",
  "birth_date",
  "sex",
  "iin",
  "citizenship",
  "origin_country",
  "target_region",
  "target_district",
  "application_date",
  "status",
  "decision_number",
  "decision_date",
  "status_valid_until",
  "arrival_date",
];
const MAPPING = automaticMapping(HEADER);

const HEAD_IIN = generateIin(new Date(Date.UTC(1980, 4, 12)), "M", 101);
const WIFE_IIN = generateIin(new Date(Date.UTC(1983, 8, 3)), "F", 202);
const SON_IIN = generateIin(new Date(Date.UTC(2008, 1, 20)), "M", 303);

type Cells = Partial<Record<CanonicalColumn, string>>;
const HEAD: Cells = {
  family_key: "F1",
  category: "қандас",
  relationship: "Отбасы басшысы",
  surname: "Қасымов",
  given_name: "Нұрлан",
  patronymic: "Серікұлы",
  birth_date: "12.05.1980",
  sex: "Е",
  iin: HEAD_IIN,
  citizenship: "Қытай",
  origin_country: "CN",
  target_region: "Павлодар облысы",
  application_date: "01.03.2023",
};
const WIFE: Cells = {
  family_key: "F1",
  relationship: "жұбайы",
  surname: "Қасымова",
  given_name: "Айгерім",
  birth_date: "03.09.1983",
  sex: "Ә",
  iin: WIFE_IIN,
  citizenship: "CN",
};
const SON: Cells = {
  family_key: "F1",
  relationship: "ұлы",
  surname: "Қасымов",
  given_name: "Ерлан",
  birth_date: "20.02.2008",
  sex: "М",
  iin: SON_IIN,
  citizenship: "CN",
};

let nextRow = 2;
function row(cells: Cells): RowReading {
  return readRow(
    HEADER.map((column) => cells[column] ?? ""),
    MAPPING,
    nextRow++,
    rules,
  );
}

function importRows(rows: Cells[], rowsOfAFamilyAreTogether = false): FamilyOutcome[] {
  nextRow = 2;
  const grouper = createFamilyGrouper(rules, { rowsOfAFamilyAreTogether });
  return [...rows.flatMap((cells) => grouper.add(row(cells))), ...grouper.finish()];
}

const codes = (problems: readonly RowProblem[]) => problems.map((problem) => problem.code);

describe("readRow", () => {
  it("reads a person with the family's fields, suggesting Latin names from the Cyrillic", () => {
    nextRow = 2;
    const reading = row(HEAD);
    expect(reading.problems).toEqual([]);
    expect(reading.familyKey).toBe("F1");
    expect(reading.values).toMatchObject({
      relationship: "HEAD",
      surname: "Қасымов",
      surname_latin: "Kassymov",
      given_name_latin: "Nurlan",
      patronymic_latin: "Serikuly",
      birth_date: "1980-05-12",
      sex: "M",
      citizenship: "CN",
      category: "KANDAS",
      target_region: "KZ-55",
      application_date: "2023-03-01",
    });
    expect(reading.suggestedLatin).toEqual(["surname_latin", "given_name_latin", "patronymic_latin"]);
  });

  it("keeps a Latin name the file gives, and reports each bad cell with its value", () => {
    nextRow = 2;
    const reading = row({
      ...HEAD,
      surname_latin: "Kasymov",
      birth_date: "31.02.1980",
      sex: "X",
      iin: "",
      citizenship: "",
    });
    expect(reading.values.surname_latin).toBe("Kasymov");
    expect(reading.problems).toEqual([
      { code: "date-invalid", column: "birth_date", value: "31.02.1980" },
      { code: "sex-unknown", column: "sex", value: "X" },
      { code: "required", column: "citizenship" },
    ]);
  });

  it("refuses text PostgreSQL cannot store", () => {
    nextRow = 2;
    expect(row({ ...HEAD, given_name: "Нұр\u0000лан" }).problems).toEqual([
      { code: "unstorable-text", column: "given_name" },
    ]);
  });
});

describe("families", () => {
  it("imports a family whose rows agree, head first, family fields from any row", () => {
    const [outcome] = importRows([{ ...WIFE, target_region: "KZ-55" }, HEAD, SON]);
    expect(outcome?.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(outcome?.family).toMatchObject({
      familyKey: "F1",
      category: "KANDAS",
      originCountry: "CN",
      targetRegionId: "KZ-55",
      targetDistrict: null,
      applicationDate: "2023-03-01",
      status: "REGISTERED",
    });
    expect(outcome?.family?.members.map((member) => [member.givenNameCyr, member.isHead, member.rowNumber])).toEqual([
      ["Нұрлан", true, 3],
      ["Айгерім", false, 2],
      ["Ерлан", false, 4],
    ]);
  });

  it("rejects a family without a head, saying so on every row", () => {
    const [outcome] = importRows([{ ...HEAD, relationship: "брат" }, WIFE]);
    expect(outcome?.family).toBeNull();
    // The form's own "exactly one head" is left out: the import's message says more.
    for (const r of outcome!.rows) expect(codes(r.problems)).toEqual(["family-without-head"]);
  });

  it("rejects a family with two heads, naming their rows", () => {
    const [outcome] = importRows([HEAD, { ...WIFE, relationship: "глава семьи" }, SON]);
    expect(outcome?.family).toBeNull();
    expect(outcome?.rows.map((r) => r.problems)).toEqual([
      [{ code: "family-with-several-heads", rows: [2, 3] }],
      [{ code: "family-with-several-heads", rows: [2, 3] }],
      [{ code: "family-with-several-heads", rows: [2, 3] }],
    ]);
  });

  it("rejects the whole family for one bad row, each other row saying why", () => {
    const outcomes = importRows([HEAD, { ...WIFE, surname: "Kasymova" }, SON, { ...HEAD, family_key: "F2", iin: "" }]);
    const [first, second] = outcomes;
    expect(first?.family).toBeNull();
    expect(first?.rows.map((r) => codes(r.problems))).toEqual([
      ["family-rejected-by-other-rows"],
      ["form-rule"],
      ["family-rejected-by-other-rows"],
    ]);
    expect(first?.rows[1]?.problems[0]).toEqual({
      code: "form-rule",
      column: "surname",
      value: "Kasymova",
      formMessage: "familyForm.errors.cyrillic",
    });
    expect(second?.family?.familyKey).toBe("F2");
  });

  it("rejects rows that disagree on the family's fields", () => {
    const [outcome] = importRows([HEAD, { ...WIFE, category: "переселенец", application_date: "2023-03-01" }]);
    expect(outcome?.rows[1]?.problems).toEqual([
      { code: "family-field-differs", column: "category", value: "переселенец" },
    ]);
  });

  it("rejects the second row with an IIN already in the file, naming the first, in another family too", () => {
    const outcomes = importRows([HEAD, WIFE, { ...HEAD, family_key: "F2", given_name: "Нұрбол" }], true);
    expect(outcomes.map((o) => o.family !== null)).toEqual([true, false]);
    expect(outcomes[1]?.rows[0]?.problems).toEqual([
      { code: "iin-repeated-in-file", column: "iin", value: HEAD_IIN, rows: [2] },
    ]);
  });

  it("checks that the dates are in order; a child may be born after the application", () => {
    const [outcome] = importRows([
      {
        ...HEAD,
        status: "Одобрено",
        decision_number: "15-р",
        decision_date: "01.02.2023",
        status_valid_until: "01.01.2023",
      },
      { ...WIFE, birth_date: "03.09.2023", iin: "" },
      { ...SON, birth_date: "20.02.2024", iin: "" },
    ]);
    expect(outcome?.rows.map((r) => codes(r.problems))).toEqual([
      ["decision-before-application", "validity-before-decision"],
      ["birth-after-application"],
      ["family-rejected-by-other-rows"],
    ]);
  });

  it("asks for the decision and the arrival the status implies", () => {
    const [outcome] = importRows([{ ...HEAD, status: "Қоныстанды" }]);
    expect(outcome?.rows[0]?.problems).toEqual([
      { code: "decision-required", column: "decision_number" },
      { code: "decision-required", column: "decision_date" },
      { code: "arrival-date-required", column: "arrival_date" },
    ]);
  });

  it("places an old East Kazakhstan application by its district, and refuses it without one", () => {
    const old = { ...HEAD, target_region: "Восточно-Казахстанская область", application_date: "15.01.2021" };
    const [placed] = importRows([{ ...old, target_district: "Үржар ауданы" }]);
    expect(placed?.family).toMatchObject({
      targetRegionId: "KZ-10",
      targetDistrict: { name: { en: "Urzhar District" } },
    });
    const [unplaced] = importRows([old]);
    expect(unplaced?.rows[0]?.problems).toEqual([
      { code: "region-needs-district", column: "target_region", value: "Восточно-Казахстанская область" },
    ]);
  });

  it("passes the form's other rules through at the right cell, and warns about an IIN that names another sex", () => {
    const [noOrigin] = importRows([{ ...HEAD, origin_country: "" }]);
    expect(noOrigin?.rows[0]?.problems).toEqual([
      { code: "form-rule", column: "origin_country", value: undefined, formMessage: "familyForm.errors.originCountry" },
    ]);
    const [warned] = importRows([{ ...HEAD, sex: "Ж", surname: "Қасымова" }]);
    expect(warned?.family).not.toBeNull();
    expect(warned?.rows[0]?.problems).toEqual([{ code: "iin-sex-mismatch", column: "iin", value: HEAD_IIN }]);
  });
});

describe("createFamilyGrouper", () => {
  it("with rows of a family together, completes a family when the next one starts", () => {
    nextRow = 2;
    const grouper = createFamilyGrouper(rules, { rowsOfAFamilyAreTogether: true });
    expect(grouper.add(row(HEAD))).toEqual([]);
    expect(grouper.add(row(WIFE))).toEqual([]);
    const completed = grouper.add(row({ ...HEAD, family_key: "F2", iin: "" }));
    expect(completed.map((outcome) => outcome.familyKey)).toEqual(["F1"]);
    expect(grouper.finish().map((outcome) => outcome.familyKey)).toEqual(["F2"]);
  });

  it("with rows of a family together, rejects a family key that comes back later", () => {
    const outcomes = importRows([HEAD, { ...HEAD, family_key: "F2", iin: "" }, SON], true);
    expect(outcomes.map((o) => [o.familyKey, o.family !== null])).toEqual([
      ["F1", true],
      ["F2", true],
      ["F1", false],
    ]);
    expect(codes(outcomes[2]!.rows[0]!.problems)).toContain("family-rows-apart");
  });

  it("with rows in any order, groups them at the end; counts the problems of a file per kind", () => {
    const outcomes = importRows([
      SON,
      { ...HEAD, family_key: "F2", iin: "", birth_date: "1.1.1970" },
      HEAD,
      WIFE,
      { ...SON, family_key: "" },
    ]);
    expect(outcomes.map((o) => [o.familyKey, o.family?.members.length ?? 0])).toEqual([
      ["", 0],
      ["F1", 3],
      ["F2", 1],
    ]);
    const counts = countProblems(outcomes.flatMap((o) => o.rows.flatMap((r) => r.problems)));
    expect([...counts]).toEqual([
      ["required", 1],
      ["iin-repeated-in-file", 1],
    ]);
  });
});
