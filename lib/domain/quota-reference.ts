/**
 * Published quota figures (persons) from the Ministry of Labour and Social Protection orders, as listed
 * in domain.md. Reference data for seeding and for checking reports; the live quotas are rows in the
 * database, amended through the application.
 */

export type QuotaPool = "KANDAS" | "SETTLER";

/** National totals (persons) per year and pool. */
export const NATIONAL_QUOTA_TOTALS: Readonly<Record<number, Readonly<Record<QuotaPool, number>>>> = {
  2022: { KANDAS: 1499, SETTLER: 6577 },
  2023: { KANDAS: 1925, SETTLER: 6727 },
  2024: { KANDAS: 2433, SETTLER: 7050 },
  2025: { KANDAS: 2309, SETTLER: 7344 },
  2026: { KANDAS: 2281, SETTLER: 5997 },
};

/** 2026 quota by region (ISO 3166-2:KZ id) and pool, in persons. */
export const QUOTA_2026: Readonly<Record<QuotaPool, Readonly<Record<string, number>>>> = {
  KANDAS: {
    "KZ-55": 977, // Pavlodar
    "KZ-11": 285, // Akmola
    "KZ-10": 264, // Abai
    "KZ-63": 200, // East Kazakhstan
    "KZ-59": 200, // North Kazakhstan
    "KZ-39": 200, // Kostanay
    "KZ-23": 125, // Atyrau
    "KZ-27": 30, // West Kazakhstan
  },
  SETTLER: {
    "KZ-59": 2820, // North Kazakhstan
    "KZ-55": 1655, // Pavlodar
    "KZ-63": 600, // East Kazakhstan
    "KZ-39": 485, // Kostanay
    "KZ-10": 275, // Abai
    "KZ-62": 125, // Ulytau
    "KZ-35": 37, // Karaganda
  },
};

/** Sum of a pool's regional quotas for 2026. */
export function quota2026Total(pool: QuotaPool): number {
  return Object.values(QUOTA_2026[pool]).reduce((a, b) => a + b, 0);
}
