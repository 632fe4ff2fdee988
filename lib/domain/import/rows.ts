/**
 * From the cells of one row to a person with the family's fields (`readRow`), and from rows to
 * families (`createFamilyGrouper`), each family all or nothing.
 *
 * The rules of the registration form live in lib/validation/family-form.ts, which lib/domain may not
 * import (docs/architecture.md, layers). The caller passes them in as `ImportRules`: the form's
 * schema run over the family (`checkFamily`) and the one rule for text PostgreSQL can store, so that
 * an imported family is valid exactly when the form would take it. On top of the form, the import
 * checks what only a file has: one head named by the relationship column, rows that agree on the
 * family's fields, dates in order, the status's decision and arrival, and an IIN used twice in the file.
 */
import type { CaseStatus, Category, Education, Relationship, Sex } from "@/lib/generated/prisma/enums";
import { MAIN_PATH } from "../case-status";
import { compareIinWithPerson } from "../iin";
import type { DistrictInfo } from "../regions";
import { transliterateKazakh } from "../transliteration";
import { CANONICAL_COLUMNS, FAMILY_COLUMNS, type CanonicalColumn, type ColumnMapping } from "./columns";
import { isWarning, type FamilyProblem, type RowProblem } from "./problems";
import {
  parseCategory,
  parseCountry,
  parseDate,
  parseEducation,
  parseIin,
  parsePhone,
  parseRegionName,
  parseRelationship,
  parseSex,
  parseStatus,
  parseTargetRegion,
  type TargetPlace,
  type ValueResult,
} from "./values";

/** A problem the registration form's schema reports: where (zod's path) and its catalogue key. */
export interface FormIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** A family as the registration form's fields receive it (FamilyFormValues of lib/validation/family-form.ts). */
export interface FamilyFormCandidate {
  category: string;
  originCountry: string;
  originRegionId: string;
  targetRegionId: string;
  /** The form takes a district's database id; the import names districts, which the caller looks up. */
  targetDistrictId: string;
  contactPhone: string;
  contactEmail: string;
  address: string;
  applicationDate: string;
  members: {
    isHead: boolean;
    relationship: string;
    surnameCyr: string;
    givenNameCyr: string;
    patronymicCyr: string;
    surnameLat: string;
    givenNameLat: string;
    patronymicLat: string;
    birthDate: string;
    sex: string;
    iin: string;
    citizenship: string;
    education: string;
    profession: string;
  }[];
  /** IIN date and sex mismatches are warnings of the import, never a reason to refuse. */
  acknowledgeIinWarnings: true;
  /** Possible duplicates among registered people are looked for against the database, later. */
  duplicateDecisions: [];
}

export interface ImportRules {
  /** `isStorableText` of lib/validation/storable-text.ts. */
  isStorableText(text: string): boolean;
  /** The registration form's issues for a family: `familyFieldsSchema.safeParse(candidate).error?.issues ?? []`. */
  checkFamily(candidate: FamilyFormCandidate): readonly FormIssue[];
}

/**
 * The parsed values of a row, by column: dates as ISO yyyy-mm-dd, codes for the enums, countries as
 * ISO codes, `target_region` as the region the cell names (resolved with the district per family),
 * names and other text trimmed. A column that is empty, unmapped or refused has no value.
 */
export type RowValues = Partial<Record<CanonicalColumn, string>> & {
  relationship?: Relationship;
  sex?: Sex;
  education?: Education;
  category?: Category;
  status?: CaseStatus;
};

export interface RowReading {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  familyKey: string;
  /** The trimmed text of each mapped cell, as the file has it (for messages and the rejected rows' file). */
  cells: Partial<Record<CanonicalColumn, string>>;
  values: RowValues;
  /** Latin names the import suggested from the Cyrillic, because the file left them empty. */
  suggestedLatin: CanonicalColumn[];
  problems: RowProblem[];
}

