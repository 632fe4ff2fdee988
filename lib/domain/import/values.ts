/**
 * One parser per kind of value in an import file, accepting values as people write them in Kazakh,
 * Russian or English registries. Each takes the cell's text and answers the value, `null` for an empty
 * cell (whether the column may be empty is the row's business), or the problem. Words are compared
 * by `lookupKey`: case, Kazakh letters against their Russian look-alikes, Latin look-alikes typed
 * inside Cyrillic words, and punctuation do not matter.
 */
import type { Category, CaseStatus, Education, Relationship, Sex } from "@/lib/generated/prisma/enums";
import { CASE_STATUSES } from "../case-status";
import { ORIGIN_COUNTRIES, STATELESS, countryName } from "../countries";
import { validateIin } from "../iin";
import { normaliseKzPhone } from "../phone";
import { DISTRICTS, REGIONS, isRegionId, regionsCoveringOldRegion, type DistrictInfo } from "../regions";
import { codeKey, lookupKey, vocabulary } from "./lookup";
import type { ImportWarning, ValueProblem } from "./problems";

export type ValueResult<T> =
  { ok: true; value: T | null; warnings?: readonly ImportWarning[] } | { ok: false; problem: ValueProblem };

const empty = { ok: true, value: null } as const;
const refused = (problem: ValueProblem) => ({ ok: false, problem }) as const;

function lookUp<T>(table: ReadonlyMap<string, T>, raw: string, problem: ValueProblem): ValueResult<T> {
  if (raw.trim() === "") return empty;
  const value = table.get(lookupKey(raw));
  return value === undefined ? refused(problem) : { ok: true, value };
}

// ——— Dates ———

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A calendar date written dd.mm.yyyy, d.m.yyyy or yyyy-mm-dd, as ISO yyyy-mm-dd. Two-digit years and
 * other orders (mm/dd/yyyy) are refused: they cannot be read without guessing.
 */
