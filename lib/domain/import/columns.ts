/**
 * The columns of an import file (issue 16) and the mapping from a file's own header row to them. A
 * mapping names, for each canonical column, the index of the file's column that holds it; a saved
 * mapping names the file's header text instead, so that it still fits when a later file orders its
 * columns differently.
 */
import { lookupKey, vocabulary } from "./lookup";
import type { MappingProblemCode } from "./problems";

/**
 * One row per person. `origin_region` is not in the list: a settler comes from a region of
 * Kazakhstan, which the registration form asks for (originRegionId) and `origin_country` cannot hold.
 */
export const CANONICAL_COLUMNS = [
  "family_key",
  "category",
  "relationship",
  "surname",
  "given_name",
  "patronymic",
  "surname_latin",
  "given_name_latin",
  "patronymic_latin",
  "birth_date",
  "sex",
  "iin",
  "citizenship",
  "education",
  "profession",
  "origin_country",
  "origin_region",
  "target_region",
  "target_district",
  "application_date",
  "phone",
  "email",
  "address",
  "status",
  "decision_number",
  "decision_date",
  "status_valid_until",
  "arrival_date",
] as const;

export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** Columns a file must have; a column with empty cells is a different matter (checked per row). */
export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = [
  "family_key",
  "category",
  "relationship",
  "surname",
  "given_name",
  "birth_date",
  "sex",
  "citizenship",
  "target_region",
  "application_date",
];

/** Columns that describe the family, not the person: every row of a family must agree on them. */
export const FAMILY_COLUMNS: readonly CanonicalColumn[] = [
  "category",
  "origin_country",
  "origin_region",
  "target_region",
  "target_district",
  "application_date",
  "phone",
  "email",
  "address",
  "status",
  "decision_number",
  "decision_date",
  "status_valid_until",
  "arrival_date",
];

const CANONICAL_SET: ReadonlySet<string> = new Set(CANONICAL_COLUMNS);

/** Whether a string is the name of a canonical column. */
export function isCanonicalColumn(name: string): name is CanonicalColumn {
  return CANONICAL_SET.has(name);
}

// Header words people use in Kazakh and Russian registries (and a few English ones), besides the
// canonical names themselves, which match in any case and with spaces, hyphens or underscores.
const HEADER_WORDS: readonly (readonly [CanonicalColumn, readonly string[]])[] = [
  [
    "family_key",
    [
      "ключ семьи",
      "код семьи",
      "номер семьи",
      "№ семьи",
      "семья",
      "отбасы",
      "отбасы коды",
      "отбасы нөмірі",
      "family",
      "family id",
    ],
  ],
  ["category", ["категория", "санат", "санаты"]],
  [
    "relationship",
    ["родство", "степень родства", "кем приходится", "отношение к главе семьи", "туыстығы", "туыстық дәрежесі"],
  ],
  ["surname", ["фамилия", "тегі", "last name", "family name"]],
  ["given_name", ["имя", "аты", "есімі", "first name", "given name", "name"]],
  ["patronymic", ["отчество", "әкесінің аты", "middle name"]],
  ["surname_latin", ["фамилия латиницей", "фамилия лат", "тегі латынша", "surname lat"]],
  ["given_name_latin", ["имя латиницей", "имя лат", "аты латынша", "given name lat"]],
  ["patronymic_latin", ["отчество латиницей", "отчество лат", "әкесінің аты латынша", "patronymic lat"]],
  ["birth_date", ["дата рождения", "туған күні", "туған күн", "туылған күні", "date of birth", "dob"]],
  ["sex", ["пол", "жынысы", "gender"]],
  ["iin", ["иин", "жсн"]],
  ["citizenship", ["гражданство", "азаматтығы", "nationality"]],
  ["education", ["образование", "білімі"]],
  ["profession", ["профессия", "специальность", "мамандығы", "кәсібі", "occupation"]],
  ["origin_country", ["страна происхождения", "страна выезда", "шыққан елі", "келген елі", "country of origin"]],
  ["origin_region", ["регион выезда", "область выезда", "шыққан өңірі", "region of origin"]],
  [
    "target_region",
    ["регион", "регион вселения", "область", "область вселения", "өңір", "облыс", "қоныстану өңірі", "region"],
  ],
  ["target_district", ["район", "район вселения", "аудан", "ауданы", "district"]],
  [
    "application_date",
    ["дата заявления", "дата подачи заявления", "дата обращения", "өтініш күні", "өтініш берілген күн"],
  ],
  ["phone", ["телефон", "контактный телефон", "тел", "байланыс телефоны"]],
  ["email", ["e-mail", "электронная почта", "эл почта", "электрондық пошта"]],
  ["address", ["адрес", "мекенжай", "мекенжайы"]],
  ["status", ["статус", "статус дела", "мәртебе", "мәртебесі", "іс мәртебесі"]],
  ["decision_number", ["номер решения", "№ решения", "шешім нөмірі"]],
  ["decision_date", ["дата решения", "шешім күні"]],
  [
    "status_valid_until",
    ["статус действителен до", "срок статуса", "мәртебе мерзімі", "мәртебенің жарамдылық мерзімі", "valid until"],
  ],
  ["arrival_date", ["дата прибытия", "дата переезда", "келген күні", "arrival"]],
];

