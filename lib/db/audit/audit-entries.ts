import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { forbiddenError } from "@/lib/domain/app-error";
import {
  auditOutcome,
  matchingActions,
  PUBLIC_LOOKUP_ACTION,
  PUBLIC_LOOKUP_REFUSED_OUTCOMES,
  type AuditOutcome,
} from "@/lib/domain/audit-actions";
import type { AuditSubject } from "@/lib/domain/audit-entry-text";
import { auditTimeRange, type AuditFilters } from "@/lib/domain/audit-query";
import type { RegionScope } from "@/lib/domain/permissions";

/**
 * The audit viewer's query, shared by the page (listAuditEntries) and the export (exportAuditEntries).
 *
 * Order: newest first by the time of the entry, then by id (`ORDER BY at DESC, id DESC`). The id alone
 * is the order of insertion, not of time: entries generated or imported in bulk carry their own times.
 * The cursor is the id of the last entry shown; its time is looked up in the query, so the URL carries
 * a plain number and the comparison is exact to the microsecond.
 *
 * Which entries a coordinator reads (docs/decisions/018): those of the own region (`regionId`), and
 * those without a region that belong to a staff member of the region (anyone whose account is in the
 * region now): what they did (their sign-ins, lists, refused attempts) and, written without an actor,
 * the sign-outs and failed sign-ins of their accounts. An administrator reads everything.
 *
 * How it stays fast (docs/performance.md): a page is read by walking an index in the viewer's order and
 * stopping after one row more than the page, so every condition needs an index that ends in (at, id)
 * and starts with what the condition fixes. A condition made of alternatives (a coordinator's region
 * and each staff member, a person's own entries and those about the account) is one ordered, limited
 * walk per alternative, merged. The action, prefix and outcome filters are turned into the list of
 * matching actions present in the log (about fifty, found by one probe of the action index each), and
 * the whole log, a region and the staff's entries without a region are walked once per matching action;
 * so asking a region for sign-ins, which never carry a region, costs one empty probe instead of a walk
 * through all its entries. Why the account indexes are split as they are: docs/decisions/018.
 */

/** Whose entries: every region, or one region and its staff's entries without a region. */
export type AuditReach = { kind: "all" } | { kind: "region"; regionId: string; staffIds: number[] };

/**
 * The family an entry is about: the entity itself for a family or its adaptation plan (whose id is the
 * family's), else the `familyId` its details name (notes, documents, files, payments, quota places,
 * the waitlist). The same expression is indexed by audit_log_family_subject_idx (migration
 * audit_viewer_indexes); an edit here needs a new index there. The casts to text are spelt out so that
 * PostgreSQL's own rendering of the index (pg_get_indexdef, which db:generate uses to rebuild it) reads
 * back as the same expression; `varchar IN (…)` does not, and the rebuilt index would serve no query.
 */
export const FAMILY_SUBJECT_SQL = Prisma.raw(
  `(CASE WHEN l.entity::text IN ('family', 'adaptation_plan') THEN l."entityId"::text ELSE l.changes ->> 'familyId' END)`,
);

/** A public lookup whose details say it was refused (lib/domain/audit-actions.ts). */
const REFUSED_LOOKUP_SQL = Prisma.raw(
  `(l.changes ->> 'outcome') IN (${PUBLIC_LOOKUP_REFUSED_OUTCOMES.map((outcome) => `'${outcome}'`).join(", ")})`,
);

const TRUE = Prisma.sql`TRUE`;

/** The reach of an audit scope (lib/domain/permissions auditScope); an empty scope is refused as not found. */
export async function auditReach(scope: RegionScope): Promise<AuditReach> {
  if (scope.kind === "all") return { kind: "all" };
  if (scope.kind === "none") throw forbiddenError("audit.view");
  const staff = await db().user.findMany({ where: { regionId: scope.regionId }, select: { id: true } });
  return { kind: "region", regionId: scope.regionId, staffIds: staff.map((user) => user.id) };
}

