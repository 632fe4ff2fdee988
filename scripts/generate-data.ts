// npm run db:generate -- --persons N [--seed S] [--indexes auto|keep|rebuild] [--dry-run]
// Adds N synthetic persons (families of 1–8 with histories, allocations, documents and audit entries)
// to the database after the rows already there, through PostgreSQL COPY, in one transaction, and half an
// audit entry of everyday staff activity per person (views, sign-ins, refusals: scripts/lib/audit-activity.ts).
// Database: DATABASE_URL, or else the embedded one under NK_DATA_DIR (default .data), started, migrated
// and seeded like `npm start` does (port NK_PG_PORT, default 54329).
//
// Both cores work: a worker thread (scripts/lib/generate-worker.ts) generates batches of whole families
// while this thread COPYs the previous batch, table by table. As a superuser the foreign key triggers
// are skipped and every key is checked once at the end; when the run adds at least a quarter of the
// persons already there (--indexes auto), the secondary indexes of the loaded tables are dropped inside
// the transaction and built once after the load (scripts/lib/bulk-load.ts). Each batch is also written
// to a COPY text file, so that the same rows can be loaded once more into bare temporary tables at the
// end: the run's time is reported as a ratio to that plain COPY, with a breakdown by phase and the CPU
// time of the generator and of the server.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Pool, Role } from "@/lib/generated/prisma/enums";
import { createPrismaClient } from "@/lib/db/prisma-factory";
import { QUOTA_2026 } from "@/lib/domain/quota-reference";
import {
  COLUMNS,
  CURRENT_COHORT_YEAR,
  FIRST_COHORT_YEAR,
  quotaOrderDateFor,
  quotaRegions,
  type BulkSummary,
  type IdCursor,
  type TableName,
} from "../prisma/factories";
import { seedDatabase } from "../prisma/seed-database";
import {
  analyzeTables,
  brokenForeignKeys,
  createIndexes,
  dropIndexes,
  rebuildableIndexes,
  type IndexDefinition,
} from "./lib/bulk-load";
import { AUDIT_ACTIVITY_PER_PERSON, insertAuditActivity } from "./lib/audit-activity";
import { processCpuMs, threadCpuMs } from "./lib/cpu-time";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import type { GenerateWorkerInput, GenerateWorkerMessage, GenerateWorkerRequest } from "./lib/generate-worker";
import { migrate } from "./lib/migrate";
import { ROOT } from "./lib/prisma6";

const TABLES = Object.keys(COLUMNS) as TableName[];
type IndexMode = "auto" | "keep" | "rebuild";
/** --indexes auto rebuilds when the run adds at least 1/REBUILD_AT_SHARE of the persons there. */
const REBUILD_AT_SHARE = 4;
const REBUILD_PHASE = "rebuild the indexes";
/** Runs on other sessions, so the main session's server CPU says nothing about it. */
const ANALYZE_PHASE = "ANALYZE (2 other sessions)";

