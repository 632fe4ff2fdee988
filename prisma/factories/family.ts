/**
 * Deterministic family (case) data for the seed, benchmarks and tests: a household with valid unique
 * IINs, names in both scripts, ages and relationships that fit together, and a status history whose
 * dates increase and whose decision/arrival data match the status.
 */
import type { CaseStatus, Category, Education, Relationship, Role, Sex } from "@/lib/generated/prisma/enums";
import { MAIN_PATH } from "@/lib/domain/case-status";
import { ORIGIN_COUNTRIES, STATELESS } from "@/lib/domain/countries";
import { generateIin } from "@/lib/domain/iin";
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  PROFESSIONS,
  SURNAMES,
  patronymicFrom,
  surnameForSex,
} from "@/lib/domain/names";
import { QUOTA_2026 } from "@/lib/domain/quota-reference";
import { districtsOf, getRegion, labourSurplusRegions } from "@/lib/domain/regions";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import { addDays, addMonths, chance, isoDay, pick, pickWeighted, randInt, randomDay, type Rng } from "./random";

export interface PersonDraft {
  position: number;
  isHead: boolean;
  relationship: Relationship;
  surnameCyr: string;
  givenNameCyr: string;
  patronymicCyr: string | null;
  surnameLat: string;
  givenNameLat: string;
  patronymicLat: string | null;
  iin: string | null;
  birthDate: Date;
  sex: Sex;
  citizenship: string;
  education: Education | null;
  profession: string | null;
}

export interface EventDraft {
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  at: Date;
  /** Role of the user who took the step; the seed maps it to a user of the region. */
  actorRole: Role;
  reason: string | null;
  data: Record<string, string | number> | null;
}

export interface AllocationDraft {
  year: number;
  persons: number;
  at: Date;
  status: "ACTIVE" | "RELEASED";
  releasedAt: Date | null;
}

export interface FamilyDraft {
  category: Category;
  status: CaseStatus;
  originCountry: string | null;
  originRegionId: string | null;
  targetRegionId: string;
  /** English name of the target district (unique within the region), or null. */
  targetDistrictNameEn: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  address: string | null;
  applicationDate: Date;
  decisionNumber: string | null;
  decisionDate: Date | null;
  statusValidUntil: Date | null;
  arrivalDate: Date | null;
  members: PersonDraft[];
  events: EventDraft[];
  allocation: AllocationDraft | null;
}

/** Overrides for the head of family, so tests and the seed can create families they can find again. */
export interface HeadOverrides {
  /** Family surname in the masculine form (Қасымов); each member gets the form for their sex. */
  surnameCyr?: string;
  givenNameCyr?: string;
  patronymicCyr?: string | null;
  sex?: Sex;
  birthDate?: Date;
  iin?: string | null;
}

export interface BuildFamilyOptions {
  category?: Category;
  targetRegionId?: string;
  targetDistrictNameEn?: string;
  status?: CaseStatus;
  originCountry?: string;
  originRegionId?: string;
  size?: number;
  head?: HeadOverrides;
  /** "Today" for the generated history: no event is later. Default SEED_REFERENCE_DATE. */
  referenceDate?: Date;
  /** Earliest application date. Default 2024-09-01. */
  earliestApplication?: Date;
  /** Year and order date of the quota the family is allocated to (allocation happens after the order). */
  quotaYear?: number;
  quotaOrderDate?: Date;
  /** IINs already used; new ones are added. Share one set across families to keep IINs unique. */
  usedIins?: Set<string>;
  /** Months a kandas status stays valid (the setting status.validityMonths). Default 12. */
  statusValidityMonths?: number;
}

/** Fixed "today" of the demo data, so that the seed is reproducible. */
export const SEED_REFERENCE_DATE = new Date(Date.UTC(2026, 10, 27));
/** Date of the demo 2026 quota order. */
export const DEMO_QUOTA_ORDER_DATE = new Date(Date.UTC(2026, 0, 15));
const DEFAULT_EARLIEST_APPLICATION = new Date(Date.UTC(2024, 8, 1));

