// npm run db:generate -- --persons N [--seed S] [--dry-run]
// Adds N synthetic persons (families of 1–8 with histories, allocations, documents and audit entries)
// to the database after the rows already there, with one PostgreSQL COPY per table, in one transaction.
// Database: DATABASE_URL, or else the embedded one under NK_DATA_DIR (default .data), started, migrated
// and seeded like `npm start` does (port NK_PG_PORT, default 54329). Rows are first written to COPY
// text files in a temporary folder; the same files are then loaded once more into bare temporary tables
// to report the run's cost as a ratio to a plain COPY of the same rows.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Pool, Role } from "@/lib/generated/prisma/enums";
import { createPrismaClient } from "@/lib/db/prisma-factory";
import { QUOTA_2026 } from "@/lib/domain/quota-reference";
import {
  buildFamily,
  CaseNumbers,
  COLUMNS,
  cohortOptions,
  cohortYear,
  CURRENT_COHORT_YEAR,
  FIRST_COHORT_YEAR,
  familyRows,
  mulberry32,
  QuotaLedger,
  quotaKey,
  quotaOrderDateFor,
  quotaRegions,
  type FamilyDraft,
  type IdCursor,
  type TableName,
} from "../prisma/factories";
import { seedDatabase, seedDocumentStatus } from "../prisma/seed-database";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrate";
import { ROOT } from "./lib/prisma6";

const TABLES = Object.keys(COLUMNS) as TableName[];

function parseArgs(argv: string[]): { persons: number; seed: number; dryRun: boolean } {
  let persons = 10_000;
  let seed = 20261130;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--persons") persons = Number(argv[++i]);
    else if (arg === "--seed") seed = Number(argv[++i]);
    else if (arg === "--dry-run") dryRun = true;
    else throw new Error(`unknown argument ${arg}; usage: --persons N [--seed S] [--dry-run]`);
  }
  if (!Number.isInteger(persons) || persons < 1) throw new Error("--persons must be a positive integer");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  return { persons, seed, dryRun };
}

