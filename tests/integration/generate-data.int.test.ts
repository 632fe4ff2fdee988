// The bulk generator (npm run db:generate) as a user runs it, twice with the same seed on a freshly
// migrated and seeded database of its own: the rows it adds keep every rule the application relies on.
// The first run adds more persons than the seed holds, so it drops and rebuilds the secondary indexes;
// the second is told to keep them (the other way to load), with the same seed.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { validateIin } from "@/lib/domain/iin";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { buildFamily, familyCreateData, mulberry32 } from "@/prisma/factories";
import { seedDatabase } from "@/prisma/seed-database";
import { migrate } from "@/scripts/lib/migrate";
import { ROOT } from "@/scripts/lib/prisma6";
import { createDatabase, testDatabaseUrl } from "./db";

const PERSONS = 3000;
const LOADED_TABLES = ["family", "person", "case_event", "allocation", "document", "audit_log"];
const RUN_TIMEOUT_MS = 120_000;

let url: string;
let drop: () => Promise<void>;
let prisma: PrismaClient;
let sql: pg.Client;
let seededPersons: number;
let seededIndexes: Record<string, string>;

/** Runs `tsx scripts/generate-data.ts --persons 3000 --seed 7 [args]` on the test database; resolves with its stdout. */
function generate(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        "scripts/generate-data.ts",
        ...["--persons", String(PERSONS), "--seed", "7", ...args],
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`db:generate exited with ${code}\n${stdout}\n${stderr}`)),
    );
  });
}

async function count(query: string): Promise<number> {
  return Number((await sql.query<{ n: string }>(query)).rows[0]!.n);
}