/** How often each final status occurs in generated data (EXPIRED only for kandas). */
export const STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ["REGISTERED", 9],
  ["UNDER_REVIEW", 11],
  ["APPROVED", 14],
  ["QUOTA_ALLOCATED", 14],
  ["RESETTLED", 14],
  ["SUPPORTED", 14],
  ["CLOSED", 7],
  ["REJECTED", 6],
  ["WITHDRAWN", 5],
  ["EXPIRED", 6],
];

/** Household sizes 1–8, mean about 3.5. */
const SIZE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 12],
  [2, 18],
  [3, 22],
  [4, 21],
  [5, 14],
  [6, 8],
  [7, 3],
  [8, 2],
];

/** Where settlers come from (labour-surplus regions), roughly by population. */
const SETTLER_ORIGIN_WEIGHTS: Readonly<Record<string, number>> = {
  "KZ-61": 40,
  "KZ-31": 18,
  "KZ-19": 12,
  "KZ-43": 12,
  "KZ-79": 10,
  "KZ-47": 8,
};

const EDUCATION_WEIGHTS: readonly (readonly [Education, number])[] = [
  ["NONE", 3],
  ["PRIMARY", 5],
  ["SECONDARY", 35],
  ["VOCATIONAL", 30],
  ["HIGHER", 25],
  ["POSTGRADUATE", 2],
];

const MOBILE_PREFIXES = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];
const STREETS = [
  "Абай",
  "Жамбыл",
  "Бейбітшілік",
  "Тәуелсіздік",
  "Достық",
  "Әл-Фараби",
  "Сәтбаев",
  "Мектеп",
  "Орталық",
  "Жастар",
];

const REJECTION_REASONS = [
  "Ұлты қазақ екенін растайтын құжаттар ұсынылмады",
  "Құжаттардың аудармасы нотариалды куәландырылмаған",
  "Не представлены документы, подтверждающие национальность",
  "Өтініш беруші бағдарлама талаптарына сәйкес келмейді",
];
const WITHDRAWAL_REASONS = [
  "Отбасы жағдайына байланысты өтінішін кері қайтарып алды",
  "Өтініш беруші басқа өңірге көшуді шешті",
  "Семья отказалась от переезда",
  "Заявитель вернулся в страну прежнего проживания",
];

/** Which steps lead to a final status; WITHDRAWN picks the stage it leaves from. */
function pathTo(rng: Rng, status: CaseStatus): CaseStatus[] {
  const main: CaseStatus[] = [...MAIN_PATH];
  const idx = main.indexOf(status);
  if (idx >= 0) return main.slice(0, idx + 1);
  if (status === "REJECTED") return ["REGISTERED", "UNDER_REVIEW", "REJECTED"];
  if (status === "EXPIRED") return ["REGISTERED", "UNDER_REVIEW", "APPROVED", "EXPIRED"];
  const leaveFrom = pickWeighted<number>(rng, [
    [1, 3],
    [2, 4],
    [3, 3],
    [4, 2],
  ]);
  return [...main.slice(0, leaveFrom), "WITHDRAWN"];
}

/** A timestamp within Almaty office hours (UTC+5, 09:00–18:00) on a day. */
function officeTime(rng: Rng, day: Date): Date {
  return new Date(day.getTime() + (4 * 60 + randInt(rng, 0, 9 * 60 - 1)) * 60_000);
}

interface Timeline {
  applicationDate: Date;
  steps: { status: CaseStatus; day: Date }[];
  decisionDate: Date | null;
  statusValidUntil: Date | null;
  arrivalDate: Date | null;
}

