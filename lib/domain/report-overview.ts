/**
 * Definitions of the overview dashboard (issue 6) that the SQL of lib/db/reports/overview.ts is built
 * from, so that the page, the tests and the queries agree on them.
 */
import { MAIN_PATH, type CaseStatus } from "./case-status";

/**
 * The funnel from application to the end of the case, in lifecycle order. The programme ends with
 * citizenship (or a residence permit) and the case closed; the data model records no separate citizenship
 * step, so the funnel ends at CLOSED.
 */
export const FUNNEL_STAGES = MAIN_PATH;

/** The stage (1–7) a status stands for on the funnel; side exits (rejected, withdrawn, expired) are 0. */
export function funnelStage(status: CaseStatus): number {
  return (FUNNEL_STAGES as readonly CaseStatus[]).indexOf(status) + 1;
}

/**
 * Age groups of persons, by age in whole years on the family's application date: children, working age
 * (16–62) in three bands, and 63 and over. Working age ends at 62 because the pension age is 63 for men;
 * for women it is 61 until 2027 and reaches 63 in 2028 — one cut for both keeps the groups comparable
 * across years (docs/decisions/010).
 */
export const AGE_GROUPS = [
  { key: "age0to6", from: 0, to: 6 },
  { key: "age7to15", from: 7, to: 15 },
  { key: "age16to29", from: 16, to: 29 },
  { key: "age30to44", from: 30, to: 44 },
  { key: "age45to62", from: 45, to: 62 },
  { key: "age63plus", from: 63, to: null },
] as const satisfies readonly { key: string; from: number; to: number | null }[];

/** Working age in whole years, both ends included. */
export const WORKING_AGE = { from: 16, to: 62 } as const;

/** The key of the age group of an age in whole years. */
export function ageGroupOf(age: number): (typeof AGE_GROUPS)[number]["key"] {
  const group = AGE_GROUPS.find((candidate) => age >= candidate.from && (candidate.to === null || age <= candidate.to));
  return (group ?? AGE_GROUPS[0]).key;
}

/** Family sizes of the distribution: 1 to 5 persons, then "6 or more" (key 6). */
export const FAMILY_SIZES = [1, 2, 3, 4, 5, 6] as const;

/** The professions table lists the most frequent ones among working-age adults. */
export const TOP_PROFESSIONS = 20;
