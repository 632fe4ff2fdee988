// The main paths of the system as benchmark cases: the HTTP request a user's browser (or the family's
// phone) sends, what a correct answer looks like, and the lib/db calls whose SQL is baseline B.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generate, generateSecret } from "otplib";
import type pg from "pg";
import { LOGIN_ERROR } from "@/lib/auth/login-errors";
import { listAuditEntries } from "@/lib/db/audit/list-audit";
import { authenticate } from "@/lib/db/users/authenticate";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { getFamily } from "@/lib/db/families/get-family";
import { listFamilies } from "@/lib/db/families/list-families";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { lookupCaseStatus } from "@/lib/db/public-lookup";
import { overviewReport } from "@/lib/db/reports/overview";
import { listOverdueCases, processingTimes } from "@/lib/db/reports/processing-times";
import { quotaReport } from "@/lib/db/reports/quota-report";
import { statusExpiryReport } from "@/lib/db/reports/status-expiry";
import { supportPaidReport } from "@/lib/db/reports/support-paid";
import { parseAuditQuery } from "@/lib/domain/audit-query";
import { documentChecklist } from "@/lib/domain/documents";
import type { Category } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/domain/permissions";
import { quotaYearFor } from "@/lib/domain/quota";
import { programmeToday } from "@/lib/domain/status-validity";
import type { ReportFilters } from "@/lib/validation/report-filters";
import { seal } from "@/lib/secret-box";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import { ROOT } from "../scripts/lib/prisma6";
import { recordStatements, type Recording } from "./capture";
import type { HttpCase } from "./load";

export type BenchPath = {
  name: string;
  /** What is measured, for the printed table and docs/performance.md. */
  description: string;
  http: HttpCase;
  /** A path that changes state runs a fixed number of requests (one per prepared input) and no warm-up. */
  amount?: number;
  /** The SQL of the path's lib/db calls (a few inputs), replayed as baseline B. */
  record: () => Promise<Recording[]>;
  /** Checks and undoes what the HTTP run changed (before the SQL is recorded); returns a line for the report. */
  finish?: () => Promise<string>;
};

export type PathContext = { pool: pg.Pool; origin: string; authSecret: string; sampleSize: number };

const BENCH_COORDINATORS = 8;
const LIST_DEPTH = 10_000;
const AUDIT_DEPTH = 10_000;
const RECORDED_INPUTS = 20;

const anyPage = (status: number) => status === 200;
const hasFamilyRows = (status: number, body: string) => status === 200 && /href="\/families\/\d+"/.test(body);
const hasAuditRows = (status: number, body: string) => status === 200 && body.includes('data-testid="audit-entry-');

/** next-auth's CSRF token and the cookie that goes with it (one pair serves many sign-ins). */
async function csrfPair(origin: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${origin}/api/auth/csrf`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: ((await response.json()) as { csrfToken: string }).csrfToken, cookie };
}

/** One request to next-auth's credentials endpoint; the session cookie it set, or the error it answered. */
async function postCredentials(
  origin: string,
  fields: Record<string, string>,
): Promise<{ session: string | null; error: string | null; status: number }> {
  const csrf = await csrfPair(origin);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
    body: new URLSearchParams({ csrfToken: csrf.token, ...fields, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  const error = url ? new URL(url, origin).searchParams.get("error") : null;
  return { session: session?.split(";")[0] ?? null, error, status: response.status };
}

/**
 * Gives a benchmark account a second factor with a key the benchmark knows, sealed as the server seals
 * it (lib/secret-box.ts), as the person would enrol with a phone; its codes answer the sign-in's code step.
 */
async function enrolSecondFactor(ctx: PathContext, email: string): Promise<string> {
  const secret = generateSecret();
  const { rows } = await ctx.pool.query<{ id: number }>(`SELECT id FROM app_user WHERE email = $1`, [email]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no account ${email}`);
  const sealed = seal(secret, { serverSecret: ctx.authSecret, purpose: "totp-secret", context: `user:${id}` });
  await ctx.pool.query(
    `UPDATE app_user SET "mfaSecret" = $2, "mfaEnabledAt" = now(), "mfaLastStep" = NULL WHERE id = $1`,
    [id, sealed],
  );
  return secret;
}

