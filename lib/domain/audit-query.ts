/**
 * The audit viewer's filters, read from the URL so that a link shows the same view (and the export
 * the same rows): who acted, which case, which action, the outcome, a range of days in Kazakhstan and
 * the keyset cursor. Parameters may be hand-edited: a typed field that cannot be used comes back with
 * a message (a catalogue key) and the page lists nothing rather than more than was asked for; a
 * select's unknown value and a broken cursor are dropped.
 */
import { isFilterAction, type AuditOutcome, type KnownAuditAction } from "./audit-actions";
import { parseCaseNumber } from "./case-number";
import { normaliseEmail } from "./login-throttle";
import { parseIsoDay, PROGRAMME_TIME_ZONE } from "./status-validity";

/** Entries per page of the viewer. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * Rows one CSV export may hold. A larger result is refused with a message to narrow the filters: a
 * file that big is no longer read by a person, and the export holds its rows in memory once.
 */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** The acting person: a staff account's number, or its e-mail address. */
export type AuditPerson = { kind: "id"; id: number } | { kind: "email"; email: string };

export type AuditFilters = {
  person: AuditPerson | null;
  /** A case number, NK-YYYY-NNNNNN: the entries about that family. */
  caseNumber: string | null;
  /** A listed action: the entries of that action and of its refusals (`<action>.<anything>`). */
  action: KnownAuditAction | null;
  /** The start of an action's code, typed freely (e.g. `quota.waitlist`). */
  prefix: string | null;
  outcome: AuditOutcome | null;
  /** First and last day shown, yyyy-mm-dd, days in Kazakhstan (PROGRAMME_TIME_ZONE). */
  from: string | null;
  to: string | null;
};

export const AUDIT_FIELDS = ["person", "case", "action", "prefix", "outcome", "from", "to"] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

export type AuditQuery = {
  filters: AuditFilters;
  /** The id of the last entry of the previous page; the page shows the entries logged before it. */
  before: string | null;
  /** Catalogue keys of the messages for typed fields that could not be used. */
  errors: Partial<Record<AuditField, string>>;
  /** What each field of the form shows again, as typed (cut to a sane length). */
  input: Record<AuditField, string>;
};

export const AUDIT_PERSON_MAX_LENGTH = 254;
export const AUDIT_PREFIX_MAX_LENGTH = 64;
const CASE_NUMBER_MAX_LENGTH = 32;
/** Longer input is not echoed back whole into the form. */
const INPUT_ECHO_MAX_LENGTH = 300;
const MAX_USER_ID = 2_147_483_647;
const MAX_ENTRY_ID = 9_223_372_036_854_775_807n;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2999;

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const ACTION_PREFIX = /^[a-z0-9_.-]+$/;

export const AUDIT_ERRORS = {
  person: "audit.errors.person",
  caseNumber: "audit.errors.caseNumber",
  prefix: "audit.errors.prefix",
  date: "audit.errors.date",
  range: "audit.errors.range",
} as const;

type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(params: SearchParams): (key: string) => string {
  return (key) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
}

type Parsed<T> = { value: T | null; error?: string };

function parsePerson(text: string): Parsed<AuditPerson> {
  if (text === "") return { value: null };
  if (/^\d{1,10}$/.test(text)) {
    const id = Number(text);
    return id >= 1 && id <= MAX_USER_ID ? { value: { kind: "id", id } } : { value: null, error: AUDIT_ERRORS.person };
  }
  const email = normaliseEmail(text);
  return email.length <= AUDIT_PERSON_MAX_LENGTH && EMAIL.test(email)
    ? { value: { kind: "email", email } }
    : { value: null, error: AUDIT_ERRORS.person };
}

function parseCase(text: string): Parsed<string> {
  if (text === "") return { value: null };
  const parsed = text.length <= CASE_NUMBER_MAX_LENGTH ? parseCaseNumber(text) : null;
  return parsed
    ? { value: `NK-${parsed.year}-${String(parsed.seq).padStart(6, "0")}` }
    : { value: null, error: AUDIT_ERRORS.caseNumber };
}

function parsePrefix(text: string): Parsed<string> {
  if (text === "") return { value: null };
  const prefix = text.toLowerCase();
  return prefix.length <= AUDIT_PREFIX_MAX_LENGTH && ACTION_PREFIX.test(prefix)
    ? { value: prefix }
    : { value: null, error: AUDIT_ERRORS.prefix };
}