export interface ImportPerson {
  rowNumber: number;
  isHead: boolean;
  relationship: Relationship;
  surnameCyr: string;
  givenNameCyr: string;
  patronymicCyr: string | null;
  surnameLat: string;
  givenNameLat: string;
  patronymicLat: string | null;
  birthDate: string;
  sex: Sex;
  iin: string | null;
  citizenship: string;
  education: Education | null;
  profession: string | null;
}

export interface ImportFamily {
  familyKey: string;
  category: Category;
  originCountry: string | null;
  originRegionId: string | null;
  targetRegionId: string;
  /** Matched by name; the database's district is the one with this region and English name. */
  targetDistrict: DistrictInfo | null;
  applicationDate: string;
  contactPhone: string | null;
  contactEmail: string | null;
  address: string | null;
  status: CaseStatus;
  decisionNumber: string | null;
  decisionDate: string | null;
  statusValidUntil: string | null;
  arrivalDate: string | null;
  /** The head first, then the others in the file's order. */
  members: ImportPerson[];
}

/** A family read from the file: `family` when it is imported, null when rejected; every row with its problems. */
export interface FamilyOutcome {
  familyKey: string;
  family: ImportFamily | null;
  rows: { rowNumber: number; problems: RowProblem[] }[];
}

// ——— One row ———

type Parser = (raw: string) => ValueResult<string>;

const PARSERS: Partial<Record<CanonicalColumn, Parser>> = {
  relationship: parseRelationship,
  birth_date: parseDate,
  sex: parseSex,
  iin: parseIin,
  citizenship: parseCountry,
  education: parseEducation,
  category: parseCategory,
  origin_country: parseCountry,
  origin_region: parseRegionName,
  target_region: parseRegionName,
  application_date: parseDate,
  phone: parsePhone,
  status: parseStatus,
  decision_date: parseDate,
  status_valid_until: parseDate,
  arrival_date: parseDate,
};

/** Columns every row must fill (the family's required fields are checked per family, see below). */
const REQUIRED_PER_ROW: readonly CanonicalColumn[] = ["family_key", "relationship", "birth_date", "sex", "citizenship"];
const REQUIRED_PER_FAMILY: readonly CanonicalColumn[] = ["category", "target_region", "application_date"];

const LATIN_OF = [
  ["surname", "surname_latin"],
  ["given_name", "given_name_latin"],
  ["patronymic", "patronymic_latin"],
] as const;

/**
 * Reads one row (`cells` in the file's order) through a checked mapping. Every mapped cell is
 * trimmed and must be storable text; the parsed columns are parsed (values.ts); Latin names left
 * empty are suggested from the Cyrillic, as the registration form does; the email is lower-cased.
 */
export function readRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  rowNumber: number,
  rules: Pick<ImportRules, "isStorableText">,
): RowReading {
  const reading: RowReading = { rowNumber, familyKey: "", cells: {}, values: {}, suggestedLatin: [], problems: [] };
  for (const column of CANONICAL_COLUMNS) {
    const index = mapping[column];
    const text = index === undefined ? "" : (cells[index] ?? "").trim();
    if (text === "") continue;
    reading.cells[column] = text;
    if (!rules.isStorableText(text)) {
      reading.problems.push({ code: "unstorable-text", column });
      continue;
    }
    const parse = PARSERS[column];
    const result: ValueResult<string> = parse ? parse(text) : { ok: true, value: text };
    if (!result.ok) {
      reading.problems.push({ code: result.problem, column, value: text });
      continue;
    }
    if (result.value !== null) (reading.values as Partial<Record<CanonicalColumn, string>>)[column] = result.value;
    for (const warning of result.warnings ?? []) reading.problems.push({ code: warning, column, value: text });
  }
  reading.familyKey = reading.values.family_key ?? "";
  if (reading.values.email !== undefined) reading.values.email = reading.values.email.toLowerCase();
  for (const [cyrillic, latin] of LATIN_OF) {
    const name = reading.values[cyrillic];
    if (name !== undefined && reading.cells[latin] === undefined) {
      reading.values[latin] = transliterateKazakh(name);
      reading.suggestedLatin.push(latin);
    }
  }
  for (const column of REQUIRED_PER_ROW) {
    if (reading.cells[column] === undefined) reading.problems.push({ code: "required", column });
  }
  return reading;
}