/**
 * Signs in as an administrator or coordinator (whose role requires a second factor) through next-auth's
 * credentials endpoint — the password, then a code of the account's key — and returns the session cookie.
 */
async function signIn(ctx: PathContext, email: string): Promise<string> {
  const secret = await enrolSecondFactor(ctx, email);
  const first = await postCredentials(ctx.origin, { email, password: DEMO_PASSWORD });
  const challenge = first.error?.startsWith(LOGIN_ERROR.secondFactorPrefix)
    ? first.error.slice(LOGIN_ERROR.secondFactorPrefix.length)
    : null;
  if (!challenge)
    throw new Error(`could not sign in as ${email} (HTTP ${first.status}, ${first.error ?? "no code step"})`);
  const second = await postCredentials(ctx.origin, { challenge, code: await generate({ secret }) });
  if (!second.session) throw new Error(`could not sign in as ${email} (HTTP ${second.status}, ${second.error ?? "-"})`);
  return second.session;
}

/** The id of a server action in the production build, from Next's manifest of server references. */
function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`server action ${exportedName} of ${file} is not in the build`);
  return id;
}

async function actorOf(pool: pg.Pool, email: string): Promise<Actor> {
  const { rows } = await pool.query<Actor>(`SELECT id, role, "regionId" FROM app_user WHERE email = $1`, [email]);
  if (!rows[0]) throw new Error(`no user ${email}: the dataset was not seeded`);
  return rows[0];
}

/**
 * The family LIST_DEPTH rows into one region's list by the head's surname, Я to А (the order of
 * lib/db/families/list-families.ts), or the last one that still leaves a page after it.
 */
async function regionSurnameCursor(pool: pg.Pool, regionId: string): Promise<{ id: number; depth: number }> {
  const { rows } = await pool.query<{ id: number; depth: number }>(
    `WITH heads AS (
       SELECT h."familyId" AS id FROM person h JOIN family f ON f.id = h."familyId"
        WHERE h."isHead" AND f."targetRegionId" = $1
        ORDER BY h."surnameCyr" COLLATE "kk-x-icu" DESC, h."givenNameCyr" COLLATE "kk-x-icu" DESC, h."familyId" DESC
     )
     SELECT id, LEAST($2, GREATEST(0, (SELECT count(*) FROM heads) - 26))::int AS depth FROM heads
     OFFSET LEAST($2, GREATEST(0, (SELECT count(*) FROM heads) - 26)) LIMIT 1`,
    [regionId, LIST_DEPTH],
  );
  if (!rows[0]) throw new Error(`the dataset has no family in ${regionId}`);
  return rows[0];
}

