/**
 * Pure parts of the bulk generator (scripts/generate-data.ts): PostgreSQL COPY text encoding, the
 * cohorts families are drawn from (one per quota year), quota bookkeeping and case numbering that
 * continue after the rows already in the database, and the rows of one family for each table.
 */
import type { CaseStatus, Category, Pool, Role } from "@/lib/generated/prisma/enums";
import { CASE_NUMBER_MAX_SEQ, formatCaseNumber } from "@/lib/domain/case-number";
import { documentChecklist } from "@/lib/domain/documents";
import { QUOTA_2026 } from "@/lib/domain/quota-reference";
import { getRegion } from "@/lib/domain/regions";
import type { DocumentStatus } from "@/lib/domain/documents";
import { DEMO_QUOTA_ORDER_DATE, SEED_REFERENCE_DATE, type BuildFamilyOptions, type FamilyDraft } from "./family";
import { eventData, familyRowData, personData } from "./prisma-data";
import { chance, pickWeighted, type Rng } from "./random";

// ---------------------------------------------------------------------------------------------------
// COPY text format

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in PostgreSQL COPY text format (null → \N; dates at UTC midnight → yyyy-mm-dd). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  switch (typeof value) {
    case "string":
      return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
    case "number":
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
  }
  if (value instanceof Date) return copyDate(value);
  return copyValue(JSON.stringify(value));
}

/** One COPY text line (tab-separated, newline-terminated). */
export function copyLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + copyValue(values[i]);
  return `${line}\n`;
}

const DAY_MS = 86_400_000;
// Years 0001–9999, where toISOString writes four-digit years.
const MIN_FAST_MS = -62_135_596_800_000;
const MAX_FAST_MS = 253_402_300_800_000;
const dayTexts = new Map<number, string>();
const pad2 = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
const pad3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));

/**
 * A date as toISOString writes it, or only its day at UTC midnight. The day part is remembered: the
 * generator writes millions of timestamps over a few thousand days, and toISOString dominated its time.
 */
function copyDate(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= MIN_FAST_MS && ms < MAX_FAST_MS)) {
    const iso = date.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  const day = Math.floor(ms / DAY_MS);
  let dayText = dayTexts.get(day);
  if (dayText === undefined) {
    dayText = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(day, dayText);
  }
  const rest = ms - day * DAY_MS;
  if (rest === 0) return dayText;
  const seconds = Math.floor(rest / 1000);
  return `${dayText}T${pad2[Math.floor(seconds / 3600)]}:${pad2[Math.floor(seconds / 60) % 60]}:${pad2[seconds % 60]}.${pad3[rest % 1000]}Z`;
}

// ---------------------------------------------------------------------------------------------------
// Cohorts

/** The quota years generated data spans; the last one is the current year of the demo data. */
export const FIRST_COHORT_YEAR = 2014;
export const CURRENT_COHORT_YEAR = DEMO_QUOTA_ORDER_DATE.getUTCFullYear();
/** Share of families in the current year's cohort; the rest is spread evenly over the past years. */
export const CURRENT_COHORT_SHARE = 0.15;

/** How past cohorts ended (EXPIRED only for kandas; a settler draws CLOSED instead). */
const PAST_STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ["CLOSED", 60],
  ["REJECTED", 14],
  ["WITHDRAWN", 14],
  ["EXPIRED", 12],
];

/** Date of the (synthetic) quota order of a year. */
export function quotaOrderDateFor(year: number): Date {
  return year === CURRENT_COHORT_YEAR ? DEMO_QUOTA_ORDER_DATE : new Date(Date.UTC(year, 0, 15));
}

/** The region as it existed in `year`: a region split off in 2022 was part of its parent before. */
export function regionInYear(regionId: string, year: number): string {
  const r = getRegion(regionId);
  return r.splitFromId && r.splitYear !== null && year < r.splitYear ? regionInYear(r.splitFromId, year) : regionId;
}

/** Regions with a quota of `pool` in `year`: the 2026 quota regions as they existed that year. */
export function quotaRegions(pool: Pool, year: number): string[] {
  return [...new Set(Object.keys(QUOTA_2026[pool]).map((id) => regionInYear(id, year)))];
}

/** Draws the quota year of the next family. */
export function cohortYear(rng: Rng): number {
  if (chance(rng, CURRENT_COHORT_SHARE)) return CURRENT_COHORT_YEAR;
  const pastYears = CURRENT_COHORT_YEAR - FIRST_COHORT_YEAR;
  return FIRST_COHORT_YEAR + Math.floor(rng() * pastYears);
}

/**
 * buildFamily options for a family of the cohort of `year`. The current cohort gets the demo seed's
 * status mix; a past cohort applied the year before or in its year and has long since ended.
 */
