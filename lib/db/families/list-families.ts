import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { familyScopeWhere } from "@/lib/db/scopes";
import { familyScope, type Actor } from "@/lib/domain/permissions";
import { familySortOf, type FamilySort } from "@/lib/domain/family-sort";
import { maskIdentifier } from "@/lib/domain/audit-mask";
import {
  classifySearchQuery,
  RESULT_COUNT_CAP,
  resultCount,
  SEARCH_WORD_SIMILARITY,
  type ResultCount,
  type SearchQuery,
} from "@/lib/domain/search-query";
import type { FamilyFilters } from "@/lib/validation/family-filters";

export const FAMILY_PAGE_SIZE = 25;

export type FamilyListItem = {
  id: number;
  caseNumber: string;
  category: "KANDAS" | "SETTLER";
  status: string;
  applicationDate: Date;
  targetRegion: { id: string; nameKk: string; nameRu: string; nameEn: string };
  targetDistrict: { nameKk: string; nameRu: string; nameEn: string } | null;
  head: { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;
  /** For a name search that found the family by another member than its head: that member's names. */
  matchedMember: { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;
  memberCount: number;
};

export type FamilyListPage = {
  items: FamilyListItem[];
  nextCursor: number | null;
  /** All the families the filters and the search find (every page), exact up to RESULT_COUNT_CAP. */
  total: ResultCount;
};

/**
 * One page of families in the actor's scope, newest first or in the order the filters' sort asks for
 * (lib/domain/family-sort.ts), narrowed by the filters and the search box (case number, IIN or any
 * member's name; lib/domain/search-query.ts). Keyset pagination: the cursor is the last family of the
 * previous page, so a deep page costs the same as the first. The view of personal data is audited.
 *
 * The page's ids come from one SQL query that applies the scope, the filters, the search, the cursor
 * and the LIMIT together (Prisma cannot express the trigram operator); the rows are then loaded by id.
 * The count of all results runs the same conditions without the cursor, and stops past RESULT_COUNT_CAP.
 */
export async function listFamilies(actor: Actor, filters: FamilyFilters): Promise<FamilyListPage> {
  const search = filters.q ? classifySearchQuery(filters.q) : null;
  const { ids, counted } = await pageOfFamilyIds(actor, filters, search);
  const hasMore = ids.length > FAMILY_PAGE_SIZE;
  const pageIds = ids.slice(0, FAMILY_PAGE_SIZE);
  const rows =
    pageIds.length === 0
      ? []
      : await db().family.findMany({
          // The scope again: the ids are already scoped, this keeps the load safe on its own.
          where: { AND: [familyScopeWhere(actor), { id: { in: pageIds } }] },
          select: {
            id: true,
            caseNumber: true,
            category: true,
            status: true,
            applicationDate: true,
            targetRegion: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
            targetDistrict: { select: { nameKk: true, nameRu: true, nameEn: true } },
            // All members of the page's families (a few rows each, through the familyId index) rather
            // than `_count`, which Prisma computes by grouping the whole person table.
            members: {
              orderBy: { position: "asc" },
              select: { isHead: true, surnameCyr: true, givenNameCyr: true, surnameLat: true, givenNameLat: true },
            },
          },
        });
  const pagePosition = new Map(pageIds.map((id, index) => [id, index]));
  rows.sort((a, b) => pagePosition.get(a.id)! - pagePosition.get(b.id)!);
  const matched = search?.kind === "name" ? await matchedMembers(search, pageIds) : new Map<number, MemberNames>();
  await recordAudit({
    actor,
    action: "family.list",
    entity: "family",
    details: {
      // An IIN typed into the search box is an identifier like any other: the log keeps its tail only.
      filters: search?.kind === "iin" ? { ...filters, q: maskIdentifier(search.iin) } : filters,
      ...(search && { search: search.kind }),
      shown: rows.map((row) => row.id),
    },
  });
  return {
    items: rows.map(({ members, ...row }) => {
      const head = members.find((member) => member.isHead);
      return {
        ...row,
        head: head
          ? {
              surnameCyr: head.surnameCyr,
              givenNameCyr: head.givenNameCyr,
              surnameLat: head.surnameLat,
              givenNameLat: head.givenNameLat,
            }
          : null,
        matchedMember: matched.get(row.id) ?? null,
        memberCount: members.length,
      };
    }),
    nextCursor: hasMore ? (pageIds.at(-1) ?? null) : null,
    total: resultCount(counted),
  };
}

const TRUE = Prisma.sql`TRUE`;

/**
 * The actor's scope as SQL on the family table under `alias`, the same rule as familyScopeWhere
 * (lib/domain/permissions.ts familyScope).
 */
function scopeSql(actor: Actor, alias: "f" | "c" = "f"): Prisma.Sql {
  const scope = familyScope(actor);
  switch (scope.kind) {
    case "all":
      return TRUE;
    case "region":
      return Prisma.sql`${Prisma.raw(alias)}."targetRegionId" = ${scope.regionId}`;
    case "none":
      return Prisma.sql`FALSE`;
  }
}

/** The search box as SQL: an optional CTE and a condition on family `f`; every branch uses an index. */
function searchSql(search: SearchQuery, after: number | undefined): { cte: Prisma.Sql | null; condition: Prisma.Sql } {
  switch (search.kind) {
    case "caseNumber":
      return { cte: null, condition: Prisma.sql`f."caseNumber" = ${search.caseNumber}` };
    case "caseSequence": {
      // The tail of a case number of any year: find the years present with a loose index scan over
      // the unique index on caseNumber (one probe per year), then look each candidate number up.
      const tail = String(search.seq).padStart(6, "0");
      return {
        cte: null,
        condition: Prisma.sql`f."caseNumber" IN (
          WITH RECURSIVE years(y) AS (
            SELECT (SELECT substr(min(g."caseNumber"), 4, 4) FROM family g)
            UNION ALL
            SELECT (SELECT substr(min(g."caseNumber"), 4, 4) FROM family g WHERE g."caseNumber" > 'NK-' || years.y || '-999999')
            FROM years WHERE years.y IS NOT NULL
          )
          SELECT 'NK-' || y || '-' || ${tail} FROM years WHERE y IS NOT NULL
        )`,
      };
    }
    case "iin":
      return {
        cte: null,
        condition: Prisma.sql`f.id IN (SELECT p."familyId" FROM person p WHERE p.iin = ${search.iin})`,
      };
    case "name": {
      // Every word must match the same person; a word matches when one of its spellings is similar to
      // a word of the person's search text (<% is pg_trgm word similarity, served by the GIN index
      // person_search_text_trgm; the threshold is set for the transaction in pageOfFamilyIds).
      // MATERIALIZED keeps the planner from walking families in id order and testing every person's
      // name on the way (a row-by-row similarity check that took seconds on 360,000 people).
      const cursor = after ? Prisma.sql` AND p."familyId" < ${after}` : Prisma.empty;
      return {
        cte: Prisma.sql`WITH name_matches AS MATERIALIZED (
          SELECT p."familyId" FROM person p WHERE ${nameWordsSql(search)}${cursor}
        )`,
        condition: Prisma.sql`f.id IN (SELECT "familyId" FROM name_matches)`,
      };
    }
    case "nothing":
      return { cte: null, condition: Prisma.sql`FALSE` };
  }
}

/** The ICU collation of Kazakh: Ә after А, Ғ after Г, … (decision 026); the head-surname index uses it too. */
const KAZAKH = Prisma.raw(`COLLATE "kk-x-icu"`);

/**
 * The list's order as SQL: the join it needs, its key columns (unique together, so that a page boundary
 * is exact), their direction, and the condition "after the cursor family". With a sort the keys are
 * compared with the cursor family's, looked up within the actor's scope: a family of another region as
 * the cursor ends the list rather than telling where it would stand.
 */
function orderingSql(
  actor: Actor,
  sort: FamilySort | null,
): { join: Prisma.Sql; keys: Prisma.Sql[]; direction: Prisma.Sql; after: (cursor: number) => Prisma.Sql } {
  if (!sort) {
    return {
      join: Prisma.empty,
      keys: [Prisma.sql`f.id`],
      direction: Prisma.raw("DESC"),
      after: (cursor) => Prisma.sql`f.id < ${cursor}`,
    };
  }
  const inScope = scopeSql(actor, "c");
  const { join, keys, cursorKeys } = {
    caseNumber: {
      join: Prisma.empty,
      keys: [Prisma.sql`f."caseNumber"`],
      cursorKeys: (cursor: number) =>
        Prisma.sql`SELECT c."caseNumber" FROM family c WHERE c.id = ${cursor} AND ${inScope}`,
    },
    applied: {
      join: Prisma.empty,
      keys: [Prisma.sql`f."applicationDate"`, Prisma.sql`f.id`],
      cursorKeys: (cursor: number) =>
        Prisma.sql`SELECT c."applicationDate", c.id FROM family c WHERE c.id = ${cursor} AND ${inScope}`,
    },
    // Served by the partial index person_head_surname_order (one head per family).
    surname: {
      join: Prisma.sql`JOIN person h ON h."familyId" = f.id AND h."isHead"`,
      keys: [Prisma.sql`h."surnameCyr" ${KAZAKH}`, Prisma.sql`h."givenNameCyr" ${KAZAKH}`, Prisma.sql`h."familyId"`],
      cursorKeys: (cursor: number) => Prisma.sql`SELECT ch."surnameCyr", ch."givenNameCyr", ch."familyId"
          FROM person ch JOIN family c ON c.id = ch."familyId"
         WHERE ch."familyId" = ${cursor} AND ch."isHead" AND ${inScope}`,
    },
  }[sort.key];
  const isAscending = sort.direction === "asc";
  return {
    join,
    keys,
    direction: Prisma.raw(isAscending ? "ASC" : "DESC"),
    after: (cursor) =>
      Prisma.sql`(${Prisma.join(keys)}) ${Prisma.raw(isAscending ? ">" : "<")} (${cursorKeys(cursor)})`,
  };
}

type MemberNames = { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string };

/** A name search's condition on person `p`: every word matches one of its spellings in the person's search text. */
function nameWordsSql(search: Extract<SearchQuery, { kind: "name" }>): Prisma.Sql {
  const words = search.words.map(
    (variants) =>
      Prisma.sql`(${Prisma.join(
        variants.map((variant) => Prisma.sql`${variant} <% p."searchText"`),
        " OR ",
      )})`,
  );
  return Prisma.join(words, " AND ");
}

/**
 * For each family of the page found by a name, the member the name matched when that is not the head
 * (a spouse's name finds the family; the list says by whom). The head wins when both match.
 */
async function matchedMembers(
  search: Extract<SearchQuery, { kind: "name" }>,
  familyIds: number[],
): Promise<Map<number, MemberNames>> {
  if (familyIds.length === 0) return new Map();
  const [, rows] = await db().$transaction([
    db().$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(SEARCH_WORD_SIMILARITY)}, true)`,
    db().$queryRaw<(MemberNames & { familyId: number; isHead: boolean })[]>`
      SELECT DISTINCT ON (p."familyId") p."familyId", p."isHead", p."surnameCyr", p."givenNameCyr", p."surnameLat", p."givenNameLat"
        FROM person p
       WHERE p."familyId" = ANY(${familyIds}::int[]) AND ${nameWordsSql(search)}
       ORDER BY p."familyId", p."isHead" DESC, p.position`,
  ]);
  return new Map(
    rows
      .filter((row) => !row.isHead)
      .map(({ familyId, surnameCyr, givenNameCyr, surnameLat, givenNameLat }) => [
        familyId,
        { surnameCyr, givenNameCyr, surnameLat, givenNameLat },
      ]),
  );
}

/**
 * Up to FAMILY_PAGE_SIZE + 1 ids of the page (one more tells whether there is a next page), and the
 * number of all matches counted up to one past RESULT_COUNT_CAP.
 */
async function pageOfFamilyIds(
  actor: Actor,
  filters: FamilyFilters,
  search: SearchQuery | null,
): Promise<{ ids: number[]; counted: number }> {
  const conditions: Prisma.Sql[] = [scopeSql(actor)];
  if (filters.status) conditions.push(Prisma.sql`f.status = ${filters.status}::"CaseStatus"`);
  if (filters.category) conditions.push(Prisma.sql`f.category = ${filters.category}::"Category"`);
  if (filters.region) conditions.push(Prisma.sql`f."targetRegionId" = ${filters.region}`);
  if (filters.district) conditions.push(Prisma.sql`f."targetDistrictId" = ${filters.district}`);
  if (filters.year) {
    conditions.push(
      Prisma.sql`f."applicationDate" >= make_date(${filters.year}::int, 1, 1) AND f."applicationDate" < make_date(${filters.year + 1}::int, 1, 1)`,
    );
  }
  if (filters.origin) {
    // Kandas come from a country, settlers from a region of Kazakhstan (KZ-NN).
    conditions.push(
      filters.origin.startsWith("KZ-")
        ? Prisma.sql`f."originRegionId" = ${filters.origin}`
        : Prisma.sql`f."originCountry" = ${filters.origin}`,
    );
  }
  const sort = familySortOf(filters);
  const ordering = orderingSql(actor, sort);
  // Without a sort a name search applies the cursor inside its CTE (the id is the order) as well.
  const pageSearch = search ? searchSql(search, sort ? undefined : filters.after) : null;
  const countSearch = search ? searchSql(search, undefined) : null;
  const pageConditions = [
    ...conditions,
    ...(filters.after ? [ordering.after(filters.after)] : []),
    ...(pageSearch ? [pageSearch.condition] : []),
  ];
  const countConditions = [...conditions, ...(countSearch ? [countSearch.condition] : [])];

  const pageQuery = db().$queryRaw<{ id: number }[]>`
    ${pageSearch?.cte ?? Prisma.empty}
    SELECT f.id FROM family f ${ordering.join}
    WHERE ${Prisma.join(pageConditions, " AND ")}
    ORDER BY ${Prisma.join(
      ordering.keys.map((key) => Prisma.sql`${key} ${ordering.direction}`),
      ", ",
    )}
    LIMIT ${FAMILY_PAGE_SIZE + 1}`;
  const countQuery = db().$queryRaw<{ counted: number }[]>`
    ${countSearch?.cte ?? Prisma.empty}
    SELECT count(*)::int AS counted FROM (
      SELECT 1 FROM family f WHERE ${Prisma.join(countConditions, " AND ")} LIMIT ${RESULT_COUNT_CAP + 1}
    ) AS matches`;
  // The word-similarity threshold is a setting of the session; set it for this transaction only.
  const threshold =
    search?.kind === "name"
      ? [
          db()
            .$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(SEARCH_WORD_SIMILARITY)}, true)`,
        ]
      : [];
  const results = await db().$transaction([...threshold, pageQuery, countQuery]);
  const rows = results.at(-2) as { id: number }[];
  const [count] = results.at(-1) as { counted: number }[];
  return { ids: rows.map((row) => row.id), counted: count?.counted ?? 0 };
}