/** Up to `size` rows spread evenly over the table by id (deterministic, not just the newest). */
async function spreadSample<T extends pg.QueryResultRow>(pool: pg.Pool, size: number, select: string): Promise<T[]> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM family`);
  const step = Math.max(1, Math.floor(Number(rows[0]!.n) / size));
  return (await pool.query<T>(`${select} AND f.id % ${step} = 0 ORDER BY f.id LIMIT ${size}`)).rows;
}

/** A typing mistake: one letter of the surname dropped (from the middle, where it is least guessable). */
function withTypo(name: string): string {
  if (name.length < 5) return name;
  const at = Math.floor(name.length / 2);
  return name.slice(0, at) + name.slice(at + 1);
}

/** An address per request so that the per-address limit of the public lookup is not what is measured. */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** The SQL of `run` for the first few inputs; `warm` runs it once unrecorded first (a first-time side effect). */
async function recordEach<T>(
  inputs: T[],
  run: (input: T) => Promise<unknown>,
  options: { warm?: boolean } = {},
): Promise<Recording[]> {
  const recordings: Recording[] = [];
  for (const input of inputs.slice(0, RECORDED_INPUTS)) {
    if (options.warm) await run(input);
    recordings.push(await recordStatements(() => run(input)));
  }
  return recordings;
}

export async function preparePaths(ctx: PathContext): Promise<BenchPath[]> {
  const { pool, origin } = ctx;
  const today = programmeToday();
  const year = quotaYearFor(today);
  const admin = await actorOf(pool, DEMO_USERS.admin.email);
  const adminCookie = await signIn(ctx, DEMO_USERS.admin.email);
  const asAdmin = { cookie: adminCookie };
  // A full year for the reports over the programme's history; the current one is still filling up.
  const reportFilters: ReportFilters = { year: year - 1, regionId: null, category: null };
  const reportQuery = `year=${year - 1}`;

  const heads = await spreadSample<{
    id: number;
    caseNumber: string;
    birthDate: string;
    surnameLat: string;
    givenNameLat: string;
  }>(
    pool,
    ctx.sampleSize,
    `SELECT f.id, f."caseNumber", to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDate", p."surnameLat", p."givenNameLat"
       FROM family f JOIN person p ON p."familyId" = f.id AND p."isHead" WHERE TRUE`,
  );
  if (heads.length === 0) throw new Error("the dataset has no families");
  const searches = heads
    .filter((h) => h.surnameLat.length >= 5)
    .map((h) => `${h.givenNameLat} ${withTypo(h.surnameLat)}`);

  const { rows: depthRows } = await pool.query<{ id: number; depth: string }>(
    `SELECT id, (SELECT count(*) FROM family g WHERE g.id > f.id) AS depth FROM family f
      ORDER BY id DESC OFFSET LEAST($1, GREATEST(0, (SELECT count(*) FROM family) - 26)) LIMIT 1`,
    [LIST_DEPTH],
  );
  const deep = depthRows[0]!;

  const coordinator = await actorOf(pool, DEMO_USERS.coordinatorPavlodar.email);
  const surnameDeep = await regionSurnameCursor(pool, coordinator.regionId!);
  const auditDeep = await auditCursor(pool);
  // Seeded demo families have no entries of their own (the seed writes one summary entry); generated ones do.
  const { rows: audited } = await pool.query<{ entityId: string }>(
    `SELECT DISTINCT "entityId" FROM audit_log WHERE entity = 'family' AND "entityId" = ANY($1::text[])`,
    [heads.map((head) => String(head.id))],
  );
  const auditedIds = new Set(audited.map((row) => Number(row.entityId)));
  const auditedCases = heads.filter((head) => auditedIds.has(head.id)).map((head) => head.caseNumber);
  if (auditedCases.length === 0) throw new Error("the dataset has no family with audit entries");

  const asCoordinator = { cookie: await signIn(ctx, DEMO_USERS.coordinatorPavlodar.email) };
  const listAudit = (actor: Actor, params: string) => {
    const { filters, before } = parseAuditQuery(new URLSearchParams(params));
    return listAuditEntries(actor, { filters, before });
  };

  const allocation = await prepareAllocation(ctx, year);
  const loginEmails = allocation.coordinators.map((c) => c.email);

  return [
    {
      name: "status-lookup",
      description: "POST /status: a family's status by case number and the head's date of birth (no session)",
      http: {
        request: (i) => {
          const head = heads[i % heads.length]!;
          return {
            method: "POST",
            path: "/status",
            headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": addressOf(i) },
            body: new URLSearchParams({
              lang: "en",
              caseNumber: head.caseNumber,
              birthDate: head.birthDate,
              iin: "",
            }).toString(),
          };
        },
        // A found case shows its timeline; a miss or a limit would not.
        accept: (status, body) => status === 200 && body.includes("<ol>"),
      },
      record: () =>
        recordEach(heads, (head) =>
          lookupCaseStatus({
            caseNumber: head.caseNumber,
            birthDate: head.birthDate,
            iin: "",
            ip: addressOf(0xffff00 + (head.id % 256)),
          }),
        ),
    },
    {
      name: "family-list",
      description: "GET /families: the first page of every family (administrator, newest first)",
      http: { request: () => ({ path: "/families", headers: asAdmin }), accept: hasFamilyRows },
      record: () => recordEach([null], () => listFamilies(admin, {})),
    },
    {
      name: "family-list-deep",
      description: `GET /families?after=…: the page ${deep.depth} rows deep (keyset)`,
      http: { request: () => ({ path: `/families?after=${deep.id}`, headers: asAdmin }), accept: hasFamilyRows },
      record: () => recordEach([null], () => listFamilies(admin, { after: deep.id })),
    },
    {
      name: "family-list-by-surname",
      description: "GET /families?sort=surname: the first page by the head's surname, Kazakh order (administrator)",
      http: { request: () => ({ path: "/families?sort=surname", headers: asAdmin }), accept: hasFamilyRows },
      record: () => recordEach([null], () => listFamilies(admin, { sort: "surname" })),
    },
    {
      name: "family-list-by-surname-deep",
      description: `GET /families?sort=surname&dir=desc&after=…: one region by surname, Я to А, the page ${surnameDeep.depth} rows deep (coordinator)`,
      http: {
        request: () => ({ path: `/families?sort=surname&dir=desc&after=${surnameDeep.id}`, headers: asCoordinator }),
        accept: hasFamilyRows,
      },
      record: () =>
        recordEach([null], () => listFamilies(coordinator, { sort: "surname", dir: "desc", after: surnameDeep.id })),
    },
    {
      name: "search-typo",
      description:
        'GET /families?q=…: given name and surname in Latin letters with one letter missing ("Nurlan Serikbaev")',
      http: {
        request: (i) => ({
          path: `/families?q=${encodeURIComponent(searches[i % searches.length]!)}`,
          headers: asAdmin,
        }),
        accept: hasFamilyRows,
      },
      record: () => recordEach(searches, (q) => listFamilies(admin, { q })),
    },
    {
      name: "family-detail",
      description: "GET /families/<id>: the case page with members, history, documents, plan and payments",
      http: {
        request: (i) => ({ path: `/families/${heads[i % heads.length]!.id}`, headers: asAdmin }),
        accept: anyPage,
      },
      // The first view of a case creates its document checklist; the steady state is the second.
      record: () =>
        recordEach(heads, (head) => Promise.all([getFamily(admin, head.id), getCaseFile(admin, head.id)]), {
          warm: true,
        }),
    },
    {
      name: "audit-log",
      description: "GET /admin/audit: the first page of the whole audit log (administrator)",
      http: { request: () => ({ path: "/admin/audit", headers: asAdmin }), accept: hasAuditRows },
      record: () => recordEach([""], (params) => listAudit(admin, params)),
    },
    {
      name: "audit-log-deep",
      description: `GET /admin/audit?action=family.view&before=…: views of families, the page ${auditDeep.depth} entries deep`,
      http: {
        request: () => ({ path: `/admin/audit?action=family.view&before=${auditDeep.id}`, headers: asAdmin }),
        accept: hasAuditRows,
      },
      record: () => recordEach([`action=family.view&before=${auditDeep.id}`], (params) => listAudit(admin, params)),
    },
    {
      name: "audit-case",
      description: "GET /admin/audit?case=…: who opened one family's case and when (administrator)",
      http: {
        request: (i) => ({ path: `/admin/audit?case=${auditedCases[i % auditedCases.length]!}`, headers: asAdmin }),
        accept: hasAuditRows,
      },
      record: () =>
        recordEach(
          auditedCases.map((caseNumber) => `case=${caseNumber}`),
          (params) => listAudit(admin, params),
        ),
    },
    {
      name: "audit-log-coordinator",
      description: "GET /admin/audit?outcome=refused: refused requests in one region and of its staff (coordinator)",
      http: { request: () => ({ path: "/admin/audit?outcome=refused", headers: asCoordinator }), accept: anyPage },
      record: () => recordEach(["outcome=refused"], (params) => listAudit(coordinator, params)),
    },
    {
      name: "allocation",
      description: `server action on /families/<id>: ${BENCH_COORDINATORS} coordinators of one region allocate quota places at once`,
      http: allocation.http,
      amount: allocation.targets.length,
      record: allocation.record,
      finish: allocation.finish,
    },
    {
      name: "quota-report",
      description: `GET /reports/quotas?year=${year}: quota, allocated, waiting and forecast per region and pool`,
      http: { request: () => ({ path: `/reports/quotas?year=${year}`, headers: asAdmin }), accept: anyPage },
      record: () => recordEach([null], () => quotaReport(admin, year)),
    },
    {
      name: "overview",
      description: `GET /reports/overview?${reportQuery}: the whole country's dashboard (nine aggregates)`,
      http: { request: () => ({ path: `/reports/overview?${reportQuery}`, headers: asAdmin }), accept: anyPage },
      record: () => recordEach([null], () => overviewReport(admin, reportFilters)),
    },
    {
      name: "processing-times",
      description: `GET /reports/processing?${reportQuery}: median and 90th percentile days per step and region, overdue cases`,
      http: { request: () => ({ path: `/reports/processing?${reportQuery}`, headers: asAdmin }), accept: anyPage },
      record: () =>
        recordEach([null], async () => {
          await processingTimes(admin, reportFilters);
          await listOverdueCases(admin, reportFilters);
        }),
    },
    {
      name: "support-paid",
      description: `GET /reports/support?${reportQuery}: subsidies and rent compensation per region and month`,
      http: { request: () => ({ path: `/reports/support?${reportQuery}`, headers: asAdmin }), accept: anyPage },
      record: () => recordEach([null], () => supportPaidReport(admin, reportFilters)),
    },
    {
      name: "status-expiry",
      description: `GET /reports/expiry?year=${year}: kandas statuses ending in 30/60/90 days per region`,
      http: { request: () => ({ path: `/reports/expiry?year=${year}`, headers: asAdmin }), accept: anyPage },
      record: () => recordEach([null], () => statusExpiryReport(admin, { ...reportFilters, year })),
    },
    {
      name: "login",
      description:
        "POST /api/auth/callback/credentials: the password step of a sign-in (Argon2id), answered with the code step",
      http: loginCase(await csrfPair(origin), loginEmails),
      record: () => recordEach(loginEmails, (email) => authenticate(email, DEMO_PASSWORD, "10.255.255.2")),
    },
  ];
}