export function cohortOptions(rng: Rng, year: number): BuildFamilyOptions {
  const quotaOrderDate = quotaOrderDateFor(year);
  if (year === CURRENT_COHORT_YEAR) return { quotaYear: year, quotaOrderDate, referenceDate: SEED_REFERENCE_DATE };
  const category: Category = chance(rng, 0.5) ? "KANDAS" : "SETTLER";
  let status = pickWeighted(rng, PAST_STATUS_WEIGHTS);
  if (status === "EXPIRED" && category === "SETTLER") status = "CLOSED";
  return {
    category,
    status,
    targetRegionId: regionInYear(pickWeighted(rng, Object.entries(QUOTA_2026[category])), year),
    quotaYear: year,
    quotaOrderDate,
    earliestApplication: new Date(Date.UTC(year - 1, 5, 1)),
    referenceDate: new Date(Date.UTC(year + 1, 11, 31)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Quotas and case numbers

export interface QuotaState {
  id: number | null;
  year: number;
  regionId: string;
  pool: Pool;
  total: number;
  allocated: number;
  /** Places taken by this run (active allocations). */
  added: number;
}

export const quotaKey = (year: number, regionId: string, pool: Pool) => `${year}|${regionId}|${pool}`;

/**
 * Quotas of every year the run touches. A year with a fixed order (the current year) only accepts
 * allocations that fit; the past years' synthetic quotas grow with their allocations and get their
 * totals set by `finalTotal` (allocated plus 0–20% unused places).
 */
export class QuotaLedger {
  readonly quotas = new Map<string, QuotaState>();
  constructor(
    existing: readonly Omit<QuotaState, "added">[],
    private readonly fixedYears: ReadonlySet<number>,
  ) {
    for (const q of existing) this.quotas.set(quotaKey(q.year, q.regionId, q.pool), { ...q, added: 0 });
  }

  /** Takes `persons` places; false when a fixed-year quota is missing or cannot take them. */
  take(year: number, regionId: string, pool: Pool, persons: number): boolean {
    const key = quotaKey(year, regionId, pool);
    let q = this.quotas.get(key);
    if (this.fixedYears.has(year)) {
      if (!q || q.allocated + persons > q.total) return false;
    } else if (!q) {
      q = { id: null, year, regionId, pool, total: 0, allocated: 0, added: 0 };
      this.quotas.set(key, q);
    }
    q.allocated += persons;
    q.added += persons;
    return true;
  }

  /** The total a quota ends with: never below its allocations. */
  finalTotal(q: QuotaState, rng: Rng): number {
    if (this.fixedYears.has(q.year)) return q.total;
    return Math.max(q.total, Math.ceil(q.allocated * (1 + rng() * 0.2)));
  }
}

/** Case numbers per registration year, continuing after case_number_counter. */
export class CaseNumbers {
  private readonly last = new Map<number, number>();
  constructor(existing: readonly { year: number; last: number }[]) {
    for (const c of existing) this.last.set(c.year, c.last);
  }
  next(year: number): string {
    const seq = (this.last.get(year) ?? 0) + 1;
    if (seq > CASE_NUMBER_MAX_SEQ) throw new RangeError(`case numbers of ${year} exhausted`);
    this.last.set(year, seq);
    return formatCaseNumber(year, seq);
  }
  counters(): { year: number; last: number }[] {
    return [...this.last.entries()].sort(([a], [b]) => a - b).map(([year, last]) => ({ year, last }));
  }
}

// ---------------------------------------------------------------------------------------------------
// Rows

export const COLUMNS = {
  family: [
    "id",
    "caseNumber",
    "category",
    "status",
    "originCountry",
    "originRegionId",
    "targetRegionId",
    "targetDistrictId",
    "contactPhone",
    "contactEmail",
    "address",
    "applicationDate",
    "decisionNumber",
    "decisionDate",
    "statusValidUntil",
    "arrivalDate",
    "version",
    "createdById",
    "assignedToId",
    "updatedById",
    "createdAt",
    "updatedAt",
  ],
  person: [
    "id",
    "familyId",
    "position",
    "isHead",
    "relationship",
    "surnameCyr",
    "givenNameCyr",
    "patronymicCyr",
    "surnameLat",
    "givenNameLat",
    "patronymicLat",
    "iin",
    "birthDate",
    "sex",
    "citizenship",
    "education",
    "profession",
    "searchText",
    "createdAt",
    "updatedAt",
  ],
  case_event: ["id", "familyId", "fromStatus", "toStatus", "actorId", "at", "reason", "data"],
  allocation: ["id", "quotaId", "familyId", "year", "persons", "status", "createdById", "createdAt", "releasedAt"],
  document: ["id", "familyId", "personId", "kind", "status", "updatedById", "updatedAt"],
  audit_log: ["id", "at", "actorId", "actorRole", "action", "entity", "entityId", "regionId", "changes", "requestId"],
} as const;

export type TableName = keyof typeof COLUMNS;
export type FamilyRows = Record<TableName, string[]>;
/** Where a table's COPY lines go: a list of lines, or a CopyBuffer. */
export type RowSinks = Record<TableName, { push(line: string): unknown }>;

/** First ids of this family's rows in each table; the builder advances them. */
export type IdCursor = Record<TableName, number>;

export interface FamilyRowContext {
  caseNumber: string;
  districtId: number | null;
  actorIdFor: (role: Role) => number;
  /** Quota id of the family's allocation (null when it has none). */
  quotaId: number | null;
  documentStatus: (status: CaseStatus, roll: number) => DocumentStatus;
  /** Marks audit entries of this run (audit_log.requestId). */
  requestId: string;
}

function row(table: TableName, data: Record<string, unknown>): string {
  const columns = COLUMNS[table];
  let line = "";
  for (let i = 0; i < columns.length; i++) line += (i === 0 ? "" : "\t") + copyValue(data[columns[i]!]);
  return `${line}\n`;
}

/** Empty row lists for every table. */
export function emptyRows(): FamilyRows {
  return { family: [], person: [], case_event: [], allocation: [], document: [], audit_log: [] };
}

/**
 * UTF-8 COPY text built line by line in one growing buffer. Lines are encoded as they come, so the
 * millions of line strings of a bulk run die young instead of piling up until the batch is joined.
 */
export class CopyBuffer {
  private buffer = Buffer.allocUnsafeSlow(1 << 16);
  /** Bytes written. */
  length = 0;
  /** Lines written. */
  lines = 0;

  push(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const needed = this.length + line.length * 3;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length, "utf8");
    this.lines++;
  }

  /** The text written, in a buffer of its own (never pooled, so it can be transferred to another thread). */
  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
  }
}

/**
 * COPY lines of one family in every table, appended to `out` (new lists by default); ids come from
 * `ids`, which is advanced. Row objects are built and extended in place rather than spread: this runs
 * millions of times in the bulk generator.
 */
export function familyRows<Sinks extends RowSinks = FamilyRows>(
  draft: FamilyDraft,
  ctx: FamilyRowContext,
  ids: IdCursor,
  out: Sinks = emptyRows() as Sinks,
): Sinks {
  const familyId = ids.family++;
  const family: Record<string, unknown> = familyRowData(draft, {
    caseNumber: ctx.caseNumber,
    actorIdFor: ctx.actorIdFor,
    districtId: ctx.districtId,
  });
  family.id = familyId;
  const createdAt = family.createdAt as Date;
  const updatedAt = family.updatedAt as Date;
  out.family.push(row("family", family));

  const memberIds: { id: number }[] = [];
  for (const m of draft.members) {
    const id = ids.person++;
    memberIds.push({ id });
    const person: Record<string, unknown> = personData(m);
    person.id = id;
    person.familyId = familyId;
    person.createdAt = createdAt;
    person.updatedAt = updatedAt;
    out.person.push(row("person", person));
  }

  const entityId = String(familyId);
  for (let i = 0; i < draft.events.length; i++) {
    const e = draft.events[i]!;
    const eventId = ids.case_event++;
    const event: Record<string, unknown> = eventData(e, ctx.actorIdFor);
    event.id = eventId;
    event.familyId = familyId;
    out.case_event.push(row("case_event", event));
    // The version goes from i to i + 1 with the i-th transition (the family starts at version 1).
    out.audit_log.push(
      row("audit_log", {
        id: ids.audit_log++,
        at: e.at,
        actorId: event.actorId,
        actorRole: e.actorRole,
        action: i === 0 ? "family.create" : "family.transition",
        entity: "family",
        entityId,
        regionId: draft.targetRegionId,
        changes:
          i === 0
            ? { caseNumber: ctx.caseNumber, members: draft.members.length }
            : { eventId, changes: { status: { from: e.fromStatus, to: e.toStatus }, version: { from: i, to: i + 1 } } },
        requestId: ctx.requestId,
      }),
    );
  }

  const a = draft.allocation;
  if (a && ctx.quotaId !== null) {
    out.allocation.push(
      row("allocation", {
        id: ids.allocation++,
        quotaId: ctx.quotaId,
        familyId,
        year: a.year,
        persons: a.persons,
        status: a.status,
        createdById: ctx.actorIdFor("COORDINATOR"),
        createdAt: a.at,
        releasedAt: a.releasedAt,
      }),
    );
  }

  documentChecklist(draft.category, memberIds).forEach((item, itemIndex) => {
    const status = ctx.documentStatus(draft.status, (familyId * 7 + itemIndex * 3) % 10);
    const updatedById =
      status === "VERIFIED"
        ? ctx.actorIdFor("COORDINATOR")
        : status === "RECEIVED"
          ? ctx.actorIdFor("CASEWORKER")
          : null;
    out.document.push(
      row("document", {
        id: ids.document++,
        familyId,
        personId: item.personId,
        kind: item.kind,
        status,
        updatedById,
        updatedAt,
      }),
    );
  });
  return out;
}
