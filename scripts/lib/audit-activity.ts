// The everyday staff activity of a generated dataset's audit log: the bulk generator writes one audit
// entry per registration and status change, but a working system logs far more views than changes —
// cases opened, lists read, sign-ins and sign-outs, downloads, the public status page — and some refused
// requests. The audit viewer is measured on that mix (docs/performance.md), so db:generate adds it with
// one INSERT … SELECT over generate_series, deterministic for a seed. The shares are per mille.
import type pg from "pg";

/** Kinds of entries with their share of the activity (per mille; the shares sum to 1000). */
export const AUDIT_ACTIVITY_MIX = [
  { action: "family.view", share: 260 },
  { action: "casefile.view", share: 240 },
  { action: "family.list", share: 120 },
  { action: "auth.login", share: 110 },
  { action: "auth.logout", share: 60 },
  { action: "document.update", share: 40 },
  { action: "public.lookup", share: 40 },
  { action: "document_file.download", share: 30 },
  { action: "auth.login.failed", share: 25 },
  { action: "note.create", share: 20 },
  { action: "family.receipt.view", share: 20 },
  { action: "family.view.denied", share: 10 },
  { action: "report.export", share: 10 },
  { action: "quota.waitlist.view", share: 7 },
  { action: "auth.login.throttled", share: 3 },
  { action: "user.list", share: 3 },
  { action: "setting.update", share: 2 },
] as const;

/** Activity entries per generated person. */
export const AUDIT_ACTIVITY_PER_PERSON = 0.5;

export interface AuditActivityInput {
  seed: number;
  /** Entries to write. */
  count: number;
  /** Id of the first entry; the caller advances the sequence past the last. */
  firstId: number;
  /** The generated families the entries are about: ids firstFamilyId … firstFamilyId + families - 1. */
  firstFamilyId: number;
  families: number;
  /** Marks the run's entries (audit_log.requestId). */
  requestId: string;
}

/** `CASE` over the mix: which action the entry with roll `k` (0–999) records. */
function actionCase(roll: string): string {
  let upper = 0;
  const branches = AUDIT_ACTIVITY_MIX.map(({ action, share }) => {
    upper += share;
    return `WHEN ${roll} < ${upper} THEN '${action}'`;
  });
  if (upper !== 1000) throw new Error(`the audit activity mix sums to ${upper}, not 1000`);
  return `CASE ${branches.join(" ")} END`;
}

/**
 * Writes `count` activity entries with explicit ids (the caller's transaction has the table locked and
 * sets the sequence afterwards). Each entry is about one generated family picked by a hash of its
 * number; it happens between the family's registration and now. Staff of the family's region act
 * (a coordinator or caseworker when the region has any, else the administrator); sign-ins and
 * sign-outs are of any regional staff member; the public page and failed sign-ins have no actor.
 */