/**
 * The id of the family view AUDIT_DEPTH entries deep in the viewer's order (or as deep as a small
 * dataset goes, keeping a page after it), for the deep page of the audit log.
 */
async function auditCursor(pool: pg.Pool): Promise<{ id: string; depth: number }> {
  const matching = `FROM audit_log WHERE action = 'family.view' OR action LIKE 'family.view.%'`;
  const { rows: counted } = await pool.query<{ n: string }>(`SELECT count(*) AS n ${matching}`);
  const depth = Math.min(AUDIT_DEPTH, Math.max(0, Number(counted[0]!.n) - 51));
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id::text AS id ${matching} ORDER BY at DESC, id DESC OFFSET $1 LIMIT 1`,
    [depth],
  );
  if (!rows[0]) throw new Error("the dataset has no views of families in its audit log");
  return { id: rows[0].id, depth };
}

function loginCase(csrf: { token: string; cookie: string }, emails: string[]): HttpCase {
  return {
    request: (i) => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
      body: new URLSearchParams({
        csrfToken: csrf.token,
        email: emails[i % emails.length]!,
        password: DEMO_PASSWORD,
        json: "true",
      }).toString(),
    }),
    // These coordinators have a second factor: next-auth answers a right password with 401 and
    // {"url": "…?error=secondFactor:<challenge>"} (the code step); any other error is a refusal.
    accept: (status, body) =>
      status === 401 && body.includes(`error=${encodeURIComponent(LOGIN_ERROR.secondFactorPrefix)}`),
  };
}

/** Stores as verified the checklist items (documents.ts) the families have no row for; returns the new rows' ids. */
async function addMissingChecklistRows(pool: pg.Pool, families: { id: number; pool: string }[]): Promise<number[]> {
  const { rows: members } = await pool.query<{ id: number; familyId: number }>(
    `SELECT id, "familyId" FROM person WHERE "familyId" = ANY($1)`,
    [families.map((family) => family.id)],
  );
  const { rows: stored } = await pool.query<{ familyId: number; personId: number | null; kind: string }>(
    `SELECT "familyId", "personId", kind::text FROM document WHERE "familyId" = ANY($1)`,
    [families.map((family) => family.id)],
  );
  const held = new Set(stored.map((row) => `${row.familyId}:${row.kind}:${row.personId ?? ""}`));
  const missing = families.flatMap((family) =>
    documentChecklist(
      family.pool as Category,
      members.filter((member) => member.familyId === family.id),
    )
      .filter((item) => !held.has(`${family.id}:${item.kind}:${item.personId ?? ""}`))
      .map((item) => ({ familyId: family.id, ...item })),
  );
  if (missing.length === 0) return [];
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO document ("familyId", "personId", kind, status, "updatedAt")
     SELECT u."familyId", u."personId", u.kind::"DocumentKind", 'VERIFIED', now()
       FROM unnest($1::int[], $2::int[], $3::text[]) AS u("familyId", "personId", kind)
     RETURNING id`,
    [missing.map((item) => item.familyId), missing.map((item) => item.personId), missing.map((item) => item.kind)],
  );
  return rows.map((row) => row.id);
}