// ——— One family ———

/** Whether the row already has a rejection in this column (then a second one about it adds nothing). */
const hasErrorAt = (problems: readonly RowProblem[], column: CanonicalColumn | undefined): boolean =>
  problems.some((problem) => problem.column === column && !isWarning(problem.code));

// The form's own rules on the head and on an IIN repeated in the family: the import checks the same
// more precisely (per row, across the whole file), so the form's version of them would only repeat it.
const FORM_RULES_THE_IMPORT_CHECKS: ReadonlySet<string> = new Set([
  "familyForm.errors.oneHead",
  "familyForm.errors.headRelationship",
  "familyForm.errors.notHeadRelationship",
  "familyForm.errors.iinRepeated",
  "familyForm.errors.iinWarnings",
]);

const MEMBER_FIELD_COLUMNS: Readonly<Record<string, CanonicalColumn>> = {
  isHead: "relationship",
  relationship: "relationship",
  surnameCyr: "surname",
  givenNameCyr: "given_name",
  patronymicCyr: "patronymic",
  surnameLat: "surname_latin",
  givenNameLat: "given_name_latin",
  patronymicLat: "patronymic_latin",
  birthDate: "birth_date",
  sex: "sex",
  iin: "iin",
  citizenship: "citizenship",
  education: "education",
  profession: "profession",
};

const FAMILY_FIELD_COLUMNS: Readonly<Record<string, CanonicalColumn>> = {
  category: "category",
  originCountry: "origin_country",
  originRegionId: "origin_region",
  targetRegionId: "target_region",
  targetDistrictId: "target_district",
  contactPhone: "phone",
  contactEmail: "email",
  address: "address",
  applicationDate: "application_date",
};

/** Relationships of people who may be born after the family applied (a family grows while it waits). */
const BORN_LATER: readonly Relationship[] = ["CHILD", "GRANDCHILD"];

class FamilyCheck {
  private readonly problems = new Map<number, RowProblem[]>();
  private readonly head: RowReading;
  private readonly fields: RowValues = {};
  private place: TargetPlace | null = null;

  constructor(
    private readonly familyKey: string,
    private readonly rows: readonly RowReading[],
    private readonly rules: ImportRules,
  ) {
    for (const row of rows) this.problems.set(row.rowNumber, [...row.problems]);
    const heads = rows.filter((row) => row.values.relationship === "HEAD");
    this.head = heads[0] ?? rows[0]!;
    if (heads.length === 0) for (const row of rows) this.add(row, { code: "family-without-head" });
    if (heads.length > 1) {
      const rowNumbers = heads.map((row) => row.rowNumber);
      for (const row of rows) this.add(row, { code: "family-with-several-heads", rows: rowNumbers });
    }
  }

  private add(row: RowReading, problem: RowProblem): void {
    this.problems.get(row.rowNumber)!.push(problem);
  }

  private problemsOf(row: RowReading): RowProblem[] {
    return this.problems.get(row.rowNumber)!;
  }

  /** The family's fields: the head's value, or the first row's that has one; other rows must agree. */
  agreeOnFamilyFields(): void {
    const ordered = [this.head, ...this.rows.filter((row) => row !== this.head)];
    for (const column of FAMILY_COLUMNS) {
      if (column === "target_region" || column === "target_district") continue;
      for (const row of ordered) {
        const value = row.values[column];
        if (value === undefined) continue;
        const agreed = this.fields[column];
        if (agreed === undefined) (this.fields as Partial<Record<CanonicalColumn, string>>)[column] = value;
        else if (agreed !== value) this.add(row, { code: "family-field-differs", column, value: row.cells[column] });
      }
    }
    this.resolvePlace(ordered);
    for (const column of REQUIRED_PER_FAMILY) {
      if (!this.rows.some((row) => row.cells[column] !== undefined)) this.add(this.head, { code: "required", column });
    }
  }

