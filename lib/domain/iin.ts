/**
 * Kazakhstan individual identification number (IIN, ЖСН / ИИН): 12 digits
 * YYMMDD + century/sex digit + 4-digit serial + check digit (see docs: domain.md).
 */

export type IinSex = "M" | "F";

export type IinValidation =
  | { ok: true; birthDate: string | null; sex: IinSex | null }
  | { ok: false; reason: "length" | "digits" | "checksum" | "no-check-digit" };

export type IinWarning = "birth-date-mismatch" | "sex-mismatch";

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** Century of the birth year encoded by the 7th digit; 0, 7, 8 and 9 encode none. */
const CENTURY_BY_DIGIT: Record<number, number | undefined> = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 };

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * Computes the check digit for the first 11 digits of an IIN, or null when these 11 digits admit no
 * valid IIN (both weight rounds give 10). Expects exactly 11 decimal digits.
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) throw new RangeError("iinCheckDigit expects 11 digits");
  const digits = Array.from(first11, Number);
  let c = weightedMod11(digits, FIRST_WEIGHTS);
  if (c === 10) c = weightedMod11(digits, SECOND_WEIGHTS);
  return c === 10 ? null : c;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps 0..99 to 1900..1999; setUTCFullYear keeps the exact year.
  d.setUTCFullYear(year);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Validates an IIN. Surrounding whitespace is ignored; then the value must be exactly 12 characters
 * ("length"), all decimal digits ("digits"), and carry the right check digit ("checksum"), unless the
 * first 11 digits admit none ("no-check-digit"). A valid IIN yields the encoded birth date (ISO
 * yyyy-mm-dd) and sex, each null when the IIN does not encode it (century digit 0/7/8/9, or a date
 * part that is not a calendar date, which IINs issued since 2013 may have).
 */
export function validateIin(value: string): IinValidation {
  const v = value.trim();
  if (v.length !== 12) return { ok: false, reason: "length" };
  if (!/^[0-9]{12}$/.test(v)) return { ok: false, reason: "digits" };
  const check = iinCheckDigit(v.slice(0, 11));
  if (check === null) return { ok: false, reason: "no-check-digit" };
  if (check !== Number(v[11])) return { ok: false, reason: "checksum" };

  const centuryDigit = Number(v[6]);
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return { ok: true, birthDate: null, sex: null };
  const sex: IinSex = centuryDigit % 2 === 1 ? "M" : "F";
  const birthDate = isoDate(century + Number(v.slice(0, 2)), Number(v.slice(2, 4)), Number(v.slice(4, 6)));
  return { ok: true, birthDate, sex };
}

function toIsoDay(date: Date | string): string {
  if (typeof date === "string") return date.slice(0, 10);
  return date.toISOString().slice(0, 10);
}

/**
 * Compares the birth date and sex encoded in an IIN with those entered for the person. A mismatch is a
 * warning (IINs since 2013 need not encode them), never an error; an invalid IIN or one that does not
 * encode a value yields no warning for that value.
 */
export function compareIinWithPerson(iin: string, birthDate: Date | string, sex: IinSex): IinWarning[] {
  const result = validateIin(iin);
  if (!result.ok) return [];
  const warnings: IinWarning[] = [];
  if (result.birthDate !== null && result.birthDate !== toIsoDay(birthDate)) warnings.push("birth-date-mismatch");
  if (result.sex !== null && result.sex !== sex) warnings.push("sex-mismatch");
  return warnings;
}

/**
 * Builds a valid IIN for a birth date (UTC calendar day, years 1800–2099) and sex. `serial` (0–9999) is
 * the preferred 4-digit serial; when its 11 digits admit no check digit the next serial (mod 10 000)
 * is used, so the result always validates. Used by seed data and test factories.
 */
export function generateIin(birthDate: Date, sex: IinSex, serial: number): string {
  const year = birthDate.getUTCFullYear();
  if (year < 1800 || year > 2099) throw new RangeError(`IIN cannot encode the year ${year}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) throw new RangeError("serial must be 0..9999");
  const centuryBase = year < 1900 ? 1 : year < 2000 ? 3 : 5;
  const centuryDigit = centuryBase + (sex === "M" ? 0 : 1);
  const datePart =
    String(year % 100).padStart(2, "0") +
    String(birthDate.getUTCMonth() + 1).padStart(2, "0") +
    String(birthDate.getUTCDate()).padStart(2, "0");
  for (let i = 0; i < 10_000; i++) {
    const s = (serial + i) % 10_000;
    const first11 = `${datePart}${centuryDigit}${String(s).padStart(4, "0")}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  // At most one serial in eleven lacks a check digit, so the loop always returns.
  throw new Error("unreachable: no serial admits a check digit");
}