function parseDay(text: string): Parsed<string> {
  if (text === "") return { value: null };
  const day = text.length <= 10 ? parseIsoDay(text) : null;
  if (!day || day.getUTCFullYear() < FIRST_YEAR || day.getUTCFullYear() > LAST_YEAR) {
    return { value: null, error: AUDIT_ERRORS.date };
  }
  return { value: day.toISOString().slice(0, 10) };
}

function parseCursor(text: string): string | null {
  if (!/^\d{1,19}$/.test(text)) return null;
  const id = BigInt(text);
  return id >= 1n && id <= MAX_ENTRY_ID ? id.toString() : null;
}

/** The viewer's query from URL search params; see the module comment for what happens to bad values. */
export function parseAuditQuery(params: SearchParams): AuditQuery {
  const get = reader(params);
  const input = Object.fromEntries(
    AUDIT_FIELDS.map((field) => [field, get(field).trim().slice(0, INPUT_ECHO_MAX_LENGTH)]),
  ) as Record<AuditField, string>;
  const errors: Partial<Record<AuditField, string>> = {};
  const take = <T>(field: AuditField, parsed: Parsed<T>): T | null => {
    if (parsed.error) errors[field] = parsed.error;
    return parsed.value;
  };
  // Checked on the whole value: a long value is refused, not cut into something that parses.
  const whole = (field: AuditField) => get(field).trim();

  const action = whole("action");
  const outcome = whole("outcome");
  const filters: AuditFilters = {
    person: take("person", parsePerson(whole("person"))),
    caseNumber: take("case", parseCase(whole("case"))),
    action: isFilterAction(action) ? action : null,
    prefix: take("prefix", parsePrefix(whole("prefix"))),
    outcome: outcome === "succeeded" || outcome === "refused" ? outcome : null,
    from: take("from", parseDay(whole("from"))),
    to: take("to", parseDay(whole("to"))),
  };
  if (filters.from && filters.to && filters.from > filters.to) errors.to = AUDIT_ERRORS.range;
  return { filters, before: parseCursor(get("before").trim()), errors, input };
}

/** Whether any filter is set (the page says "no entries match" rather than "no entries yet"). */
export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** The filters (and the cursor) as URL parameters, the empty ones left out: the inverse of parseAuditQuery. */
export function auditQueryParams(filters: AuditFilters, before: string | null = null): URLSearchParams {
  const params = new URLSearchParams();
  const person = filters.person && (filters.person.kind === "id" ? String(filters.person.id) : filters.person.email);
  const values: [AuditField | "before", string | null][] = [
    ["person", person],
    ["case", filters.caseNumber],
    ["action", filters.action],
    ["prefix", filters.prefix],
    ["outcome", filters.outcome],
    ["from", filters.from],
    ["to", filters.to],
    ["before", before],
  ];
  for (const [key, value] of values) if (value) params.set(key, value);
  return params;
}

/** The offset from UTC, in milliseconds, of `timeZone` at the instant `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant at which a day (yyyy-mm-dd) begins in Kazakhstan: 00:00 at UTC+6 until 1 March 2024,
 * at UTC+5 since (the time zone database knows both). Throws for a string that is not a day.
 */
export function dayStartInKazakhstan(isoDay: string, timeZone: string = PROGRAMME_TIME_ZONE): Date {
  const day = parseIsoDay(isoDay);
  if (!day) throw new RangeError(`not a day: ${isoDay}`);
  const guess = new Date(day.getTime() - offsetAt(day, timeZone));
  // The offset at the guessed instant is the one in force at that local midnight.
  return new Date(day.getTime() - offsetAt(guess, timeZone));
}

/** The instants the day filters cover: from the start of `from`'s day, until (exclusive) the end of `to`'s. */
export function auditTimeRange(filters: Pick<AuditFilters, "from" | "to">): { since: Date | null; until: Date | null } {
  const nextDay = (isoDay: string) => {
    const day = parseIsoDay(isoDay)!;
    return new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
  };
  return {
    since: filters.from ? dayStartInKazakhstan(filters.from) : null,
    until: filters.to ? dayStartInKazakhstan(nextDay(filters.to)) : null,
  };
}