interface Args {
  persons: number;
  seed: number;
  indexes: IndexMode;
  dryRun: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { persons: 10_000, seed: 20261130, indexes: "auto", dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--persons") args.persons = Number(argv[++i]);
    else if (arg === "--seed") args.seed = Number(argv[++i]);
    else if (arg === "--indexes") args.indexes = argv[++i] as IndexMode;
    else if (arg === "--dry-run") args.dryRun = true;
    else
      throw new Error(
        `unknown argument ${arg}; usage: --persons N [--seed S] [--indexes auto|keep|rebuild] [--dry-run]`,
      );
  }
  if (!Number.isInteger(args.persons) || args.persons < 1) throw new Error("--persons must be a positive integer");
  if (!Number.isInteger(args.seed)) throw new Error("--seed must be an integer");
  if (!["auto", "keep", "rebuild"].includes(args.indexes)) throw new Error("--indexes must be auto, keep or rebuild");
  return args;
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

/** Wall time by phase, in the order the phases first ran, and the server's CPU time in each (if known). */
class PhaseTimes {
  readonly ms = new Map<string, number>();
  readonly serverCpuMs = new Map<string, number>();
  constructor(private readonly serverCpu: () => number | null = () => null) {}
  private add(phase: string, ms: number, cpuMs: number | null): void {
    this.ms.set(phase, (this.ms.get(phase) ?? 0) + ms);
    if (cpuMs !== null) this.serverCpuMs.set(phase, (this.serverCpuMs.get(phase) ?? 0) + cpuMs);
  }
  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const cpuStarted = this.serverCpu();
    try {
      return await work();
    } finally {
      const cpuEnded = cpuStarted === null ? null : this.serverCpu();
      this.add(
        phase,
        performance.now() - started,
        cpuStarted === null || cpuEnded === null ? null : cpuEnded - cpuStarted,
      );
    }
  }
  total(): number {
    let sum = 0;
    for (const ms of this.ms.values()) sum += ms;
    return sum;
  }
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

/** Creates the quota orders and (empty) quota rows of every cohort year that lacks them. */
async function ensureCohortQuotas(client: pg.Client, adminId: number): Promise<void> {
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
          [
            year,
            `GEN-${year}`,
            quotaOrderDateFor(year),
            "Synthetic order written by scripts/generate-data.ts",
            adminId,
          ],
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
}

/** Persons per batch: about 40 batches, so that loading overlaps generation, within 2,000–25,000. */
const batchPersonsFor = (persons: number) => Math.min(25_000, Math.max(2_000, Math.ceil(persons / 40)));

/**
 * The generator's worker thread (scripts/lib/generate-worker.ts), started before the database opens so
 * that it loads its modules meanwhile. tsx's loader hooks do not reach worker threads (tsx issue 354),
 * so the worker registers them itself before it imports the module.
 */
class GeneratorWorker {
  private readonly worker: Worker;
  private readonly messages: GenerateWorkerMessage[] = [];
  private failure: unknown = null;
  private notify: (() => void) | null = null;

  constructor() {
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./lib/generate-worker.ts", import.meta.url).href;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    this.worker = new Worker(code, { eval: true });
    this.worker.on("message", (message: GenerateWorkerMessage) => {
      this.messages.push(message);
      this.notify?.();
    });
    this.worker.once("error", (error) => {
      this.failure = error;
      this.notify?.();
    });
    this.worker.once("exit", (code) => {
      this.failure ??= new Error(`generator worker exited with ${code} before it finished`);
      this.notify?.();
    });
  }

  private send(request: GenerateWorkerRequest): void {
    this.worker.postMessage(request);
  }
  start(input: GenerateWorkerInput): void {
    this.send({ type: "start", input });
  }
  ack(): void {
    this.send({ type: "ack" });
  }