function simulate(
  rng: Rng,
  path: CaseStatus[],
  category: Category,
  applicationDate: Date,
  quotaOrderDate: Date,
  quotaYear: number,
  validityMonths: number,
): Timeline | null {
  const steps: { status: CaseStatus; day: Date }[] = [];
  let day = applicationDate;
  let decisionDate: Date | null = null;
  let statusValidUntil: Date | null = null;
  let arrivalDate: Date | null = null;
  for (const status of path) {
    switch (status) {
      case "REGISTERED":
        day = applicationDate;
        break;
      case "UNDER_REVIEW":
        day = addDays(day, randInt(rng, 0, 4));
        break;
      case "APPROVED":
      case "REJECTED":
        day = addDays(day, randInt(rng, 7, 40));
        if (status === "APPROVED") {
          decisionDate = day;
          if (category === "KANDAS") statusValidUntil = addMonths(day, validityMonths);
        }
        break;
      case "QUOTA_ALLOCATED": {
        const afterDecision = addDays(day, randInt(rng, 3, 60));
        const afterOrder = addDays(quotaOrderDate, randInt(rng, 1, 45));
        day = afterDecision > afterOrder ? afterDecision : afterOrder;
        if (day.getUTCFullYear() !== quotaYear) return null;
        if (statusValidUntil && day >= statusValidUntil) return null;
        break;
      }
      case "RESETTLED":
        day = addDays(day, randInt(rng, 10, 80));
        arrivalDate = day;
        break;
      case "SUPPORTED":
        day = addDays(day, randInt(rng, 5, 40));
        break;
      case "CLOSED": {
        const afterSupport = addDays(day, randInt(rng, 20, 60));
        const citizenship = addDays(decisionDate ?? day, randInt(rng, 300, 360));
        day = afterSupport > citizenship ? afterSupport : citizenship;
        if (statusValidUntil && day >= statusValidUntil) return null;
        break;
      }
      case "EXPIRED":
        if (!statusValidUntil) return null;
        day = addDays(statusValidUntil, randInt(rng, 1, 10));
        break;
      case "WITHDRAWN":
        day = addDays(day, randInt(rng, 3, 60));
        if (statusValidUntil && day >= statusValidUntil) return null;
        break;
    }
    steps.push({ status, day });
  }
  return { applicationDate, steps, decisionDate, statusValidUntil, arrivalDate };
}

function acceptable(t: Timeline, reference: Date): boolean {
  const last = t.steps[t.steps.length - 1];
  if (!last || last.day > reference) return false;
  // An active kandas case holds a valid status (else it would be EXPIRED, or extended, which the
  // generator does not model); citizenship (CLOSED) comes before the status lapses.
  const final = last.status;
  const isActive =
    final === "APPROVED" || final === "QUOTA_ALLOCATED" || final === "RESETTLED" || final === "SUPPORTED";
  if (t.statusValidUntil && isActive && t.statusValidUntil <= reference) return false;
  return true;
}

function weightedTargetRegion(rng: Rng, category: Category): string {
  const pool = QUOTA_2026[category === "KANDAS" ? "KANDAS" : "SETTLER"];
  return pickWeighted(rng, Object.entries(pool));
}

function phone(rng: Rng): string {
  const d = () => String(randInt(rng, 0, 9));
  return `+7 ${pick(rng, MOBILE_PREFIXES)} ${d()}${d()}${d()} ${d()}${d()} ${d()}${d()}`;
}

/** Birth date of someone aged `age` (whole years) on `at`. */
function birthDateForAge(rng: Rng, at: Date, age: number): Date {
  const latest = addDays(new Date(Date.UTC(at.getUTCFullYear() - age, at.getUTCMonth(), at.getUTCDate())), 0);
  return addDays(latest, -randInt(rng, 0, 364));
}

interface MemberPlan {
  relationship: Relationship;
  sex: Sex;
  age: number;
  /** Given name of the person's father, for the patronymic. */
  fatherName: string;
  /** Masculine surname stem the person carries. */
  surnameStem: string;
}