/** A progress bar on stderr, redrawn at most every 100 ms. */
function progressBar(label: string, total: number): { update: (done: number) => void; end: () => void } {
  let last = 0;
  const draw = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r${label.padEnd(24)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%`,
    );
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done);
    },
    end() {
      draw(total);
      process.stderr.write("\n");
    },
  };
}

async function openDatabase(): Promise<{ url: string; embedded: RunningPostgres | undefined }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: undefined };
  const dataRoot = path.resolve(process.env.NK_DATA_DIR ?? path.join(ROOT, ".data"));
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataRoot, "postgres"),
    port: Number(process.env.NK_PG_PORT ?? 54329),
    database: "nurly_kosh",
    ephemeral: false,
  });
  await migrate(embedded.url, { log: (line) => console.error(`[migrate] ${line}`) });
  const prisma = createPrismaClient(embedded.url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return { url: embedded.url, embedded };
}

const drained = (stream: Writable) => new Promise<void>((r) => stream.once("drain", () => r()));

/** Writes COPY lines to one file per table, waiting when a file's buffer is full. */
class RowFiles {
  readonly streams: Record<TableName, WriteStream>;
  readonly counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  private readonly pending = Object.fromEntries(TABLES.map((t) => [t, [] as string[]])) as Record<TableName, string[]>;
  constructor(readonly dir: string) {
    this.streams = Object.fromEntries(TABLES.map((t) => [t, createWriteStream(this.file(t))])) as Record<
      TableName,
      WriteStream
    >;
  }
  file(table: TableName): string {
    return path.join(this.dir, `${table}.copy`);
  }
  add(rows: Record<TableName, string[]>): void {
    for (const t of TABLES) {
      this.pending[t].push(...rows[t]);
      this.counts[t] += rows[t].length;
    }
  }
  /** A table whose rows also go straight into a running COPY while the others are generated. */
  live: { table: TableName; stream: Writable } | null = null;
  async flush(): Promise<void> {
    for (const t of TABLES) {
      const lines = this.pending[t];
      if (lines.length === 0) continue;
      this.pending[t] = [];
      const text = lines.join("");
      if (this.live?.table === t && !this.live.stream.write(text)) await drained(this.live.stream);
      if (!this.streams[t].write(text)) await drained(this.streams[t]);
    }
  }
  async close(): Promise<void> {
    await this.flush();
    await Promise.all(TABLES.map((t) => new Promise<void>((r) => this.streams[t].end(() => r()))));
  }
}

/** Rows of this run (first ids: $1 person, $2 case_event, $3 allocation, $4 document, $5 family, $6 audit_log)
 * whose parent row is missing. */
const FK_CHECK = `
  SELECT (SELECT count(*) FROM person p WHERE p.id >= $1 AND NOT EXISTS (SELECT 1 FROM family f WHERE f.id = p."familyId"))
       + (SELECT count(*) FROM case_event e WHERE e.id >= $2 AND (NOT EXISTS (SELECT 1 FROM family f WHERE f.id = e."familyId")
            OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = e."actorId")))
       + (SELECT count(*) FROM allocation a WHERE a.id >= $3 AND (NOT EXISTS (SELECT 1 FROM family f WHERE f.id = a."familyId")
            OR NOT EXISTS (SELECT 1 FROM quota q WHERE q.id = a."quotaId")))
       + (SELECT count(*) FROM document d WHERE d.id >= $4 AND (NOT EXISTS (SELECT 1 FROM family f WHERE f.id = d."familyId")
            OR (d."personId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = d."personId"))))
       + (SELECT count(*) FROM family f WHERE f.id >= $5 AND (NOT EXISTS (SELECT 1 FROM region r WHERE r.id = f."targetRegionId")
            OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = f."createdById")
            OR (f."targetDistrictId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM district x WHERE x.id = f."targetDistrictId"))))
       + (SELECT count(*) FROM audit_log l WHERE l.id >= $6 AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = l."actorId")) AS n`;

const copySql = (target: string, table: TableName) =>
  `COPY ${target} (${COLUMNS[table].map((c) => `"${c}"`).join(", ")}) FROM STDIN`;

const seqOf = (table: TableName) => `pg_get_serial_sequence('"${table}"', 'id')`;

async function copyFile(client: pg.Client, target: string, table: TableName, file: string, label: string) {
  const size = statSync(file).size;
  const bar = progressBar(label, size);
  let read = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      bar.update(read);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(file), meter, client.query(copyFrom(copySql(target, table))));
  bar.end();
}

async function main(): Promise<void> {
  const { persons: target, seed, dryRun } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { url, embedded } = await openDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const dir = mkdtempSync(path.join(tmpdir(), "nk-generate-"));
  try {
    await client.query("BEGIN");
    // Nobody else inserts into these tables while ids are taken from their sequences.
    await client.query(
      `LOCK TABLE ${[...TABLES, "quota", "quota_order", "case_number_counter"].map((t) => `"${t}"`).join(", ")} IN SHARE ROW EXCLUSIVE MODE`,
    );

    const users = (await client.query<{ id: number; role: Role; regionId: string | null }>(
      `SELECT id, role, "regionId" FROM app_user WHERE "isActive" ORDER BY id`,
    )).rows;
    const admin = users.find((u) => u.role === "ADMIN");
    if (!admin) throw new Error("no active ADMIN user: seed the database first (npm run db:seed)");
    const actorCache = new Map<string, number>();
    const actorFor = (regionId: string) => (role: Role) => {
      const key = `${regionId}|${role}`;
      let id = actorCache.get(key);
      if (id === undefined) {
        id =
          users.find((u) => u.regionId === regionId && u.role === role)?.id ??
          users.find((u) => u.regionId === regionId && u.role === "COORDINATOR")?.id ??
          admin.id;
        actorCache.set(key, id);
      }
      return id;
    };
    const districtId = new Map(
      (await client.query<{ id: number; regionId: string; nameEn: string }>(`SELECT id, "regionId", "nameEn" FROM district`)).rows.map(
        (d) => [`${d.regionId}|${d.nameEn}`, d.id],
      ),
    );

    // Quota orders and quota rows for every cohort year (created empty where missing, filled in at the end).
    for (let year = FIRST_COHORT_YEAR; year <= CURRENT_COHORT_YEAR; year++) {
      const order = await client.query<{ id: number }>(
        `SELECT id FROM quota_order WHERE year = $1 ORDER BY "isAmendment", id LIMIT 1`,
        [year],
      );
      const orderId =
        order.rows[0]?.id ??
        (
          await client.query<{ id: number }>(
            `INSERT INTO quota_order (year, reference, "orderDate", note, "createdById") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [year, `GEN-${year}`, quotaOrderDateFor(year), "Synthetic order written by scripts/generate-data.ts", admin.id],
          )
        ).rows[0]!.id;
      for (const pool of ["KANDAS", "SETTLER"] as const) {
        for (const regionId of quotaRegions(pool, year)) {
          const published = QUOTA_2026[pool][regionId] ?? 0;
          await client.query(
            `INSERT INTO quota (year, "regionId", pool, total, allocated, "orderId", "updatedAt")
             VALUES ($1, $2, $3, $4, 0, $5, now()) ON CONFLICT (year, "regionId", pool) DO NOTHING`,
            [year, regionId, pool, year === CURRENT_COHORT_YEAR ? published : 0, orderId],
          );
        }
      }
    }
    const ledger = new QuotaLedger(
      (await client.query<{ id: number; year: number; regionId: string; pool: Pool; total: number; allocated: number }>(
        `SELECT id, year, "regionId", pool, total, allocated FROM quota WHERE year BETWEEN $1 AND $2`,
        [FIRST_COHORT_YEAR, CURRENT_COHORT_YEAR],
      )).rows,
      new Set([CURRENT_COHORT_YEAR]),
    );
    const caseNumbers = new CaseNumbers((await client.query(`SELECT year, last FROM case_number_counter`)).rows);
    const usedIins = new Set<string>(
      (await client.query<{ iin: string }>(`SELECT iin FROM person WHERE iin IS NOT NULL`)).rows.map((r) => r.iin),
    );
    const existingIins = usedIins.size;
    const first = {} as IdCursor;
    for (const t of TABLES) {
      const r = await client.query<{ id: string }>(`SELECT nextval(${seqOf(t)}) AS id`);
      first[t] = Number(r.rows[0]!.id);
    }
    const ids: IdCursor = { ...first };
    const requestId = `generate:${seed}:${Date.now()}`;

    // Foreign keys are checked once per table after the COPYs instead of by a trigger per row
    // (superuser only). Then the person rows, the costliest to load (trigram index), can stream into
    // their COPY while the rest is being generated, before the families they belong to.
    let skipFkTriggers = false;
    if (!dryRun) {
      await client.query("SAVEPOINT fk");
      skipFkTriggers = await client.query("SET LOCAL session_replication_role = replica").then(
        () => true,
        () => false,
      );
      await client.query(skipFkTriggers ? "RELEASE SAVEPOINT fk" : "ROLLBACK TO SAVEPOINT fk");
    }
    // Bigger batches for the GIN (trigram) pending list and index builds than the defaults (4 MB).
    await client.query("SET LOCAL gin_pending_list_limit = '256MB'");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    const copyMs = {} as Record<TableName, number>;

    // 1. Generate the rows into COPY files (and the person rows into their COPY).
    const generateStart = performance.now();
    const rng = mulberry32(seed);
    const files = new RowFiles(dir);
    let liveCopy: Promise<void> = Promise.resolve();
    if (skipFkTriggers) {
      const stream = new PassThrough();
      files.live = { table: "person", stream };
      const t0 = performance.now();
      liveCopy = pipeline(stream, client.query(copyFrom(copySql(`"person"`, "person")))).then(() => {
        copyMs.person = performance.now() - t0;
      });
      // A failed COPY is reported where it is awaited below.
      liveCopy.catch(() => undefined);
    }
    const bar = progressBar(`generate ${target} persons`, target);
    let persons = 0;
    let families = 0;
    while (persons < target) {
      const year = cohortYear(rng);
      const remaining = target - persons;
      const opts = { ...cohortOptions(rng, year), usedIins, ...(remaining < 8 ? { size: remaining } : {}) };
      let draft: FamilyDraft = buildFamily(rng, opts);
      const a = draft.allocation;
      if (a?.status === "ACTIVE" && !ledger.take(a.year, draft.targetRegionId, draft.category, a.persons)) {
        // The quota is full: the family waits, approved (as in prisma/seed-plan.ts).
        for (const m of draft.members) if (m.iin) usedIins.delete(m.iin);
        draft = buildFamily(rng, {
          ...opts,
          status: "APPROVED",
          category: draft.category,
          targetRegionId: draft.targetRegionId,
          size: draft.members.length,
        });
      }
      const alloc = draft.allocation;
      const quotaId = alloc ? (ledger.quotas.get(quotaKey(alloc.year, draft.targetRegionId, draft.category))?.id ?? null) : null;
      files.add(
        familyRows(
          draft,
          {
            caseNumber: caseNumbers.next(draft.applicationDate.getUTCFullYear()),
            districtId: draft.targetDistrictNameEn
              ? (districtId.get(`${draft.targetRegionId}|${draft.targetDistrictNameEn}`) ?? null)
              : null,
            actorIdFor: actorFor(draft.targetRegionId),
            quotaId,
            documentStatus: seedDocumentStatus,
            requestId,
          },
          ids,
        ),
      );
      persons += draft.members.length;
      families++;
      if (families % 200 === 0) {
        await files.flush();
        bar.update(persons);
      }
    }
    await files.close();
    bar.end();
    files.live?.stream.end();
    await liveCopy;
    const generateMs = performance.now() - generateStart;

    // 2. Load them: one COPY per table, parents first.
    const loadStart = performance.now();
    if (!dryRun) {
      for (const t of TABLES) {
        if (files.live?.table === t) continue;
        const t0 = performance.now();
        await copyFile(client, `"${t}"`, t, files.file(t), `COPY ${t}`);
        copyMs[t] = performance.now() - t0;
      }
      if (skipFkTriggers) {
        await client.query("SET LOCAL session_replication_role = origin");
        const broken = await client.query<{ n: string }>(FK_CHECK, [
          first.person,
          first.case_event,
          first.allocation,
          first.document,
          first.family,
          first.audit_log,
        ]);
        if (Number(broken.rows[0]!.n) !== 0) throw new Error(`${broken.rows[0]!.n} generated rows break a foreign key`);
      }
      const rng2 = mulberry32(seed ^ 0x5eed);
      for (const q of ledger.quotas.values()) {
        if (q.id === null) continue;
        await client.query(`UPDATE quota SET total = $2, allocated = allocated + $3, "updatedAt" = now() WHERE id = $1`, [
          q.id,
          ledger.finalTotal(q, rng2),
          q.added,
        ]);
      }
      for (const t of TABLES) {
        if (ids[t] > first[t]) await client.query(`SELECT setval(${seqOf(t)}, $1)`, [ids[t] - 1]);
      }
      for (const c of caseNumbers.counters()) {
        await client.query(
          `INSERT INTO case_number_counter (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last`,
          [c.year, c.last],
        );
      }
      await client.query(
        `INSERT INTO audit_log ("actorId", "actorRole", action, entity, changes, "requestId") VALUES ($1, 'ADMIN', 'generate', 'family', $2, $3)`,
        [admin.id, JSON.stringify({ seed, persons, families, rows: files.counts }), requestId],
      );
      await client.query("COMMIT");
    } else {
      await client.query("ROLLBACK");
    }
    const loadMs = performance.now() - loadStart;
    const analyzeStart = performance.now();
    if (!dryRun) await client.query(`ANALYZE ${[...TABLES, "quota"].map((t) => `"${t}"`).join(", ")}`);
    const analyzeMs = performance.now() - analyzeStart;
    const totalMs = performance.now() - started;

    // 3. The same rows through a bare COPY into temporary tables without indexes, keys or checks.
    await client.query("BEGIN");
    const plainStart = performance.now();
    for (const t of TABLES) {
      await client.query(`CREATE TEMP TABLE "plain_${t}" (LIKE "${t}") ON COMMIT DROP`);
      await copyFile(client, `"plain_${t}"`, t, files.file(t), `plain COPY ${t}`);
    }
    const plainMs = performance.now() - plainStart;
    await client.query("ROLLBACK");

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`${dryRun ? "[dry run] " : ""}${families} families, ${persons} persons (seed ${seed}; ${existingIins} IINs existed)`);
    for (const t of TABLES) {
      const took = copyMs[t] === undefined ? "" : `, COPY ${s(copyMs[t])}`;
      console.log(`  ${t.padEnd(12)} ${String(files.counts[t]).padStart(10)} rows${took}`);
    }
    console.log(
      `time: total ${s(totalMs)} (generate${files.live ? ` with COPY ${files.live.table}` : ""} ${s(generateMs)}, other COPYs + checks + quotas ${s(loadMs)}, ANALYZE ${s(analyzeMs)}); plain COPY ${s(plainMs)}`,
    );
    const workMs = generateMs + loadMs + analyzeMs;
    console.log(`generate / plain COPY = ${s(workMs)} / ${s(plainMs)} = ${(workMs / plainMs).toFixed(1)}×`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("\ngenerate failed:", error);
    process.exit(1);
  },
);
