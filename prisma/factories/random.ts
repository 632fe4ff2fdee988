/** A small seeded PRNG and sampling helpers, so that seed and test data are reproducible. */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a fast 32-bit PRNG; the same seed always gives the same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** A uniformly chosen element; throws on an empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick from an empty list");
  return items[Math.floor(rng() * items.length)] as T;
}

/** An element chosen with probability proportional to its weight. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  if (!(total > 0)) throw new RangeError("pickWeighted needs a positive total weight");
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const DAY_MS = 86_400_000;

/** A UTC midnight date `days` after `date`. */
export function addDays(date: Date, days: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(d.getTime() + days * DAY_MS);
}

/** The same calendar day `months` later (clamped to the month's end), at UTC midnight. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), last)));
}

/** Whole days from a to b (UTC calendar days). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round(
    (Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()) -
      Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate())) /
      DAY_MS,
  );
}

/** A UTC midnight date uniformly between two dates, inclusive. */
export function randomDay(rng: Rng, from: Date, to: Date): Date {
  return addDays(from, randInt(rng, 0, Math.max(0, daysBetween(from, to))));
}

/** ISO yyyy-mm-dd of a date (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