function givenName(rng: Rng, sex: Sex): string {
  return pick(rng, sex === "M" ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
}

function planHousehold(
  rng: Rng,
  size: number,
  head: HeadOverrides,
  headAgeDefault: number,
  familySurname: string,
): MemberPlan[] {
  const headSex: Sex = head.sex ?? (size === 1 ? (chance(rng, 0.6) ? "M" : "F") : chance(rng, 0.82) ? "M" : "F");
  const headAge = headAgeDefault;
  const headFather = pick(rng, MALE_GIVEN_NAMES);
  const plans: MemberPlan[] = [
    { relationship: "HEAD", sex: headSex, age: headAge, fatherName: headFather, surnameStem: familySurname },
  ];
  if (size === 1) return plans;

  const hasSpouse = chance(rng, headAge >= 63 ? 0.7 : 0.85);
  if (hasSpouse) {
    const spouseSex: Sex = headSex === "M" ? "F" : "M";
    const spouseAge = Math.max(18, headSex === "M" ? headAge - randInt(rng, 0, 7) : headAge + randInt(rng, 0, 6));
    const spouseStem = spouseSex === "F" && chance(rng, 0.5) ? familySurname : pick(rng, SURNAMES);
    plans.push({
      relationship: "SPOUSE",
      sex: spouseSex,
      age: spouseAge,
      fatherName: pick(rng, MALE_GIVEN_NAMES),
      surnameStem: spouseStem,
    });
  }
  let parentAdded = false;
  while (plans.length < size) {
    const remaining = size - plans.length;
    if (!parentAdded && headAge >= 38 && headAge <= 60 && remaining >= 2 && chance(rng, 0.3)) {
      parentAdded = true;
      const isFather = chance(rng, 0.4);
      const age = Math.min(92, headAge + randInt(rng, 22, 32));
      plans.push({
        relationship: "PARENT",
        sex: isFather ? "M" : "F",
        age,
        fatherName: pick(rng, MALE_GIVEN_NAMES),
        surnameStem: isFather || chance(rng, 0.5) ? familySurname : pick(rng, SURNAMES),
      });
      continue;
    }
    const youngestParentAge = Math.min(
      headAge,
      plans[1]?.relationship === "SPOUSE" ? (plans[1]?.age ?? headAge) : headAge,
    );
    const maxChildAge = youngestParentAge - 19;
    if (headAge >= 60 && chance(rng, 0.5)) {
      // Older heads live with grandchildren of their sons.
      plans.push({
        relationship: "GRANDCHILD",
        sex: chance(rng, 0.5) ? "M" : "F",
        age: randInt(rng, 0, 14),
        fatherName: pick(rng, MALE_GIVEN_NAMES),
        surnameStem: familySurname,
      });
      continue;
    }
    if (maxChildAge >= 0) {
      // Mostly minors: children are spread over the parents' child-bearing years up to age 30.
      const age = chance(rng, 0.55)
        ? randInt(rng, 0, Math.min(17, maxChildAge))
        : randInt(rng, Math.min(18, maxChildAge), Math.min(30, maxChildAge));
      // The father's given name is known only once names are drawn; buildFamily fills it in.
      plans.push({
        relationship: "CHILD",
        sex: chance(rng, 0.5) ? "M" : "F",
        age,
        fatherName: "",
        surnameStem: familySurname,
      });
      continue;
    }
    plans.push({
      relationship: "SIBLING",
      sex: chance(rng, 0.5) ? "M" : "F",
      age: Math.max(16, headAge + randInt(rng, -6, 6)),
      fatherName: headFather,
      surnameStem: familySurname,
    });
  }
  return plans;
}

function headAgeFor(rng: Rng, size: number): number {
  if (chance(rng, size <= 2 ? 0.14 : 0.06)) return randInt(rng, 63, 75);
  if (size >= 5) return randInt(rng, 30, 55);
  return pickWeighted<number>(rng, [
    [randInt(rng, 20, 29), 3],
    [randInt(rng, 30, 44), 5],
    [randInt(rng, 45, 62), 2],
  ]);
}

const latinNames = new Map<string, string>();
/** transliterateKazakh, remembered: names come from fixed lists, and the bulk generator draws millions. */
function latinName(cyrillic: string): string {
  let latin = latinNames.get(cyrillic);
  if (latin === undefined) {
    latin = transliterateKazakh(cyrillic);
    latinNames.set(cyrillic, latin);
  }
  return latin;
}

function uniqueIin(rng: Rng, birthDate: Date, sex: Sex, used: Set<string>): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const iin = generateIin(birthDate, sex, randInt(rng, 0, 9999));
    if (!used.has(iin)) {
      used.add(iin);
      return iin;
    }
  }
  throw new Error("could not find a free IIN serial");
}

