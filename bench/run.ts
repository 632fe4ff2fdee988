// npm run bench [-- --smoke] [--persons 10000,1000000] [--seconds 10] [--connections 8] [--only a,b] [--regenerate] [--explain]
// Measures every main path of the production build side by side in one run, as ratios: against a bare
// route of the same server (baseline A) and against the raw SQL of the path through `pg` (baseline B),
// at each dataset size. Prints a table and writes bench/results.json. See docs/performance.md.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "../scripts/lib/prisma6";
import { installRecordingClient, sqlCaseOf } from "./capture";
import { explainRecording, plansMarkdown } from "./explain";
import { openDataset } from "./dataset";
import { loadHttp, loadSql, type HttpCase } from "./load";
import { preparePaths, type BenchPath } from "./paths";
import { ensureProductionBuild, startApp, type RunningApp } from "./server";
import { growthChecks, ratios, targetsFor, type Measurement, type SizeResult, type TargetCheck } from "./stats";

type Settings = {
  smoke: boolean;
  persons: number[];
  seconds: number;
  warmupSeconds: number;
  connections: number;
  sampleSize: number;
  only: string[] | null;
  regenerate: boolean;
  /** Instead of loading: the plans of every path's statements, to bench/plans-<persons>.md. */
  explain: boolean;
};

function parseArgs(argv: string[]): Settings {
  const smoke = argv.includes("--smoke");
  const settings: Settings = smoke
    ? {
        smoke,
        persons: [2_000],
        seconds: 1,
        warmupSeconds: 0.5,
        connections: 2,
        sampleSize: 40,
        only: null,
        regenerate: false,
        explain: false,
      }
    : {
        smoke,
        persons: [10_000, 1_000_000],
        seconds: 10,
        warmupSeconds: 3,
        connections: 8,
        sampleSize: 3_000,
        only: null,
        regenerate: false,
        explain: false,
      };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--smoke") continue;
    else if (arg === "--persons") settings.persons = value().split(",").map(Number);
    else if (arg === "--seconds") settings.seconds = Number(value());
    else if (arg === "--connections") settings.connections = Number(value());
    else if (arg === "--only") settings.only = value().split(",");
    else if (arg === "--regenerate") settings.regenerate = true;
    else if (arg === "--explain") settings.explain = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (settings.persons.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--persons takes positive integers");
  if (!(settings.seconds > 0) || !(settings.connections >= 1))
    throw new Error("--seconds and --connections must be positive");
  return settings;
}

const log = (line: string) => console.error(line);

const HEALTH: HttpCase = {
  request: () => ({ path: "/api/health" }),
  accept: (status, body) => status === 200 && body === '{"status":"ok"}',
};

type Session = { pool: pg.Pool; paths: BenchPath[]; origin: string; app: RunningApp };

/** Starts the dataset's database and the app on it, prepares the paths, runs `work`, stops everything. */
async function withDataset<T>(persons: number, settings: Settings, work: (session: Session) => Promise<T>): Promise<T> {
  const database = await openDataset(persons, { regenerate: settings.regenerate, log });
  // lib/db reads these when the paths' SQL is recorded in this process.
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "benchmark-only-secret-for-recording-sql-000";
  const recorder = installRecordingClient(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: settings.connections + 2 });
  // An idle connection cut when the database stops at the end must not crash the run.
  pool.on("error", () => undefined);
  let app: RunningApp | undefined;
  try {
    app = await startApp(database.url, log);
    const paths = (
      await preparePaths({ pool, origin: app.origin, authSecret: app.authSecret, sampleSize: settings.sampleSize })
    ).filter((p) => !settings.only || settings.only.includes(p.name));
    return await work({ pool, paths, origin: app.origin, app });
  } finally {
    await app?.stop();
    await pool.end();
    await recorder.close();
    await database.stop();
  }
}

type MeasuredSize = SizeResult & { descriptions: Record<string, string>; notes: string[] };

