/**
 * The order of the family list: by the column a caseworker chose, or, when none is chosen, the newest
 * registrations first. Pure; the data layer turns it into SQL (lib/db/families/list-families.ts).
 */

/** Columns the list can be sorted by: case number, the head's surname (then given name), the application date. */
export const FAMILY_SORT_KEYS = ["caseNumber", "surname", "applied"] as const;
export type FamilySortKey = (typeof FAMILY_SORT_KEYS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export type FamilySort = { key: FamilySortKey; direction: SortDirection };

/**
 * The sort a URL asks for: a known column, ascending unless it says "desc". A direction without a
 * column is ignored (the default order has one direction only).
 */
export function familySortOf(params: { sort?: FamilySortKey; dir?: SortDirection }): FamilySort | null {
  return params.sort ? { key: params.sort, direction: params.dir ?? "asc" } : null;
}

/** The sort a column's header switches to: ascending first, then the other way on each click. */
export function sortOnClick(current: FamilySort | null, key: FamilySortKey): FamilySort {
  return { key, direction: current?.key === key && current.direction === "asc" ? "desc" : "asc" };
}

/** The header's aria-sort: only the column the list is sorted by has one. */
export function ariaSortOf(current: FamilySort | null, key: FamilySortKey): "ascending" | "descending" | undefined {
  if (current?.key !== key) return undefined;
  return current.direction === "asc" ? "ascending" : "descending";
}