  /** Today's region and district, from each row that names them, with the family's application date. */
  private resolvePlace(ordered: readonly RowReading[]): void {
    const sourceRegion = ordered.find((row) => row.cells.target_region !== undefined)?.cells.target_region;
    for (const row of ordered) {
      const district = row.cells.target_district ?? "";
      const region = row.cells.target_region ?? (district === "" ? undefined : sourceRegion);
      if (region === undefined || hasErrorAt(this.problemsOf(row), "target_region")) continue;
      const result = parseTargetRegion(region, { applicationDate: this.fields.application_date ?? null, district });
      if (!result.ok) {
        const column = result.problem === "district-unknown" ? "target_district" : "target_region";
        this.add(row, { code: result.problem, column, value: row.cells[column] });
      } else if (result.value !== null) {
        if (this.place === null) this.place = result.value;
        else if (
          this.place.regionId !== result.value.regionId ||
          this.place.district?.name.en !== result.value.district?.name.en
        )
          this.add(row, { code: "family-field-differs", column: "target_region", value: region });
      }
    }
  }

  /** Birth ≤ application ≤ decision ≤ end of validity, application ≤ arrival; what the status needs. */
  checkDatesAndStatus(): void {
    const { application_date: applied, decision_date: decided, status_valid_until: validUntil } = this.fields;
    const { arrival_date: arrived, decision_number: decisionNumber } = this.fields;
    const status = this.fields.status ?? "REGISTERED";
    const at = (column: CanonicalColumn, code: FamilyProblem) => {
      const row = this.rows.find((candidate) => candidate.values[column] !== undefined) ?? this.head;
      this.add(row, { code, column, value: row.cells[column] });
    };
    if (applied !== undefined) {
      for (const row of this.rows) {
        const born = row.values.birth_date;
        const relationship = row.values.relationship;
        if (born !== undefined && born > applied && (relationship === undefined || !BORN_LATER.includes(relationship)))
          this.add(row, { code: "birth-after-application", column: "birth_date", value: row.cells.birth_date });
      }
      if (decided !== undefined && decided < applied) at("decision_date", "decision-before-application");
      if (arrived !== undefined && arrived < applied) at("arrival_date", "arrival-before-application");
    }
    if (decided !== undefined && validUntil !== undefined && validUntil < decided)
      at("status_valid_until", "validity-before-decision");
    const step = (MAIN_PATH as readonly CaseStatus[]).indexOf(status);
    const decisionMade = step >= MAIN_PATH.indexOf("APPROVED") || status === "EXPIRED";
    if (decisionMade && decisionNumber === undefined && !this.refusedAnywhere("decision_number"))
      at("decision_number", "decision-required");
    if (decisionMade && decided === undefined && !this.refusedAnywhere("decision_date"))
      at("decision_date", "decision-required");
    if (step >= MAIN_PATH.indexOf("RESETTLED") && arrived === undefined && !this.refusedAnywhere("arrival_date"))
      at("arrival_date", "arrival-date-required");
  }

  private refusedAnywhere(column: CanonicalColumn): boolean {
    return this.rows.some((row) => hasErrorAt(this.problemsOf(row), column));
  }

  /** IIN date and sex that differ from the person's: warnings. */
  warnAboutIins(): void {
    for (const row of this.rows) {
      const { iin, birth_date: born, sex } = row.values;
      if (iin === undefined || born === undefined || sex === undefined) continue;
      for (const warning of compareIinWithPerson(iin, born, sex))
        this.add(row, {
          code: warning === "birth-date-mismatch" ? "iin-birth-date-mismatch" : "iin-sex-mismatch",
          column: "iin",
          value: iin,
        });
    }
  }