/**
 * Approved families of the region with the most of them, their documents verified first (what the
 * checklist gate, decision 023, asks before inclusion), each allocated once by one of several
 * coordinator accounts of that region (created for the benchmark, with the demo password). The quota
 * is raised so that every request can succeed; afterwards the quota's count is checked against its
 * allocations and everything the run changed is undone, so the next run finds the same state.
 */
async function prepareAllocation(ctx: PathContext, year: number) {
  const { pool, origin } = ctx;
  const candidates = `
    SELECT f.id, f.version, f."targetRegionId" AS "regionId", f.category::text AS pool FROM family f
     WHERE f.status = 'APPROVED' AND (f.category = 'SETTLER' OR f."statusValidUntil" > current_date)
       AND EXISTS (SELECT 1 FROM person p WHERE p."familyId" = f.id)
       AND NOT EXISTS (SELECT 1 FROM allocation a WHERE a."familyId" = f.id AND a.year = $1)`;
  const { rows: regionRows } = await pool.query<{ regionId: string }>(
    `SELECT "regionId" FROM (${candidates}) c GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [year],
  );
  const regionId = regionRows[0]?.regionId;
  if (!regionId) throw new Error("the dataset has no approved family to allocate");
  const { rows: families } = await pool.query<{ id: number; version: number; regionId: string; pool: string }>(
    `SELECT * FROM (${candidates}) c WHERE "regionId" = $2 ORDER BY id LIMIT $3`,
    [year, regionId, ctx.sampleSize],
  );
  // One family is allocated in this process to record the SQL; the others over HTTP.
  const [recorded, ...targets] = families;
  if (!recorded || targets.length === 0)
    throw new Error(`region ${regionId} has too few approved families to allocate`);

  const { rows: template } = await pool.query<{ passwordHash: string }>(
    `SELECT "passwordHash" FROM app_user WHERE email = $1`,
    [DEMO_USERS.coordinatorPavlodar.email],
  );
  const coordinators = Array.from({ length: BENCH_COORDINATORS }, (_, i) => ({
    email: `bench.coordinator.${i + 1}@nurlykosh.kz`,
  }));
  for (const { email } of coordinators) {
    await pool.query(
      `INSERT INTO app_user (email, "fullName", "passwordHash", role, "regionId", "updatedAt")
       VALUES ($1, 'Benchmark coordinator', $2, 'COORDINATOR', $3, now())
       ON CONFLICT (email) DO UPDATE SET "regionId" = EXCLUDED."regionId", "isActive" = TRUE`,
      [email, template[0]!.passwordHash, regionId],
    );
  }
  const cookies = await Promise.all(coordinators.map((c) => signIn(ctx, c.email)));

  const ids = families.map((f) => f.id);
  const before = await pool.query<{ id: number; total: number; allocated: number }>(
    `SELECT id, total, allocated FROM quota WHERE year = $1 AND "regionId" = $2`,
    [year, regionId],
  );
  const marks = (
    await pool.query<{ allocation: number; event: number }>(
      `SELECT COALESCE(max(a.id), 0) AS allocation, (SELECT COALESCE(max(id), 0) FROM case_event) AS event FROM allocation a`,
    )
  ).rows[0]!;
  // The generated checklists of approved families still have items merely received or not stored; a
  // centre verifies them before the inclusion, so the benchmark does too (and puts them back afterwards).
  const { rows: unverified } = await pool.query<{ id: number; was: string }>(
    `WITH changed AS (SELECT id, status FROM document WHERE "familyId" = ANY($1) AND status <> 'VERIFIED')
     UPDATE document d SET status = 'VERIFIED' FROM changed WHERE d.id = changed.id
     RETURNING d.id, changed.status::text AS was`,
    [ids],
  );
  const added = await addMissingChecklistRows(pool, families);
  // Room for every family even if all were of one pool (8 members at most each).
  await pool.query(`UPDATE quota SET total = GREATEST(total, allocated + $3) WHERE year = $1 AND "regionId" = $2`, [
    year,
    regionId,
    families.length * 8,
  ]);

  /** Puts the families, their quota and history back as they were before the benchmark touched them. */
  const undo = async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`DELETE FROM allocation WHERE id > $1 AND "familyId" = ANY($2)`, [marks.allocation, ids]);
      await client.query(`DELETE FROM case_event WHERE id > $1 AND "familyId" = ANY($2)`, [marks.event, ids]);
      await client.query(`UPDATE family SET status = 'APPROVED' WHERE id = ANY($1)`, [ids]);
      for (const q of before.rows) {
        await client.query(`UPDATE quota SET total = $2, allocated = $3 WHERE id = $1`, [q.id, q.total, q.allocated]);
      }
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  };

  /** Puts the checklists back as generated, once the last inclusion (the recorded one) is done. */
  const restoreDocuments = async () => {
    await pool.query(`DELETE FROM document WHERE id = ANY($1)`, [added]);
    await pool.query(
      `UPDATE document d SET status = u.was::"DocumentStatus"
         FROM unnest($1::int[], $2::text[]) AS u(id, was) WHERE d.id = u.id`,
      [unverified.map((row) => row.id), unverified.map((row) => row.was)],
    );
  };

  const actionId = serverActionId("app/(staff)/families/[id]/actions-transition.ts", "transitionFamilyAction");
  const coordinator = await actorOf(pool, coordinators[0]!.email);
  return {
    coordinators,
    targets,
    http: {
      request: (i: number) => {
        const family = targets[i % targets.length]!;
        return {
          method: "POST" as const,
          path: `/families/${family.id}`,
          headers: {
            cookie: cookies[i % cookies.length]!,
            "next-action": actionId,
            accept: "text/x-component",
            "content-type": "text/plain;charset=UTF-8",
            origin,
          },
          body: JSON.stringify([{ familyId: family.id, version: family.version, to: "QUOTA_ALLOCATED" }]),
        };
      },
      accept: (status: number, body: string) => status === 200 && body.includes('"ok":true'),
    } satisfies HttpCase,
    record: async () => {
      const recordings = await recordEach([recorded], () =>
        transitionFamily(coordinator, { familyId: recorded.id, version: recorded.version, to: "QUOTA_ALLOCATED" }),
      );
      await undo();
      await restoreDocuments();
      return recordings;
    },
    async finish(): Promise<string> {
      const { rows } = await pool.query<{ total: number; allocated: number; held: string; families: string }>(
        `SELECT SUM(q.total)::int AS total, SUM(q.allocated)::int AS allocated,
                (SELECT COALESCE(SUM(a.persons), 0) FROM allocation a JOIN quota q2 ON q2.id = a."quotaId"
                  WHERE q2.year = $1 AND q2."regionId" = $2 AND a.status = 'ACTIVE') AS held,
                (SELECT count(*) FROM family WHERE id = ANY($3) AND status = 'QUOTA_ALLOCATED') AS families
           FROM quota q WHERE q.year = $1 AND q."regionId" = $2`,
        [year, regionId, ids],
      );
      const check = rows[0]!;
      await undo();
      if (check.allocated !== Number(check.held) || check.allocated > check.total) {
        throw new Error(
          `quota of ${regionId} inconsistent after the run: allocated ${check.allocated}, held by allocations ${check.held}`,
        );
      }
      return `${check.families} of ${targets.length} families allocated in ${regionId}; quota allocated = places held by allocations (${check.held}) ≤ total`;
    },
  };
}