export async function insertAuditActivity(client: pg.Client, input: AuditActivityInput): Promise<number> {
  if (input.count <= 0 || input.families <= 0) return 0;
  // hashint8 spreads consecutive numbers; its int4 result is shifted to 0 … 2^32 - 1 before a modulo.
  const hash = (salt: number) => `(hashint8(n * ${salt} + $1::bigint)::bigint + 2147483648)`;
  const result = await client.query(
    `
    WITH admin AS (
      SELECT id FROM app_user WHERE role = 'ADMIN' AND "isActive" ORDER BY id LIMIT 1
    ), staff AS (
      SELECT "regionId", array_agg(id ORDER BY id) AS ids FROM app_user
       WHERE "isActive" AND "regionId" IS NOT NULL AND role IN ('COORDINATOR', 'CASEWORKER') GROUP BY "regionId"
    ), everyone AS (
      SELECT array_agg(id ORDER BY id) AS ids FROM app_user WHERE "isActive" AND role <> 'ANALYST'
    ), draws AS (
      SELECT n,
             ${actionCase(`mod(${hash(7)}, 1000)`)} AS action,
             $4::int + mod(${hash(13)}, $5::int)::int AS "familyId",
             ${hash(17)} AS h,
             mod(${hash(19)}, 1000) AS share
        FROM generate_series(0, $2::int - 1) AS n
    ), rows AS (
      SELECT d.n, d.action, d.h, d.share, f.id AS "familyId", f."targetRegionId" AS "regionId",
             f."createdAt" + (now() - f."createdAt") * (mod(d.h, 100000) / 100000.0) AS at,
             CASE WHEN s.ids IS NOT NULL AND d.share < 850 THEN s.ids[1 + mod(d.h, cardinality(s.ids))]
                  ELSE (SELECT id FROM admin) END AS "staffId",
             (SELECT ids FROM everyone) AS everyone
        FROM draws d
        JOIN family f ON f.id = d."familyId"
        LEFT JOIN staff s ON s."regionId" = f."targetRegionId"
    ), entries AS (
      SELECT r.*,
             r.everyone[1 + mod(r.h, cardinality(r.everyone))] AS "anyStaffId",
             CASE WHEN r.action = 'public.lookup' THEN
               CASE WHEN r.share < 700 THEN 'hit' WHEN r.share < 950 THEN 'miss' ELSE 'limited' END
             END AS outcome
        FROM rows r
    )
    INSERT INTO audit_log (id, at, "actorId", "actorRole", action, entity, "entityId", "regionId", changes, ip, "requestId")
    SELECT $3::bigint + e.n,
           e.at,
           u.id,
           u.role,
           e.action,
           CASE
             WHEN e.action LIKE 'auth.%' OR e.action = 'user.list' THEN 'user'
             WHEN e.action = 'document.update' THEN 'document'
             WHEN e.action = 'document_file.download' THEN 'document_file'
             WHEN e.action = 'note.create' THEN 'note'
             WHEN e.action = 'report.export' THEN 'report'
             WHEN e.action = 'setting.update' THEN 'setting'
             WHEN e.action = 'quota.waitlist.view' THEN 'quota'
             ELSE 'family'
           END,
           CASE
             WHEN e.action IN ('family.view', 'casefile.view', 'family.receipt.view', 'family.view.denied')
               OR (e.action = 'public.lookup' AND e.outcome = 'hit') THEN e."familyId"::text
             WHEN e.action IN ('auth.login', 'auth.logout') THEN e."anyStaffId"::text
             WHEN e.action = 'auth.login.failed' AND e.share < 800 THEN e."anyStaffId"::text
             WHEN e.action IN ('document.update', 'document_file.download', 'note.create') THEN (e.h % 5000000)::text
             WHEN e.action = 'report.export' THEN 'overview-' || extract(year FROM e.at)::int
             WHEN e.action = 'setting.update' THEN 'review.timeLimitDays'
           END,
           CASE
             WHEN e.action IN ('family.list', 'family.view.denied', 'user.list', 'setting.update')
               OR e.action LIKE 'auth.%' THEN NULL
             WHEN e.action = 'public.lookup' AND e.outcome <> 'hit' THEN NULL
             WHEN e.action = 'report.export' AND e.share < 500 THEN NULL
             ELSE e."regionId"
           END,
           CASE e.action
             WHEN 'family.list' THEN jsonb_build_object('filters', '{}'::jsonb, 'shown', jsonb_build_array(e."familyId"))
             WHEN 'document.update' THEN jsonb_build_object('familyId', e."familyId", 'kind', 'PASSPORT',
               'changes', jsonb_build_object('status', jsonb_build_object('from', 'MISSING', 'to', 'RECEIVED')))
             WHEN 'document_file.download' THEN jsonb_build_object('familyId', e."familyId")
             WHEN 'note.create' THEN jsonb_build_object('familyId', e."familyId", 'length', 20 + mod(e.h, 400))
             WHEN 'public.lookup' THEN jsonb_build_object('outcome', e.outcome, 'secretKind', 'birthDate')
             WHEN 'auth.login.failed' THEN jsonb_build_object('reason', CASE WHEN e.share < 800 THEN 'wrong-password' ELSE 'unknown-account' END)
             WHEN 'report.export' THEN jsonb_build_object('report', 'overview', 'format', 'xlsx')
             WHEN 'quota.waitlist.view' THEN jsonb_build_object('families', jsonb_build_array(e."familyId"))
             WHEN 'setting.update' THEN jsonb_build_object('changes', jsonb_build_object('value', jsonb_build_object('from', 30, 'to', 45)))
           END,
           '10.' || mod(e.h, 256) || '.' || mod(e.h / 256, 256) || '.' || mod(e.h / 65536, 256),
           $6
      FROM entries e
      LEFT JOIN app_user u ON u.id = CASE
        WHEN e.action IN ('auth.logout', 'auth.login.failed', 'auth.login.throttled', 'public.lookup') THEN NULL
        WHEN e.action = 'auth.login' THEN e."anyStaffId"
        WHEN e.action IN ('user.list', 'setting.update') THEN (SELECT id FROM admin)
        ELSE e."staffId"
      END`,
    [input.seed, input.count, input.firstId, input.firstFamilyId, input.families, input.requestId],
  );
  return result.rowCount ?? 0;
}