  /** The registration form's rules, each of its issues at the row and column it is about. */
  applyFormRules(): void {
    const members = this.membersInOrder();
    const text = (row: RowReading, column: CanonicalColumn) => row.values[column] ?? row.cells[column] ?? "";
    const family = (column: CanonicalColumn) =>
      this.fields[column] ?? this.rows.find((row) => row.cells[column] !== undefined)?.cells[column] ?? "";
    const candidate: FamilyFormCandidate = {
      category: family("category"),
      originCountry: family("origin_country"),
      originRegionId: family("origin_region"),
      targetRegionId: this.place?.regionId ?? family("target_region"),
      targetDistrictId: "",
      contactPhone: family("phone"),
      contactEmail: family("email"),
      address: family("address"),
      applicationDate: family("application_date"),
      members: members.map((row) => ({
        isHead: row.values.relationship === "HEAD",
        relationship: text(row, "relationship"),
        surnameCyr: text(row, "surname"),
        givenNameCyr: text(row, "given_name"),
        patronymicCyr: text(row, "patronymic"),
        surnameLat: text(row, "surname_latin"),
        givenNameLat: text(row, "given_name_latin"),
        patronymicLat: text(row, "patronymic_latin"),
        birthDate: text(row, "birth_date"),
        sex: text(row, "sex"),
        iin: text(row, "iin"),
        citizenship: text(row, "citizenship"),
        education: text(row, "education"),
        profession: text(row, "profession"),
      })),
      acknowledgeIinWarnings: true,
      duplicateDecisions: [],
    };
    for (const issue of this.rules.checkFamily(candidate)) {
      if (FORM_RULES_THE_IMPORT_CHECKS.has(issue.message)) continue;
      const [first, index, field] = issue.path;
      const memberRow = first === "members" && typeof index === "number" ? members[index] : undefined;
      if (memberRow !== undefined) {
        const column = MEMBER_FIELD_COLUMNS[String(field)];
        if (!hasErrorAt(this.problemsOf(memberRow), column))
          this.add(memberRow, {
            code: "form-rule",
            column,
            value: memberRow.cells[column!],
            formMessage: issue.message,
          });
      } else if (first === "members") {
        for (const row of this.rows) this.add(row, { code: "form-rule", formMessage: issue.message });
      } else {
        const column = FAMILY_FIELD_COLUMNS[String(first)];
        if (column === undefined) this.add(this.head, { code: "form-rule", formMessage: issue.message });
        else if (!this.refusedAnywhere(column)) {
          const row = this.rows.find((candidateRow) => candidateRow.cells[column] !== undefined) ?? this.head;
          this.add(row, { code: "form-rule", column, value: row.cells[column], formMessage: issue.message });
        }
      }
    }
  }

  private membersInOrder(): RowReading[] {
    return [this.head, ...this.rows.filter((row) => row !== this.head)];
  }

  outcome(): FamilyOutcome {
    const rejected = [...this.problems.values()].some((problems) =>
      problems.some((problem) => !isWarning(problem.code)),
    );
    const rows = this.rows.map((row) => {
      const problems = this.problemsOf(row);
      const ownError = problems.some((problem) => !isWarning(problem.code));
      return {
        rowNumber: row.rowNumber,
        problems: rejected && !ownError ? [{ code: "family-rejected-by-other-rows" } as const, ...problems] : problems,
      };
    });
    return { familyKey: this.familyKey, family: rejected ? null : this.family(), rows };
  }

  /** The accepted family; called only when no row has a rejection, so every required value is there. */
  private family(): ImportFamily {
    const f = this.fields;
    const orNull = (value: string | undefined) => value ?? null;
    return {
      familyKey: this.familyKey,
      category: f.category!,
      originCountry: orNull(f.origin_country),
      originRegionId: orNull(f.origin_region),
      targetRegionId: this.place!.regionId,
      targetDistrict: this.place!.district,
      applicationDate: f.application_date!,
      contactPhone: orNull(f.phone),
      contactEmail: orNull(f.email),
      address: orNull(f.address),
      status: f.status ?? "REGISTERED",
      decisionNumber: orNull(f.decision_number),
      decisionDate: orNull(f.decision_date),
      statusValidUntil: orNull(f.status_valid_until),
      arrivalDate: orNull(f.arrival_date),
      members: this.membersInOrder().map(({ rowNumber, values: v }) => ({
        rowNumber,
        isHead: v.relationship === "HEAD",
        relationship: v.relationship!,
        surnameCyr: v.surname!,
        givenNameCyr: v.given_name!,
        patronymicCyr: orNull(v.patronymic),
        surnameLat: v.surname_latin!,
        givenNameLat: v.given_name_latin!,
        patronymicLat: orNull(v.patronymic_latin),
        birthDate: v.birth_date!,
        sex: v.sex!,
        iin: orNull(v.iin),
        citizenship: v.citizenship!,
        education: v.education ?? null,
        profession: orNull(v.profession),
      })),
    };
  }
}