async function measureSize(persons: number, settings: Settings): Promise<MeasuredSize> {
  return withDataset(persons, settings, async ({ pool, paths, origin, app }) => {
    const notes: string[] = [];
    const duration = { connections: settings.connections, seconds: settings.seconds };
    const warmup = { connections: settings.connections, seconds: settings.warmupSeconds };
    await loadHttp(origin, HEALTH, warmup);
    const baselineA = await loadHttp(origin, HEALTH, duration);
    const result: SizeResult = { persons, baselineA, paths: {}, rss: { startMb: app.rssMb(), peakMb: 0, endMb: 0 } };
    const descriptions: Record<string, string> = {};
    for (const benchPath of paths) {
      log(`[${persons}] ${benchPath.name}…`);
      descriptions[benchPath.name] = benchPath.description;
      // Each path starts with empty lookup counters, so the limits of the public lookup are not what is measured.
      await pool.query("DELETE FROM lookup_throttle");
      if (benchPath.amount === undefined) await loadHttp(origin, benchPath.http, warmup);
      const http = await loadHttp(
        origin,
        benchPath.http,
        benchPath.amount === undefined ? duration : { connections: settings.connections, amount: benchPath.amount },
      );
      // A path that changed state is checked and put back before its SQL is recorded and replayed.
      if (benchPath.finish) notes.push(`${benchPath.name}: ${await benchPath.finish()}`);
      const recordings = await benchPath.record();
      const sql = await loadSql(pool, sqlCaseOf(recordings), {
        ...duration,
        onError: (error) =>
          log(
            `[${persons}] ${benchPath.name}: raw SQL failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      });
      result.paths[benchPath.name] = { http, sql };
    }
    result.rss.endMb = app.rssMb();
    result.rss.peakMb = app.peakRssMb();
    return { ...result, descriptions, notes };
  });
}

async function explainSize(persons: number, settings: Settings): Promise<string> {
  return withDataset(persons, settings, async ({ pool, paths }) => {
    const byPath: Record<string, Awaited<ReturnType<typeof explainRecording>>> = {};
    for (const benchPath of paths) {
      log(`[${persons}] explaining ${benchPath.name}…`);
      const [recording] = await benchPath.record();
      if (recording) byPath[benchPath.name] = await explainRecording(pool, recording);
    }
    const file = path.join(ROOT, "bench", `plans-${persons}.md`);
    writeFileSync(file, plansMarkdown(persons, byPath));
    return file;
  });
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const x = (value: number | null) => (value === null ? "–" : `${value.toFixed(2)}×`);

function printSize(size: SizeResult): void {
  const row = (name: string, m: Measurement, sql: Measurement | null, r: ReturnType<typeof ratios> | null) => [
    name,
    m.rps.toFixed(0),
    ms(m.p50),
    ms(m.p95),
    ms(m.p99),
    String(m.errors),
    sql ? ms(sql.p50) : "–",
    r ? x(r.throughputVsA) : "",
    r ? x(r.p95VsA) : "",
    r ? x(r.p50VsSql) : "",
  ];
  const rows = [
    ["path", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "SQL p50", "req/s ÷ A", "p95 ÷ A", "p50 ÷ SQL"],
    row("baseline A (/api/health)", size.baselineA, null, null),
    ...Object.entries(size.paths).map(([name, p]) => row(name, p.http, p.sql, ratios(p, size.baselineA))),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  console.log(
    `\n${size.persons.toLocaleString("en")} persons — app server RSS ${size.rss.startMb.toFixed(0)} MB after warm-up, peak ${size.rss.peakMb.toFixed(0)} MB, end ${size.rss.endMb.toFixed(0)} MB`,
  );
  for (const r of rows)
    console.log(r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join("  "));
}

function printChecks(title: string, checks: TargetCheck[]): void {
  console.log(`\n${title}`);
  for (const c of checks) {
    const value = Number.isInteger(c.value) ? String(c.value) : c.value.toFixed(2);
    console.log(`  ${c.met ? "met    " : "MISSED "} ${c.target}: ${value} (target ${c.comparison} ${c.limit})`);
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  await ensureProductionBuild(log);
  if (settings.explain) {
    for (const persons of settings.persons)
      console.log(`written ${path.relative(process.cwd(), await explainSize(persons, settings))}`);
    return;
  }
  const sizes = [];
  for (const persons of settings.persons) sizes.push(await measureSize(persons, settings));

  const targets = sizes.map((size) => ({ persons: size.persons, checks: targetsFor(size) }));
  const growth = sizes.length > 1 ? growthChecks(sizes[0]!, sizes.at(-1)!) : [];
  for (const size of sizes) {
    printSize(size);
    for (const note of size.notes) console.log(`  ${note}`);
  }
  for (const t of targets) printChecks(`Targets at ${t.persons.toLocaleString("en")} persons`, t.checks);
  if (growth.length > 0) printChecks("Growth with data", growth);

  const file = path.join(ROOT, "bench", "results.json");
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), machine, settings, sizes, targets, growth }, null, 2)}\n`,
  );
  console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
  // Errors fail the run: a path that answers wrongly, or not at all, has not been measured. Missed ratios are reported, not fatal.
  const failed = sizes.flatMap((s) =>
    Object.entries(s.paths)
      .filter(([, p]) => p.http.errors > 0 || p.http.requests === 0 || (p.sql?.errors ?? 0) > 0)
      .map(([n]) => `${s.persons}:${n}`),
  );
  if (failed.length > 0) throw new Error(`requests failed on ${failed.join(", ")}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