/** Share of kandas members without an IIN yet, by case status (about 20% overall). */
function missingIinProbability(status: CaseStatus): number {
  switch (status) {
    case "REGISTERED":
      return 0.75;
    case "UNDER_REVIEW":
      return 0.55;
    case "REJECTED":
    case "WITHDRAWN":
      return 0.4;
    case "APPROVED":
      return 0.12;
    default:
      return 0.03;
  }
}

/**
 * Builds one family (case) deterministically from `rng`. Unset options are drawn: category 50/50,
 * target region weighted by the 2026 quota of the pool, origin country weighted by the published
 * shares (kandas) or a labour-surplus region (settlers), size 1–8, status from STATUS_WEIGHTS.
 */
export function buildFamily(rng: Rng, opts: BuildFamilyOptions = {}): FamilyDraft {
  const reference = opts.referenceDate ?? SEED_REFERENCE_DATE;
  const earliest = opts.earliestApplication ?? DEFAULT_EARLIEST_APPLICATION;
  const quotaOrderDate = opts.quotaOrderDate ?? DEMO_QUOTA_ORDER_DATE;
  const quotaYear = opts.quotaYear ?? quotaOrderDate.getUTCFullYear();
  const validityMonths = opts.statusValidityMonths ?? 12;
  const used = opts.usedIins ?? new Set<string>();

  const category: Category = opts.category ?? (chance(rng, 0.5) ? "KANDAS" : "SETTLER");
  const isKandas = category === "KANDAS";
  const targetRegionId = opts.targetRegionId ?? weightedTargetRegion(rng, category);
  const targetRegion = getRegion(targetRegionId);
  let status: CaseStatus = opts.status ?? pickWeighted(rng, STATUS_WEIGHTS);
  if (status === "EXPIRED" && !isKandas) status = "APPROVED";

  const originCountry = isKandas
    ? (opts.originCountry ??
      pickWeighted(
        rng,
        ORIGIN_COUNTRIES.map((c) => [c.code, c.demoWeight] as const),
      ))
    : null;
  const originRegionId = isKandas
    ? null
    : (opts.originRegionId ??
      pickWeighted(
        rng,
        labourSurplusRegions().map((r) => [r.id, SETTLER_ORIGIN_WEIGHTS[r.id] ?? 1] as const),
      ));

  // History: draw application dates until the whole history fits before the reference date.
  const path = pathTo(rng, status);
  let timeline: Timeline | null = null;
  // Cases wait in registration and review for weeks, not years (review time limit: 30 working days).
  const recentOnly = status === "REGISTERED" ? 20 : status === "UNDER_REVIEW" ? 60 : null;
  const windowStart = recentOnly === null ? earliest : addDays(reference, -recentOnly);
  for (let attempt = 0; attempt < 200 && !timeline; attempt++) {
    const t = simulate(
      rng,
      path,
      category,
      randomDay(rng, windowStart, reference),
      quotaOrderDate,
      quotaYear,
      validityMonths,
    );
    if (t && acceptable(t, reference)) timeline = t;
  }
  if (!timeline) throw new Error(`cannot fit a ${status} history between ${isoDay(earliest)} and ${isoDay(reference)}`);

  // Household.
  const size = opts.size ?? pickWeighted(rng, SIZE_WEIGHTS);
  const familySurname = opts.head?.surnameCyr ?? pick(rng, SURNAMES);
  const headBirth = opts.head?.birthDate;
  const headAge = headBirth
    ? Math.floor((timeline.applicationDate.getTime() - headBirth.getTime()) / (365.25 * 86_400_000))
    : headAgeFor(rng, size);
  const plans = planHousehold(rng, size, opts.head ?? {}, headAge, familySurname);
  const head = plans[0];
  if (!head) throw new Error("household without head");

  const patronymicStyle: "kazakh" | "russian" | "none" = isKandas
    ? originCountry === "CN" || originCountry === "MN"
      ? pickWeighted(rng, [
          ["none", 6],
          ["kazakh", 4],
        ] as const)
      : pickWeighted(rng, [
          ["kazakh", 4],
          ["russian", 4],
          ["none", 2],
        ] as const)
    : pickWeighted(rng, [
        ["kazakh", 5],
        ["russian", 5],
      ] as const);
  const isStateless = isKandas && chance(rng, 0.02);
  const citizenship = !isKandas || status === "CLOSED" ? "KZ" : isStateless ? STATELESS : (originCountry ?? STATELESS);
  const pMissingIin = isKandas ? missingIinProbability(status) : 0;

  const given: string[] = [];
  const members: PersonDraft[] = [];
  plans.forEach((plan, position) => {
    const isHead = position === 0;
    let first = isHead && opts.head?.givenNameCyr ? opts.head.givenNameCyr : givenName(rng, plan.sex);
    if (plan.relationship === "PARENT" && plan.sex === "M") first = head.fatherName;
    // Avoid two members with the same given name.
    for (let i = 0; i < 5 && given.includes(first) && plan.relationship !== "PARENT"; i++)
      first = givenName(rng, plan.sex);
    given.push(first);
    // Children carry the father's name: the head if male, else a male spouse, else an absent father.
    let fatherName = plan.fatherName;
    if (plan.relationship === "CHILD") {
      const husbandIndex = head.sex === "M" ? 0 : plans.findIndex((p) => p.relationship === "SPOUSE" && p.sex === "M");
      fatherName = (husbandIndex >= 0 ? given[husbandIndex] : undefined) ?? pick(rng, MALE_GIVEN_NAMES);
    }
    const patronymicCyr =
      isHead && opts.head?.patronymicCyr !== undefined
        ? opts.head.patronymicCyr
        : patronymicStyle === "none"
          ? null
          : patronymicFrom(fatherName, plan.sex, patronymicStyle);
    const surnameCyr =
      isHead && opts.head?.surnameCyr
        ? surnameForSex(opts.head.surnameCyr, plan.sex)
        : surnameForSex(plan.surnameStem, plan.sex);
    const birthDate = isHead && headBirth ? headBirth : birthDateForAge(rng, timeline.applicationDate, plan.age);
    const age = plan.age;
    let iin: string | null;
    if (isHead && opts.head?.iin !== undefined) {
      iin = opts.head.iin;
      if (iin) used.add(iin);
    } else {
      iin = chance(rng, pMissingIin) ? null : uniqueIin(rng, birthDate, plan.sex, used);
    }
    const isAdult = age >= 18;
    const education = isAdult ? pickWeighted(rng, EDUCATION_WEIGHTS) : null;
    const profession = isAdult && age < 63 && chance(rng, 0.8) ? pick(rng, PROFESSIONS) : null;
    members.push({
      position: position + 1,
      isHead,
      relationship: plan.relationship,
      surnameCyr,
      givenNameCyr: first,
      patronymicCyr,
      surnameLat: latinName(surnameCyr),
      givenNameLat: latinName(first),
      patronymicLat: patronymicCyr === null ? null : latinName(patronymicCyr),
      iin,
      birthDate,
      sex: plan.sex,
      // Children born after the family applied are citizens of Kazakhstan only if born there; keep it simple.
      citizenship,
      education,
      profession,
    });
  });

  // Events.
  const decisionSeq = randInt(rng, 1, 2999);
  const regionNo = targetRegionId.slice(3);
  const decisionNumber = timeline.decisionDate
    ? `${isKandas ? "KS" : "PS"}-${regionNo}/${timeline.decisionDate.getUTCFullYear()}-${String(decisionSeq).padStart(4, "0")}`
    : null;
  const events: EventDraft[] = [];
  let prev: CaseStatus | null = null;
  let lastAt = new Date(0);
  for (const step of timeline.steps) {
    let at = officeTime(rng, step.day);
    if (at <= lastAt) at = new Date(lastAt.getTime() + 60_000);
    lastAt = at;
    const actorRole: Role = ["APPROVED", "REJECTED", "QUOTA_ALLOCATED", "EXPIRED", "CLOSED"].includes(step.status)
      ? "COORDINATOR"
      : "CASEWORKER";
    let reason: string | null = null;
    let data: EventDraft["data"] = null;
    if (step.status === "REJECTED") reason = pick(rng, REJECTION_REASONS);
    if (step.status === "WITHDRAWN") reason = pick(rng, WITHDRAWAL_REASONS);
    if (step.status === "APPROVED" && decisionNumber && timeline.decisionDate)
      data = { decisionNumber, decisionDate: isoDay(timeline.decisionDate) };
    if (step.status === "QUOTA_ALLOCATED") data = { year: quotaYear, persons: members.length };
    if (step.status === "RESETTLED" && timeline.arrivalDate) data = { arrivalDate: isoDay(timeline.arrivalDate) };
    if (step.status === "EXPIRED" && timeline.statusValidUntil)
      data = { statusValidUntil: isoDay(timeline.statusValidUntil) };
    events.push({ fromStatus: prev, toStatus: step.status, at, actorRole, reason, data });
    prev = step.status;
  }

  // Allocation: held from QUOTA_ALLOCATED on, released by a later withdrawal or expiry.
  let allocation: AllocationDraft | null = null;
  const allocEvent = events.find((e) => e.toStatus === "QUOTA_ALLOCATED");
  if (allocEvent) {
    const exit = events.find(
      (e) => e.fromStatus === "QUOTA_ALLOCATED" && (e.toStatus === "WITHDRAWN" || e.toStatus === "EXPIRED"),
    );
    allocation = {
      year: quotaYear,
      persons: members.length,
      at: allocEvent.at,
      status: exit ? "RELEASED" : "ACTIVE",
      releasedAt: exit ? exit.at : null,
    };
  }

  const districts = districtsOf(targetRegionId);
  const hasPlan = allocation !== null;
  const districtNameEn =
    opts.targetDistrictNameEn ??
    (districts.length > 0 && (hasPlan || chance(rng, 0.5)) ? pick(rng, districts).name.en : null);
  const district = districts.find((x) => x.name.en === districtNameEn);
  const hasArrived = timeline.arrivalDate !== null;
  const address = hasArrived
    ? `${targetRegion.name.kk}, ${district ? `${district.name.kk}, ` : ""}${pick(rng, STREETS)} көшесі, ${randInt(rng, 1, 120)}`
    : !isKandas && originRegionId
      ? `${getRegion(originRegionId).name.kk}, ${pick(rng, STREETS)} көшесі, ${randInt(rng, 1, 120)}`
      : null;

  return {
    category,
    status,
    originCountry,
    originRegionId,
    targetRegionId,
    targetDistrictNameEn: districtNameEn,
    contactPhone: !isKandas || hasArrived || chance(rng, 0.6) ? phone(rng) : null,
    contactEmail: chance(rng, 0.25)
      ? `${(members[0]?.givenNameLat ?? "family").toLowerCase()}.${(members[0]?.surnameLat ?? "").toLowerCase()}${randInt(rng, 1, 99)}@mail.kz`
      : null,
    address,
    applicationDate: timeline.applicationDate,
    decisionNumber,
    decisionDate: timeline.decisionDate,
    statusValidUntil: timeline.statusValidUntil,
    arrivalDate: timeline.arrivalDate,
    members,
    events,
    allocation,
  };
}