/** Checks one family's rows (all of them, in file order) and answers the family or why it is rejected. */
export function checkFamilyRows(familyKey: string, rows: readonly RowReading[], rules: ImportRules): FamilyOutcome {
  const check = new FamilyCheck(familyKey, rows, rules);
  check.agreeOnFamilyFields();
  check.checkDatesAndStatus();
  check.warnAboutIins();
  check.applyFormRules();
  return check.outcome();
}

// ——— The whole file ———

export interface FamilyGrouper {
  /** Adds the next row of the file; answers the families this row completes (see `createFamilyGrouper`). */
  add(row: RowReading): FamilyOutcome[];
  /** Ends the file: answers every family still open. */
  finish(): FamilyOutcome[];
}

/**
 * Groups rows into families by `family_key` as they come, checking each family when it is complete,
 * and marks every row whose IIN an earlier row of the file already had ("iin-repeated-in-file", naming
 * that row; the first keeps it).
 *
 * What it holds: the number of the first row of every valid IIN seen (a map of numbers, some 50 bytes
 * per person: about 50 MB for a million people), and the rows of the families not yet complete.
 * - `rowsOfAFamilyAreTogether: true` (the file, or the staging table it was copied to, is ordered by
 *   family key): a family is complete when a row of another family comes, so it holds one family's
 *   rows, plus the keys of the families done (to refuse a key that comes back later: "family-rows-apart").
 * - `false`: families are complete only at `finish()`, so it holds every row of the file; for a file too
 *   large for that, order it by family key first.
 * A row without a family key is rejected at once, alone.
 */
export function createFamilyGrouper(rules: ImportRules, options: { rowsOfAFamilyAreTogether: boolean }): FamilyGrouper {
  const firstRowOfIin = new Map<number, number>();
  const open = new Map<string, RowReading[]>();
  const done = new Set<string>();

  const close = (familyKey: string): FamilyOutcome => {
    const rows = open.get(familyKey)!;
    open.delete(familyKey);
    if (options.rowsOfAFamilyAreTogether) done.add(familyKey);
    return checkFamilyRows(familyKey, rows, rules);
  };

  const markRepeatedIin = (row: RowReading): void => {
    const iin = row.values.iin;
    if (iin === undefined) return;
    // Twelve digits fit a double exactly, and keep the map small; no two IINs give the same number.
    const first = firstRowOfIin.get(Number(iin));
    if (first === undefined) firstRowOfIin.set(Number(iin), row.rowNumber);
    else row.problems.push({ code: "iin-repeated-in-file", column: "iin", value: iin, rows: [first] });
  };

  return {
    add(row) {
      markRepeatedIin(row);
      // Without a key the row belongs to no family: its own problems ("required" family key first) say it all.
      if (row.familyKey === "")
        return [{ familyKey: "", family: null, rows: [{ rowNumber: row.rowNumber, problems: row.problems }] }];
      const completed: FamilyOutcome[] = [];
      if (options.rowsOfAFamilyAreTogether) {
        for (const key of [...open.keys()]) if (key !== row.familyKey) completed.push(close(key));
        if (done.has(row.familyKey))
          row.problems.push({ code: "family-rows-apart", column: "family_key", value: row.familyKey });
      }
      const rows = open.get(row.familyKey);
      if (rows) rows.push(row);
      else open.set(row.familyKey, [row]);
      return completed;
    },
    finish() {
      return [...open.keys()].map(close);
    },
  };
}