  async next(): Promise<GenerateWorkerMessage> {
    for (;;) {
      const message = this.messages.shift();
      if (message) return message;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.notify = resolve));
      this.notify = null;
    }
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * COPYs each batch the worker hands over into the tables (unless `dryRun`), parents first, and into the
 * table's file, and acknowledges it.
 */
async function loadBatches(
  client: pg.Client,
  worker: GeneratorWorker,
  input: GenerateWorkerInput,
  files: Record<TableName, WriteStream>,
  phases: PhaseTimes,
  dryRun: boolean,
): Promise<{
  summary: BulkSummary;
  rows: Record<TableName, number>;
  generateMs: number;
  generateCpuMs: number | null;
}> {
  worker.start(input);
  const rows = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
  const bar = progressBar(
    `${dryRun ? "generate" : "load"} ${input.generator.persons} persons`,
    input.generator.persons,
  );
  let persons = 0;
  let generateMs = 0;
  let generateCpuMs: number | null = 0;
  for (;;) {
    const message = await phases.time("waiting for the generator", () => worker.next());
    if (message.type === "done") {
      bar.end();
      return { summary: message.summary, rows, generateMs, generateCpuMs };
    }
    generateMs += message.ms;
    generateCpuMs = generateCpuMs === null || message.cpuMs === null ? null : generateCpuMs + message.cpuMs;
    for (const t of TABLES) {
      const text = message.tables[t];
      if (text.length === 0) continue;
      rows[t] += message.rows[t];
      files[t].write(text);
      if (!dryRun) {
        await phases.time(`COPY ${t}`, () =>
          pipeline(
            Readable.from([Buffer.from(text.buffer, text.byteOffset, text.length)]),
            client.query(copyFrom(copySql(`"${t}"`, t))),
          ),
        );
      }
      // Checked after the COPY, which gave the file time to catch up.
      if (files[t].writableNeedDrain) await phases.time("writing the plain COPY files", () => drained(files[t]));
    }
    worker.ack();
    persons += message.persons;
    bar.update(persons);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { persons: target, seed, indexes: indexMode, dryRun } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const worker = new GeneratorWorker();
  const { url, embedded } = await openDatabase();
  const setupMs = performance.now() - started;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Where the work goes: CPU of this thread and of the server process (only an embedded server runs
  // on this machine), and the WAL written.
  const backendPid = embedded
    ? (await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid
    : null;
  const walLsn = () =>
    client.query<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`).then(
      (r) => r.rows[0]!.lsn,
      () => null,
    );
  const backendCpuMs = () => (backendPid === null ? null : processCpuMs(backendPid));
  const phases = new PhaseTimes(backendCpuMs);
  const cpuAtStart = { main: threadCpuMs(), backend: backendCpuMs() };
  const walAtStart = await walLsn();
  const dir = mkdtempSync(path.join(tmpdir(), "nk-generate-"));
  const fileOf = (table: TableName) => path.join(dir, `${table}.copy`);
  const workStarted = performance.now();
  try {
    const prepared = await phases.time("prepare (locks, ids, IINs, quotas)", async () => {
      await client.query("BEGIN");
      // Nobody else inserts into these tables while ids are taken from their sequences.
      await client.query(
        `LOCK TABLE ${[...TABLES, "quota", "quota_order", "case_number_counter"].map((t) => `"${t}"`).join(", ")} IN SHARE ROW EXCLUSIVE MODE`,
      );
      const users = (
        await client.query<{ id: number; role: Role; regionId: string | null }>(
          `SELECT id, role, "regionId" FROM app_user WHERE "isActive" ORDER BY id`,
        )
      ).rows;
      const admin = users.find((u) => u.role === "ADMIN");
      if (!admin) throw new Error("no active ADMIN user: seed the database first (npm run db:seed)");
      const districts = (
        await client.query<{ id: number; regionId: string; nameEn: string }>(
          `SELECT id, "regionId", "nameEn" FROM district`,
        )
      ).rows;
      await ensureCohortQuotas(client, admin.id);
      const quotas = (
        await client.query<{
          id: number;
          year: number;
          regionId: string;
          pool: Pool;
          total: number;
          allocated: number;
        }>(`SELECT id, year, "regionId", pool, total, allocated FROM quota WHERE year BETWEEN $1 AND $2`, [
          FIRST_COHORT_YEAR,
          CURRENT_COHORT_YEAR,
        ])
      ).rows;
      const counters = (
        await client.query<{ year: number; last: number }>(`SELECT year, last FROM case_number_counter`)
      ).rows;
      const usedIins = (await client.query<{ iin: string }>(`SELECT iin FROM person WHERE iin IS NOT NULL`)).rows.map(
        (r) => r.iin,
      );
      const existingPersons = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM person`)).rows[0]!.n,
      );
      const firstIds = {} as IdCursor;
      for (const t of TABLES) {
        const r = await client.query<{ id: string }>(`SELECT nextval(${seqOf(t)}) AS id`);
        firstIds[t] = Number(r.rows[0]!.id);
      }
      return { users, admin, districts, quotas, counters, usedIins, existingPersons, firstIds };
    });
    const { admin, firstIds } = prepared;
    const requestId = `generate:${seed}:${Date.now()}`;

    // Foreign keys are checked once per table after the COPYs instead of by a trigger per row
    // (superuser only; otherwise the triggers run, and each batch loads parents first).
    let skipFkTriggers = false;
    if (!dryRun) {
      await client.query("SAVEPOINT fk");
      skipFkTriggers = await client.query("SET LOCAL session_replication_role = replica").then(
        () => true,
        () => false,
      );
      await client.query(skipFkTriggers ? "RELEASE SAVEPOINT fk" : "ROLLBACK TO SAVEPOINT fk");
    }
    // Memory for the GIN pending list (kept indexes), the index builds (rebuilt ones) and the FK check.
    await client.query("SET LOCAL gin_pending_list_limit = '256MB'");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '1GB'");

    // Maintaining the indexes costs about 0.2 ms per added person (the trigram index most), rebuilding
    // them about 0.04 ms per person in the table (100,000 onto 1,000,000 on 2 cores: 43 s kept, 60 s
    // rebuilt): rebuilding pays once a run adds a quarter of the persons already there. It holds the
    // loaded tables exclusively (no readers) until the commit.
    const rebuild =
      !dryRun &&
      (indexMode === "rebuild" || (indexMode === "auto" && target * REBUILD_AT_SHARE >= prepared.existingPersons));
    const setAside: IndexDefinition[] = rebuild ? await rebuildableIndexes(client, TABLES) : [];
    if (setAside.length > 0) await phases.time(`drop ${setAside.length} indexes`, () => dropIndexes(client, setAside));

    const files = Object.fromEntries(TABLES.map((t) => [t, createWriteStream(fileOf(t))])) as Record<
      TableName,
      WriteStream
    >;
    const { summary, rows, generateMs, generateCpuMs } = await loadBatches(
      client,
      worker,
      {
        generator: {
          seed,
          persons: target,
          users: prepared.users,
          districts: prepared.districts,
          quotas: prepared.quotas,
          counters: prepared.counters,
          usedIins: prepared.usedIins,
          firstIds,
          requestId,
        },
        batchPersons: batchPersonsFor(target),
        inFlight: 2,
      },
      files,
      phases,
      dryRun,
    );
    await phases.time("writing the plain COPY files", () =>
      Promise.all(TABLES.map((t) => new Promise<void>((r) => files[t].end(() => r())))),
    );

    const indexMs: { index: IndexDefinition; ms: number }[] = [];
    let activity = 0;
    if (!dryRun) {
      // Before the indexes are rebuilt, so that they are built over these rows too.
      activity = await phases.time("audit activity (INSERT … SELECT)", () =>
        insertAuditActivity(client, {
          seed,
          count: Math.round(summary.persons * AUDIT_ACTIVITY_PER_PERSON),
          firstId: summary.nextIds.audit_log,
          firstFamilyId: firstIds.family,
          families: summary.nextIds.family - firstIds.family,
          requestId,
        }),
      );
      summary.nextIds.audit_log += activity;
      await phases.time(REBUILD_PHASE, () =>
        createIndexes(client, setAside, (index, ms) => indexMs.push({ index, ms })),
      );
      if (skipFkTriggers) {
        await client.query("SET LOCAL session_replication_role = origin");
        const broken = await phases.time("foreign key check", () => brokenForeignKeys(client, firstIds));
        if (Object.keys(broken).length > 0)
          throw new Error(`generated rows break foreign keys: ${JSON.stringify(broken)}`);
      }
      await phases.time("quotas, sequences, counters, audit", async () => {
        for (const q of summary.quotas) {
          await client.query(
            `UPDATE quota SET total = $2, allocated = allocated + $3, "updatedAt" = now() WHERE id = $1`,
            [q.id, q.total, q.added],
          );
        }
        for (const t of TABLES) {
          if (summary.nextIds[t] > firstIds[t])
            await client.query(`SELECT setval(${seqOf(t)}, $1)`, [summary.nextIds[t] - 1]);
        }
        for (const c of summary.counters) {
          await client.query(
            `INSERT INTO case_number_counter (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last`,
            [c.year, c.last],
          );
        }
        await client.query(
          `INSERT INTO audit_log ("actorId", "actorRole", action, entity, changes, "requestId") VALUES ($1, 'ADMIN', 'generate', 'family', $2, $3)`,
          [
            admin.id,
            JSON.stringify({
              seed,
              persons: summary.persons,
              families: summary.families,
              rows,
              auditActivity: activity,
            }),
            requestId,
          ],
        );
      });
      await phases.time("commit", () => client.query("COMMIT"));
      await phases.time(ANALYZE_PHASE, () => analyzeTables(client, url, [...TABLES, "quota"], 2));
    } else {
      await client.query("ROLLBACK");
    }
    const workMs = performance.now() - workStarted;
    const totalMs = performance.now() - started;
    const since = (start: number | null, now: number | null) => (start === null || now === null ? null : now - start);
    const cpu = {
      main: since(cpuAtStart.main, threadCpuMs()),
      backend: since(cpuAtStart.backend, backendCpuMs()),
    };
    const walBytes =
      walAtStart === null
        ? null
        : Number(
            (
              await client.query<{ n: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS n`, [
                walAtStart,
              ])
            ).rows[0]!.n,
          );

    // The same rows through a bare COPY into temporary tables without indexes, keys or checks.
    await client.query("BEGIN");
    const plainMs = {} as Record<TableName, number>;
    for (const t of TABLES) {
      const t0 = performance.now();
      await client.query(`CREATE TEMP TABLE "plain_${t}" (LIKE "${t}") ON COMMIT DROP`);
      await copyFile(client, `"plain_${t}"`, t, fileOf(t), `plain COPY ${t}`);
      plainMs[t] = performance.now() - t0;
    }
    await client.query("ROLLBACK");
    const plainTotal = TABLES.reduce((sum, t) => sum + plainMs[t], 0);

    const width = 40;
    const line = (label: string, ms: number, note = "") =>
      console.log(`  ${label.padEnd(width)} ${seconds(ms).padStart(9)}${note}`);
    const serverCpu = (phase: string) => {
      const ms = phases.serverCpuMs.get(phase);
      return ms === undefined || phase === ANALYZE_PHASE ? "" : `  (server CPU ${seconds(ms)})`;
    };
    console.log(
      `${dryRun ? "[dry run] " : ""}${summary.families} families, ${summary.persons} persons (seed ${seed}; ` +
        `${prepared.existingPersons} persons and ${prepared.usedIins.length} IINs existed; ` +
        `indexes ${rebuild ? "rebuilt" : "kept"}${skipFkTriggers ? "; FK triggers replaced by one check" : ""})`,
    );
    for (const t of TABLES) {
      console.log(`  ${t.padEnd(12)} ${String(rows[t]).padStart(10)} rows, plain COPY ${seconds(plainMs[t])}`);
    }
    if (activity > 0)
      console.log(`  audit_log    ${String(activity).padStart(10)} more rows of staff activity (INSERT … SELECT)`);
    console.log("phases (wall time on the main thread):");
    for (const [phase, ms] of phases.ms) {
      line(phase, ms, serverCpu(phase));
      if (phase === REBUILD_PHASE) for (const { index, ms } of indexMs) line(`  ${index.name}`, ms);
    }
    line("other statements", workMs - phases.total());
    line(
      "generation in the worker (overlapped)",
      generateMs,
      ` (${seconds((generateMs / summary.persons) * 1e6)} per million)`,
    );
    const cpuText = (label: string, ms: number | null) => (ms === null ? [] : [`${label} ${seconds(ms)}`]);
    const cpuParts = [
      ...cpuText("generator worker", generateCpuMs),
      ...cpuText("main thread", cpu.main),
      ...cpuText("PostgreSQL backend (without parallel workers)", cpu.backend),
    ];
    if (cpuParts.length > 0) console.log(`cpu: ${cpuParts.join(", ")}`);
    if (walBytes !== null) console.log(`WAL written: ${(walBytes / 2 ** 20).toFixed(0)} MB`);
    console.log(
      `time: total ${seconds(totalMs)} (open, migrate and seed the database ${seconds(setupMs)}; work ${seconds(workMs)}); plain COPY ${seconds(plainTotal)}`,
    );
    console.log(
      `generate / plain COPY = ${seconds(workMs)} / ${seconds(plainTotal)} = ${(workMs / plainTotal).toFixed(1)}×`,
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await worker.stop();
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