/**
 * The filters resolved against the database: the person's account id, the case's family id and the
 * actions the action, prefix and outcome filters match (null: every action).
 */
export type ResolvedFilters = Pick<AuditFilters, "outcome" | "from" | "to"> & {
  personId: number | null;
  familyId: number | null;
  actions: string[] | null;
};

/** The distinct actions in the log, in one probe of audit_log_action_at_id_idx each (a loose index scan). */
async function presentActions(): Promise<string[]> {
  const rows = await db().$queryRaw<{ action: string }[]>`
    WITH RECURSIVE present (action) AS (
      (SELECT action FROM audit_log ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT l.action FROM audit_log l WHERE l.action > p.action ORDER BY l.action LIMIT 1)
        FROM present p WHERE p.action IS NOT NULL
    )
    SELECT action FROM present WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}

/**
 * Looks up the person (by number or e-mail), the case number and the matching actions; null when one
 * of them names nothing, so that no entry can match. A case number resolves only to a family the reader
 * may open (`familiesInScope`: the reader's familyScopeWhere): another region's case answers as an
 * unknown one does, so the filter never tells a coordinator that the number exists.
 */
export async function resolveFilters(
  filters: AuditFilters,
  familiesInScope: Prisma.FamilyWhereInput,
): Promise<ResolvedFilters | null> {
  const { person, caseNumber, action, prefix, outcome, from, to } = filters;
  let personId: number | null = null;
  if (person?.kind === "id") personId = person.id;
  if (person?.kind === "email") {
    const user = await db().user.findUnique({ where: { email: person.email }, select: { id: true } });
    if (!user) return null;
    personId = user.id;
  }
  let familyId: number | null = null;
  if (caseNumber) {
    const family = await db().family.findFirst({
      where: { AND: [{ caseNumber }, familiesInScope] },
      select: { id: true },
    });
    if (!family) return null;
    familyId = family.id;
  }
  const actions = action || prefix || outcome ? matchingActions(await presentActions(), filters) : null;
  if (actions?.length === 0) return null;
  return { outcome, from, to, personId, familyId, actions };
}

/**
 * One alternative of the reach and the person: a condition, walked once, or once per staff member
 * (`each`: the condition names `s.id`). `byAction`: an index has the action right after what the
 * condition fixes, so a short list of matching actions is walked action by action (`a.action`).
 * `account`: entries about an account, never about a family.
 */
type Alternative = { condition: Prisma.Sql; each?: number[]; byAction?: boolean; account?: boolean };

/**
 * Up to this many matching actions are walked one by one: each walk stops at once when its action is
 * absent. A longer list (every action that succeeded, a prefix as broad as `family`) holds most entries,
 * so one walk with a filter fills a page just as quickly, without a walk per action.
 */
const WALK_BY_ACTION_MAX = 16;

/** Entries written without an actor about the account `id` (sign-outs, failed sign-ins). */
const aboutAccount = (id: Prisma.Sql) =>
  Prisma.sql`l.entity = 'user' AND l."actorId" IS NULL AND l."entityId" = (${id})::text`;

/** The alternatives of the reach and the person, disjoint (see the module comment). */
function alternatives(reach: AuditReach, personId: number | null): Alternative[] {
  const person = Prisma.sql`${personId}::int`;
  if (reach.kind === "all") {
    if (personId === null) return [{ condition: TRUE, byAction: true }];
    return [{ condition: Prisma.sql`l."actorId" = ${person}` }, { condition: aboutAccount(person), account: true }];
  }
  const inRegion = Prisma.sql`l."regionId" = ${reach.regionId}`;
  if (personId === null) {
    const member = Prisma.sql`s.id`;
    return [
      { condition: inRegion, byAction: true },
      {
        condition: Prisma.sql`l."regionId" IS NULL AND l."actorId" = ${member}`,
        each: reach.staffIds,
        byAction: true,
      },
      {
        condition: Prisma.sql`l."regionId" IS NULL AND ${aboutAccount(member)}`,
        each: reach.staffIds,
        byAction: true,
        account: true,
      },
    ];
  }
  const region = reach.staffIds.includes(personId)
    ? Prisma.sql`(l."regionId" = ${reach.regionId} OR l."regionId" IS NULL)`
    : inRegion;
  return [
    { condition: Prisma.sql`l."actorId" = ${person} AND ${region}` },
    { condition: Prisma.sql`${aboutAccount(person)} AND ${region}`, account: true },
  ];
}

/** The conditions every alternative shares: case, outcome of public lookups, days and the cursor. */
function sharedConditions(filters: ResolvedFilters, before: string | null): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.familyId !== null) conditions.push(Prisma.sql`${FAMILY_SUBJECT_SQL} = ${String(filters.familyId)}`);
  // The action list keeps public lookups for either outcome; their details decide.
  if (filters.outcome && filters.actions?.includes(PUBLIC_LOOKUP_ACTION)) {
    conditions.push(
      filters.outcome === "refused"
        ? Prisma.sql`(l.action <> ${PUBLIC_LOOKUP_ACTION} OR ${REFUSED_LOOKUP_SQL})`
        : Prisma.sql`(l.action <> ${PUBLIC_LOOKUP_ACTION} OR ${REFUSED_LOOKUP_SQL} IS NOT TRUE)`,
    );
  }
  const { since, until } = auditTimeRange(filters);
  if (since) conditions.push(Prisma.sql`l.at >= ${since}`);
  if (until) conditions.push(Prisma.sql`l.at < ${until}`);
  if (before) {
    conditions.push(
      Prisma.sql`(l.at, l.id) < ((SELECT c.at FROM audit_log c WHERE c.id = ${before}::bigint), ${before}::bigint)`,
    );
  }
  return conditions;
}

const COLUMNS = Prisma.sql`l.id, l.at, l."actorId", l."actorRole"::text AS "actorRole", l.action, l.entity,
  l."entityId", l."regionId", l.changes, l.ip, l."requestId", ${FAMILY_SUBJECT_SQL} AS "familyRef"`;

type EntryRow = {
  id: bigint;
  at: Date;
  actorId: number | null;
  actorRole: Role | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionId: string | null;
  changes: unknown;
  ip: string | null;
  requestId: string | null;
  familyRef: string | null;
};

/** One statement: each alternative ordered and limited on its own, merged, ordered and limited again. */
function entriesSql(
  reach: AuditReach,
  filters: ResolvedFilters,
  before: string | null,
  limit: number,
  select: Prisma.Sql,
): Prisma.Sql {
  const shared = sharedConditions(filters, before);
  const { actions } = filters;
  const parts = alternatives(reach, filters.personId).flatMap(({ condition, each, byAction, account }) => {
    if (each?.length === 0 || (account && filters.familyId !== null)) return [];
    const sources: Prisma.Sql[] = [];
    const conditions = [condition];
    if (each) sources.push(Prisma.sql`unnest(ARRAY[${Prisma.join(each)}]::int[]) AS s (id)`);
    if (actions && byAction && actions.length <= WALK_BY_ACTION_MAX) {
      sources.push(Prisma.sql`unnest(ARRAY[${Prisma.join(actions)}]::text[]) AS a (action)`);
      conditions.push(Prisma.sql`l.action = a.action`);
    } else if (actions) {
      conditions.push(Prisma.sql`l.action IN (${Prisma.join(actions)})`);
    }
    const walk = Prisma.sql`SELECT ${select} FROM audit_log l WHERE ${Prisma.join([...conditions, ...shared], " AND ")}
      ORDER BY l.at DESC, l.id DESC LIMIT ${limit}`;
    if (sources.length === 0) return [Prisma.sql`(${walk})`];
    return [
      Prisma.sql`(SELECT e.* FROM ${Prisma.join(sources, " CROSS JOIN ")} CROSS JOIN LATERAL (${walk}) e
        ORDER BY e.at DESC, e.id DESC LIMIT ${limit})`,
    ];
  });
  if (parts.length === 0) return Prisma.sql`SELECT ${select} FROM audit_log l WHERE FALSE`;
  if (parts.length === 1) return parts[0]!;
  return Prisma.sql`SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) entries ORDER BY at DESC, id DESC LIMIT ${limit}`;
}

/** Up to `limit` entries in the viewer's order, before the cursor. */
export async function selectEntries(
  reach: AuditReach,
  filters: ResolvedFilters,
  before: string | null,
  limit: number,
): Promise<EntryRow[]> {
  return db().$queryRaw<EntryRow[]>(entriesSql(reach, filters, before, limit, COLUMNS));
}

/** How many entries match, counting no further than `atMost` (the export's cap plus one). */
export async function countEntries(reach: AuditReach, filters: ResolvedFilters, atMost: number): Promise<number> {
  const inner = entriesSql(reach, filters, null, atMost, Prisma.sql`l.id, l.at`);
  const [row] = await db().$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*) AS n FROM (${inner}) matching`);
  return Number(row?.n ?? 0);
}