/** Index name → definition of the loaded tables. */
async function indexDefinitions(): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1)`,
    [LOADED_TABLES],
  );
  return Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
}

/** The rules every run must leave intact, each as the number of rows that break it. */
async function brokenRules(): Promise<Record<string, number>> {
  const { rows } = await sql.query<Record<string, string>>(
    `
    SELECT
      (SELECT count(*) FROM family f WHERE (SELECT count(*) FROM person p WHERE p."familyId" = f.id) NOT BETWEEN 1 AND 8)
        AS "family without 1-8 members",
      (SELECT count(*) FROM family f WHERE (SELECT count(*) FROM person p WHERE p."familyId" = f.id AND p."isHead") <> 1)
        AS "family without exactly one head",
      (SELECT count(iin) - count(DISTINCT iin) FROM person) AS "duplicate IIN",
      (SELECT count(*) - count(DISTINCT "caseNumber") FROM family) AS "duplicate case number",
      (SELECT count(*) FROM (
         SELECT substr(f."caseNumber", 4, 4)::int AS year, max(substr(f."caseNumber", 9)::int) AS seq
           FROM family f GROUP BY 1) s
         LEFT JOIN case_number_counter c ON c.year = s.year
        WHERE c.last IS NULL OR c.last < s.seq) AS "counter behind its case numbers",
      (SELECT count(*) FROM quota q
        WHERE q.allocated <> (SELECT coalesce(sum(a.persons), 0) FROM allocation a WHERE a."quotaId" = q.id AND a.status = 'ACTIVE')
           OR q.allocated > q.total) AS "quota allocated wrong",
      (SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.id = p."familyId")) AS "orphan person",
      (SELECT count(*) FROM case_event e WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.id = e."familyId")
         OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = e."actorId")) AS "orphan case_event",
      (SELECT count(*) FROM allocation a WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.id = a."familyId")
         OR NOT EXISTS (SELECT 1 FROM quota q WHERE q.id = a."quotaId")) AS "orphan allocation",
      (SELECT count(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM family f WHERE f.id = d."familyId")
         OR (d."personId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = d."personId" AND p."familyId" = d."familyId")))
        AS "orphan document",
      (SELECT count(*) FROM family f WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.id = f."targetRegionId")
         OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = f."createdById")
         OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = f."updatedById")
         OR (f."targetDistrictId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM district x WHERE x.id = f."targetDistrictId")))
        AS "orphan family",
      (SELECT count(*) FROM audit_log l WHERE l."actorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = l."actorId"))
        AS "orphan audit_log",
      (SELECT count(*) FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY($1) AND NOT (x.indisvalid AND x.indisready)) AS "invalid index"`,
    [LOADED_TABLES],
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([rule, n]) => [rule, Number(n)]));
}

const noneBroken = (rules: Record<string, number>) => Object.fromEntries(Object.keys(rules).map((rule) => [rule, 0]));

async function expectValidIins(): Promise<void> {
  const { rows } = await sql.query<{ iin: string }>(`SELECT iin FROM person WHERE iin IS NOT NULL`);
  expect(rows.length).toBeGreaterThan(PERSONS / 2);
  expect(rows.filter((r) => !validateIin(r.iin).ok).map((r) => r.iin)).toEqual([]);
}

beforeAll(async () => {
  const database = await createDatabase(testDatabaseUrl(), `nk_generate_${randomUUID().slice(0, 8)}`);
  url = database.url;
  drop = database.drop;
  await migrate(url, { log: () => undefined });
  prisma = createPrismaClient(url, 2);
  await seedDatabase(prisma);
  sql = new pg.Client({ connectionString: url });
  await sql.connect();
  seededPersons = await count(`SELECT count(*) AS n FROM person`);
  seededIndexes = await indexDefinitions();
});

afterAll(async () => {
  await sql?.end();
  await prisma?.$disconnect();
  await drop?.();
});

describe("npm run db:generate", () => {
  it(
    "adds exactly 3000 persons to the seeded database, rebuilding its indexes, and breaks no rule",
    async () => {
      expect(seededPersons).toBeLessThan(PERSONS);
      const output = await generate();
      expect(output).toMatch(/\d+ families, 3000 persons .*indexes rebuilt/);
      expect(await count(`SELECT count(*) AS n FROM person`)).toBe(seededPersons + PERSONS);
      const rules = await brokenRules();
      expect(rules).toEqual(noneBroken(rules));
      await expectValidIins();
      expect(await indexDefinitions()).toEqual(seededIndexes);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "adds 3000 more with the same seed on top, keeping the indexes, without colliding on IINs or case numbers",
    async () => {
      const output = await generate("--indexes", "keep");
      expect(output).toMatch(/\d+ families, 3000 persons .*indexes kept/);
      expect(await count(`SELECT count(*) AS n FROM person`)).toBe(seededPersons + 2 * PERSONS);
      const rules = await brokenRules();
      expect(rules).toEqual(noneBroken(rules));
      await expectValidIins();
      // One audit entry per run, with what it added.
      const runs = await sql.query<{ changes: { seed: number; persons: number } }>(
        `SELECT changes FROM audit_log WHERE action = 'generate' ORDER BY id`,
      );
      expect(runs.rows.map((r) => [r.changes.seed, r.changes.persons])).toEqual([
        [7, PERSONS],
        [7, PERSONS],
      ]);
    },
    RUN_TIMEOUT_MS,
  );

  it("leaves the trigram index on person names in place and used by a name search", async () => {
    expect(await indexDefinitions()).toEqual(seededIndexes);
    expect(seededIndexes.person_search_text_trgm).toMatch(/USING gin \("searchText" gin_trgm_ops\)/);
    await sql.query("BEGIN");
    try {
      // The table is small enough that the planner would rather scan it; the index must still serve.
      await sql.query("SET LOCAL enable_seqscan = off");
      const plan = await sql.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT id FROM person WHERE 'касымов' <% "searchText"`,
      );
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("person_search_text_trgm");
    } finally {
      await sql.query("ROLLBACK");
    }
    const found = await count(`SELECT count(*) AS n FROM person WHERE 'касымов' <% "searchText"`);
    expect(found).toBeGreaterThan(0);
  });

  it("advances the sequences, so that the application's own inserts continue after the generated rows", async () => {
    const before = await sql.query<{ family: number; person: string; audit: string }>(
      `SELECT (SELECT max(id) FROM family) AS family, (SELECT max(id) FROM person) AS person, (SELECT max(id) FROM audit_log) AS audit`,
    );
    const max = before.rows[0]!;
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const usedIins = new Set(
      (await sql.query<{ iin: string }>(`SELECT iin FROM person WHERE iin IS NOT NULL`)).rows.map((r) => r.iin),
    );
    const draft = buildFamily(mulberry32(99), { category: "KANDAS", targetRegionId: "KZ-55", size: 2, usedIins });
    const family = await prisma.family.create({
      data: familyCreateData(draft, {
        caseNumber: formatCaseNumber(2099, 1),
        actorIdFor: () => admin.id,
        districtId: null,
      }),
      include: { members: true },
    });
    expect(family.id).toBeGreaterThan(max.family);
    expect(Math.min(...family.members.map((m) => m.id))).toBeGreaterThan(Number(max.person));
    const audit = await prisma.auditLog.create({
      data: {
        actorId: admin.id,
        actorRole: "ADMIN",
        action: "family.create",
        entity: "family",
        entityId: String(family.id),
      },
    });
    expect(audit.id).toBeGreaterThan(BigInt(max.audit));
  });
});