const HEADER_VOCABULARY = vocabulary<CanonicalColumn>([
  ...CANONICAL_COLUMNS.map((column) => [column, [column]] as const),
  ...HEADER_WORDS,
]);

/** The canonical column a header text stands for, or undefined. */
export function columnForHeader(header: string): CanonicalColumn | undefined {
  return HEADER_VOCABULARY.get(lookupKey(header));
}

/** Canonical column → index of the file's column (0-based). JSON as it is. */
export type ColumnMapping = Partial<Record<CanonicalColumn, number>>;

/** Canonical column → the file's header text, for saving a mapping under a name and reusing it. */
export type SavedMapping = Partial<Record<CanonicalColumn, string>>;

/** The mapping read from a header row: each column whose header names a canonical column, first one wins. */
export function automaticMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  header.forEach((text, index) => {
    const column = columnForHeader(text);
    if (column !== undefined && mapping[column] === undefined) mapping[column] = index;
  });
  return mapping;
}

export interface MappingProblem {
  code: MappingProblemCode;
  /** The canonical column, or the unknown name found where one was expected. */
  column: string;
  /** The file's column (0-based index or header text) concerned. */
  fileColumn?: number | string;
}

export type MappingCheck = { ok: true; mapping: ColumnMapping } | { ok: false; problems: MappingProblem[] };

/**
 * Checks a mapping (as chosen in the mapping step or read back from JSON) against a file of
 * `columnCount` columns: only canonical names, each pointing at an existing column, no file column
 * used twice, every required column mapped.
 */
export function checkMapping(candidate: Readonly<Record<string, unknown>>, columnCount: number): MappingCheck {
  const problems: MappingProblem[] = [];
  const mapping: ColumnMapping = {};
  const usedBy = new Map<number, string>();
  for (const [column, index] of Object.entries(candidate)) {
    if (!isCanonicalColumn(column)) {
      problems.push({ code: "mapping-unknown-column", column });
      continue;
    }
    // A column left unchosen (a Partial mapping's undefined) is simply not mapped.
    if (index === undefined) continue;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= columnCount) {
      problems.push({ code: "mapping-file-column-missing", column, fileColumn: String(index) });
      continue;
    }
    if (usedBy.has(index)) {
      problems.push({ code: "mapping-file-column-used-twice", column, fileColumn: index });
      continue;
    }
    usedBy.set(index, column);
    mapping[column] = index;
  }
  for (const column of REQUIRED_COLUMNS) {
    if (mapping[column] === undefined && !problems.some((problem) => problem.column === column))
      problems.push({ code: "mapping-required-column-missing", column });
  }
  return problems.length === 0 ? { ok: true, mapping } : { ok: false, problems };
}

/** A mapping for saving: each canonical column with the header text of its file column. */
export function saveMapping(mapping: ColumnMapping, header: readonly string[]): SavedMapping {
  const saved: SavedMapping = {};
  for (const column of CANONICAL_COLUMNS) {
    const index = mapping[column];
    if (index !== undefined && header[index] !== undefined) saved[column] = header[index];
  }
  return saved;
}

/**
 * A saved mapping applied to a file's header row (headers compared as lookup keys) and checked. A
 * header the file does not have is "mapping-file-column-missing".
 */
export function applySavedMapping(saved: Readonly<Record<string, unknown>>, header: readonly string[]): MappingCheck {
  const keys = header.map(lookupKey);
  const candidate: Record<string, unknown> = {};
  const missing: MappingProblem[] = [];
  for (const [column, text] of Object.entries(saved)) {
    const index = typeof text === "string" ? keys.indexOf(lookupKey(text)) : -1;
    if (index === -1 && isCanonicalColumn(column))
      missing.push({ code: "mapping-file-column-missing", column, fileColumn: String(text) });
    else candidate[column] = index;
  }
  const check = checkMapping(candidate, header.length);
  if (missing.length === 0) return check;
  const others = check.ok ? [] : check.problems.filter((problem) => !missing.some((m) => m.column === problem.column));
  return { ok: false, problems: [...missing, ...others] };
}