export type AuditEntry = {
  id: string;
  at: Date;
  action: string;
  outcome: AuditOutcome;
  actor: { id: number; fullName: string; email: string; role: Role | null } | null;
  subject: AuditSubject | null;
  regionId: string | null;
  /** The stored details and field changes (`{ …details, changes: { field: { from, to } } }`), identifiers masked. */
  details: unknown;
  ip: string | null;
  requestId: string | null;
};

const wholeNumber = (text: string | null) => (text !== null && /^\d{1,10}$/.test(text) ? Number(text) : null);

/**
 * The rows with the names of the people, the case numbers of the families the reader may open
 * (`familiesInScope`: the reader's familyScopeWhere) and the outcome of each entry.
 */
export async function describeEntries(
  rows: EntryRow[],
  familiesInScope: Prisma.FamilyWhereInput,
): Promise<AuditEntry[]> {
  const familyIds = [...new Set(rows.flatMap((row) => wholeNumber(row.familyRef) ?? []))];
  const subjectUserIds = rows.flatMap((row) => (row.entity === "user" ? (wholeNumber(row.entityId) ?? []) : []));
  const userIds = [...new Set([...rows.flatMap((row) => row.actorId ?? []), ...subjectUserIds])];
  const [users, families] = await Promise.all([
    userIds.length === 0
      ? []
      : db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, fullName: true, email: true } }),
    familyIds.length === 0
      ? []
      : db().family.findMany({
          where: { AND: [{ id: { in: familyIds } }, familiesInScope] },
          select: { id: true, caseNumber: true },
        }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const caseNumberById = new Map(families.map((family) => [family.id, family.caseNumber]));

  const subjectOf = (row: EntryRow): AuditSubject | null => {
    const familyId = wholeNumber(row.familyRef);
    if (familyId !== null) return { kind: "family", familyId, caseNumber: caseNumberById.get(familyId) ?? null };
    const userId = row.entity === "user" ? wholeNumber(row.entityId) : null;
    if (userId !== null) return { kind: "user", userId, fullName: userById.get(userId)?.fullName ?? null };
    if (row.entity === "region" && row.entityId) return { kind: "region", regionId: row.entityId };
    if (row.entityId === null) return null;
    return { kind: "other", entity: row.entity, entityId: row.entityId };
  };

  return rows.map((row) => {
    const actorUser = row.actorId === null ? undefined : userById.get(row.actorId);
    return {
      id: row.id.toString(),
      at: row.at,
      action: row.action,
      outcome: auditOutcome(row.action, row.changes),
      actor: actorUser ? { ...actorUser, role: row.actorRole } : null,
      subject: subjectOf(row),
      regionId: row.regionId,
      details: row.changes,
      ip: row.ip,
      requestId: row.requestId,
    };
  });
}
