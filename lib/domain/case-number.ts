/** Case numbers: NK-YYYY-NNNNNN, numbered per registration year (matches the CHECK in the migration). */

export const CASE_NUMBER_MAX_SEQ = 999_999;

/** Formats a case number, e.g. (2026, 123) → "NK-2026-000123"; throws for a year or sequence out of range. */
export function formatCaseNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid case year ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > CASE_NUMBER_MAX_SEQ)
    throw new RangeError(`Invalid case sequence ${seq}`);
  return `NK-${year}-${String(seq).padStart(6, "0")}`;
}

/**
 * Parses a case number typed by a user: surrounding spaces and letter case are ignored. Returns null
 * when the text is not a case number (including sequence 000000).
 */
export function parseCaseNumber(s: string): { year: number; seq: number } | null {
  const m = /^NK-([0-9]{4})-([0-9]{6})$/i.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const seq = Number(m[2]);
  if (year < 1000 || seq < 1) return null;
  return { year, seq };
}