export function parseDate(raw: string): ValueResult<string> {
  const text = raw.trim();
  if (text === "") return empty;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dotted
    ? [Number(dotted[3]), Number(dotted[2]), Number(dotted[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  const value = dotted || iso ? isoIfReal(year, month, day) : null;
  return value === null ? refused("date-invalid") : { ok: true, value };
}

// ——— Words for the schema's enums ———

const SEX = vocabulary<Sex>([
  ["M", ["M", "М", "Е", "male", "man", "муж", "мужской", "мужчина", "ер", "еркек"]],
  ["F", ["F", "Ж", "Ә", "female", "woman", "жен", "женский", "женщина", "әйел"]],
]);

/** Sex: M/F, the Kazakh Е/Ә (ер, әйел), the Russian М/Ж (муж, жен) and the full words in kk/ru/en. */
export function parseSex(raw: string): ValueResult<Sex> {
  return lookUp(SEX, raw, "sex-unknown");
}

const CATEGORY = vocabulary<Category>([
  // "Оралман" was the official word for kandas until 2020; older registries use it.
  ["KANDAS", ["KANDAS", "кандас", "қандас", "оралман", "oralman"]],
  ["SETTLER", ["SETTLER", "переселенец", "қоныс аударушы"]],
]);

/** Category: KANDAS/SETTLER or the Kazakh and Russian words (қандас, оралман; қоныс аударушы, переселенец). */
export function parseCategory(raw: string): ValueResult<Category> {
  return lookUp(CATEGORY, raw, "category-unknown");
}

const RELATIONSHIP = vocabulary<Relationship>([
  [
    "HEAD",
    [
      "HEAD",
      "head of family",
      "applicant",
      "глава семьи",
      "глава",
      "заявитель",
      "отбасы басшысы",
      "басшысы",
      "өтініш беруші",
    ],
  ],
  [
    "SPOUSE",
    ["SPOUSE", "wife", "husband", "супруг", "супруга", "супруг(а)", "жена", "муж", "жұбайы", "әйелі", "күйеуі"],
  ],
  ["CHILD", ["CHILD", "son", "daughter", "ребёнок", "сын", "дочь", "баласы", "бала", "ұлы", "қызы"]],
  ["PARENT", ["PARENT", "mother", "father", "родитель", "мать", "отец", "ата-анасы", "анасы", "әкесі"]],
  [
    "SIBLING",
    [
      "SIBLING",
      "brother",
      "sister",
      "brother or sister",
      "брат",
      "сестра",
      "брат или сестра",
      "бауыры",
      "ағасы",
      "інісі",
      "әпкесі",
      "сіңлісі",
      "қарындасы",
    ],
  ],
  [
    "GRANDCHILD",
    ["GRANDCHILD", "grandson", "granddaughter", "внук", "внучка", "внук или внучка", "немересі", "немере"],
  ],
  [
    "GRANDPARENT",
    [
      "GRANDPARENT",
      "grandfather",
      "grandmother",
      "дедушка",
      "бабушка",
      "дедушка или бабушка",
      "атасы",
      "әжесі",
      "атасы немесе әжесі",
    ],
  ],
  ["OTHER", ["OTHER", "other relative", "другой родственник", "другое", "басқа туысы", "басқа"]],
]);

/** Relationship to the head: the codes, or words in kk/ru/en (жұбайы, супруга, wife …). */
export function parseRelationship(raw: string): ValueResult<Relationship> {
  return lookUp(RELATIONSHIP, raw, "relationship-unknown");
}

const EDUCATION = vocabulary<Education>([
  ["NONE", ["NONE", "нет", "без образования", "жоқ", "білімі жоқ"]],
  ["PRIMARY", ["PRIMARY", "начальное", "бастауыш"]],
  ["SECONDARY", ["SECONDARY", "среднее", "общее среднее", "орта", "жалпы орта"]],
  [
    "VOCATIONAL",
    [
      "VOCATIONAL",
      "профессиональное",
      "среднее специальное",
      "средне-специальное",
      "техническое и профессиональное",
      "кәсіптік",
      "техникалық және кәсіптік",
      "арнаулы орта",
    ],
  ],
  ["HIGHER", ["HIGHER", "высшее", "жоғары"]],
  [
    "POSTGRADUATE",
    ["POSTGRADUATE", "послевузовское", "жоғары оқу орнынан кейінгі", "магистратура", "аспирантура", "докторантура"],
  ],
]);

/** Education: the codes or the Kazakh and Russian levels (орта, среднее; жоғары, высшее …). */
export function parseEducation(raw: string): ValueResult<Education> {
  return lookUp(EDUCATION, raw, "education-unknown");
}

const STATUS_WORDS: Record<CaseStatus, readonly string[]> = {
  REGISTERED: ["registered", "тіркелді", "зарегистрировано", "зарегистрирован"],
  UNDER_REVIEW: ["under review", "қаралуда", "на рассмотрении"],
  APPROVED: ["approved", "мақұлданды", "одобрено", "одобрен"],
  QUOTA_ALLOCATED: ["included in the quota", "квотаға енгізілді", "включено в квоту", "включен в квоту"],
  RESETTLED: ["resettled", "қоныстанды", "переселены", "переселен"],
  SUPPORTED: ["support provided", "қолдау көрсетілді", "поддержка оказана"],
  CLOSED: ["closed", "жабылды", "закрыто", "закрыт"],
  REJECTED: ["rejected", "бас тартылды", "отказано", "отказ"],
  WITHDRAWN: ["withdrawn", "кері қайтарылды", "отозвано", "отозван"],
  EXPIRED: ["status expired", "мәртебе мерзімі өтті", "срок статуса истёк", "истёк"],
};
const STATUS = vocabulary<CaseStatus>(
  CASE_STATUSES.map((status) => [status, [status, ...STATUS_WORDS[status]]] as const),
);

/** Case status: the codes or the status names of the app in kk/ru/en (and their short Russian forms). */
export function parseStatus(raw: string): ValueResult<CaseStatus> {
  return lookUp(STATUS, raw, "status-unknown");
}

// ——— Regions and districts ———

// Other names in use: abbreviations, the name of Astana from 2019 to 2022, South Kazakhstan Region
// (Turkistan Region until 2018), Russian adjectives without "область".
const OTHER_REGION_NAMES: Record<string, readonly string[]> = {
  "KZ-27": ["ЗКО", "БҚО"],
  "KZ-33": ["Жетысуская область"],
  "KZ-59": ["СКО", "СҚО"],
  "KZ-61": ["ЮКО", "Южно-Казахстанская область", "Оңтүстік Қазақстан облысы", "South Kazakhstan Region"],
  "KZ-63": ["ВКО", "ШҚО"],
  "KZ-71": ["Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan"],
};

// Matched against lookup keys, where Kazakh letters are already folded (қаласы → каласы).
const GENERIC_REGION_WORDS = / (облысы|область|обл|region)$|^(область|город|г|city) | (каласы|city)$/;

function regionTable(): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  const add = (id: string, name: string) => {
    if (!table.has(lookupKey(name))) table.set(lookupKey(name), id);
  };
  // Full names first, so that "Алматы" is the city and "Алматы облысы" the region.
  for (const region of REGIONS) {
    for (const name of Object.values(region.name)) add(region.id, name);
    if (region.kind === "CITY") for (const name of Object.values(region.centre)) add(region.id, name);
    for (const name of OTHER_REGION_NAMES[region.id] ?? []) add(region.id, name);
  }
  for (const region of REGIONS) {
    for (const name of Object.values(region.name)) add(region.id, lookupKey(name).replace(GENERIC_REGION_WORDS, ""));
  }
  return table;
}

const REGION_BY_NAME = regionTable();

/**
 * The region a cell names: an ISO 3166-2:KZ code (KZ-55) or a name in kk/ru/en, full or short
 * ("Павлодарская обл.", "Pavlodar", "ВКО"). Names of regions that the 2022 reform split are their
 * names today, so the region named may be an old one; `parseTargetRegion` resolves it.
 */
export function parseRegionName(raw: string): ValueResult<string> {
  if (raw.trim() === "") return empty;
  const code = codeKey(raw).replace(/^KZ(\d{2})$/, "KZ-$1");
  if (isRegionId(code)) return { ok: true, value: code };
  const byName =
    REGION_BY_NAME.get(lookupKey(raw)) ?? REGION_BY_NAME.get(lookupKey(raw).replace(GENERIC_REGION_WORDS, ""));
  return byName === undefined ? refused("region-unknown") : { ok: true, value: byName };
}

const GENERIC_DISTRICT_WORDS = /(^| )(ауданы|аудан|район|р н|district|каласы|город|г|city)(?= |$)/g;

function districtStem(text: string): string {
  return lookupKey(text).replace(GENERIC_DISTRICT_WORDS, " ").trim();
}

function findDistrict(raw: string, regionIds: readonly string[]): DistrictInfo | undefined {
  const stem = districtStem(raw);
  return DISTRICTS.find(
    (district) =>
      regionIds.includes(district.regionId) && Object.values(district.name).some((name) => districtStem(name) === stem),
  );
}

/**
 * The 2022 reform (Abai, Jetisu and Ulytau regions) took effect on 8 June 2022; applications made
 * before that day name the regions as they were (docs/decisions/005).
 */
export const REGION_REFORM_DATE = "2022-06-08";

/** The year whose boundaries an application of that date used, for `mapToRegionOfYear` and its inverse. */
export function boundaryYear(applicationDate: string): number {
  const year = Number(applicationDate.slice(0, 4));
  return applicationDate < REGION_REFORM_DATE ? Math.min(year, Number(REGION_REFORM_DATE.slice(0, 4)) - 1) : year;
}

export interface TargetPlace {
  regionId: string;
  district: DistrictInfo | null;
}

/**
 * The region and district a family is placed in, today's ones. The region cell is read by
 * `parseRegionName`; the district, when given, must be a district of that region (by name in
 * kk/ru/en, with or without "ауданы"/"район"/"District"). For an application made before the 2022
 * reform in a region that was split since (East Kazakhstan, Almaty Region, Karaganda Region), the
 * district tells which of today's regions the family is in (Ayagoz → Abai Region); without a district
 * that is "region-needs-district". A region created by the reform named on an older application is
 * taken as it is: the registry was already brought up to date.
 */
export function parseTargetRegion(
  raw: string,
  context: { applicationDate: string | null; district: string },
): ValueResult<TargetPlace> {
  const named = parseRegionName(raw);
  if (!named.ok || named.value === null) return named.ok ? empty : named;
  const covering =
    context.applicationDate === null
      ? []
      : regionsCoveringOldRegion(named.value, boundaryYear(context.applicationDate));
  const candidates = covering.length > 0 ? covering : [named.value];
  if (context.district.trim() === "") {
    return candidates.length === 1 && candidates[0] !== undefined
      ? { ok: true, value: { regionId: candidates[0], district: null } }
      : refused("region-needs-district");
  }
  const district = findDistrict(context.district, candidates);
  return district === undefined
    ? refused("district-unknown")
    : { ok: true, value: { regionId: district.regionId, district } };
}

// ——— Countries ———

const KNOWN_COUNTRY_CODES = [...ORIGIN_COUNTRIES.map((country) => country.code), "KZ", STATELESS];

const COUNTRY = vocabulary<string>([
  ...KNOWN_COUNTRY_CODES.map(
    (code) => [code, (["kk", "ru", "en"] as const).map((locale) => countryName(code, locale))] as const,
  ),
  ["CN", ["КНР"]],
  ["RU", ["РФ", "Российская Федерация"]],
  [STATELESS, ["без гражданства", "апатрид"]],
]);

/**
 * A country: an ISO 3166-1 alpha-2 code (any, as the registration form takes; "XX" for stateless,
 * also written with Cyrillic look-alikes), or the name of an origin country, Kazakhstan or
 * statelessness in kk/ru/en.
 */
export function parseCountry(raw: string): ValueResult<string> {
  if (raw.trim() === "") return empty;
  const code = codeKey(raw);
  if (/^[A-Z]{2}$/.test(code)) return { ok: true, value: code };
  return lookUp(COUNTRY, raw, "country-unknown");
}

// ——— Contacts and the IIN ———

/** A Kazakhstan phone number in any usual spelling, as +7XXXXXXXXXX (lib/domain/phone.ts). */
export function parsePhone(raw: string): ValueResult<string> {
  if (raw.trim() === "") return empty;
  const phone = normaliseKzPhone(raw);
  return phone === null ? refused("phone-invalid") : { ok: true, value: phone };
}

const IIN_PROBLEMS = {
  length: "iin-length",
  digits: "iin-digits",
  checksum: "iin-checksum",
  "no-check-digit": "iin-no-check-digit",
} as const satisfies Record<string, ValueProblem>;

/**
 * An IIN, spaces inside ignored. A spreadsheet that stored the IIN as a number has dropped its
 * leading zero (people born in 2000–2009): an 11-digit value that is a valid IIN with the zero put
 * back is taken with a warning. An invalid IIN is refused with its reason; whether its date and sex
 * agree with the person is the row's business (a warning, IINs since 2013 need not encode them).
 */
export function parseIin(raw: string): ValueResult<string> {
  const text = raw.replace(/\s+/g, "");
  if (text === "") return empty;
  if (/^\d{11}$/.test(text) && validateIin(`0${text}`).ok)
    return { ok: true, value: `0${text}`, warnings: ["iin-leading-zero-restored"] };
  const result = validateIin(text);
  return result.ok ? { ok: true, value: text } : refused(IIN_PROBLEMS[result.reason]);
}
