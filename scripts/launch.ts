// npm start / npm run dev. Without DATABASE_URL the app brings its own PostgreSQL (embedded, data in
// .data/postgres) so a machine with nothing but Node can run it; with DATABASE_URL it only migrates
// and starts. Either way Ctrl-C / SIGTERM stops Next first, then the database. Environment:
//   DATABASE_URL      external PostgreSQL; unset = embedded one
//   NEXTAUTH_SECRET   required with DATABASE_URL in production; otherwise kept in <data>/secret
//   PORT (3000), NEXTAUTH_URL (http://localhost:PORT), NK_PG_PORT (54329)
//   NK_DATA_DIR       replaces .data; NK_EPHEMERAL=1 deletes it on exit (Playwright runs)
//   NK_SEED=1         seed an external database too; NK_SEED_SCRIPT replaces prisma/seed.ts
//   NK_BACKUP_DIR     embedded mode: WAL archive (wal/) and daily base backups (base/); <data>/backups
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-users";
import { embeddedEnvironment } from "./lib/backup";
import { scheduleDailyBackups } from "./lib/daily-backup";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { migrate } from "./lib/migrate";
import { buildIsCurrent } from "./lib/build";
import { bin, runToEnd } from "./lib/run-child";
import { ROOT } from "./lib/prisma6";

function parseMode(arg: string | undefined): "start" | "dev" {
  if (arg === "start" || arg === "dev") return arg;
  console.error("Usage: tsx scripts/launch.ts start|dev");
  process.exit(2);
}
const mode = parseMode(process.argv[2]);

const env = process.env;
const port = Number(env.PORT ?? 3000);
const dataRoot = path.resolve(env.NK_DATA_DIR ?? path.join(ROOT, ".data"));
const ephemeral = env.NK_EPHEMERAL === "1";
if (ephemeral && !env.NK_DATA_DIR) {
  // Deleting the default .data would destroy the developer's database.
  console.error("NK_EPHEMERAL=1 needs NK_DATA_DIR (the folder to delete on exit).");
  process.exit(2);
}

const say = (line: string) => console.log(`[launch] ${line}`);

let database: RunningPostgres | undefined;
let next: ChildProcess | undefined;
/** The child currently running a start-up step (build, seed), so a signal can interrupt it. */
let step: ChildProcess | undefined;
let shuttingDown = false;
let stopDailyBackups: (() => void) | undefined;

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) return new Promise<never>(() => undefined);
  shuttingDown = true;
  stopDailyBackups?.();
  for (const child of [step, next]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      // Longer than the app server's own grace for requests in flight (scripts/serve.ts, 25 s).
      const forced = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await new Promise((resolve) => child.once("exit", resolve));
      clearTimeout(forced);
    }
  }
  if (database) {
    await database.stop();
    say("PostgreSQL stopped.");
  }
  if (ephemeral) rmSync(dataRoot, { recursive: true, force: true });
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches this process both directly and relayed by tsx: report it once.
    if (!shuttingDown) say(`${signal} received, stopping…`);
    void shutdown(0);
  });
}

async function run(command: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<void> {
  try {
    await runToEnd(command, args, childEnv, (child) => {
      step = child;
    });
  } finally {
    step = undefined;
  }
}

function keptSecret(): string {
  const file = path.join(dataRoot, "secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  say(`Generated NEXTAUTH_SECRET in ${file}.`);
  return secret;
}

async function isSeeded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM app_meta WHERE key = 'seeded'");
    return rowCount !== 0;
  } finally {
    await client.end();
  }
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null && !shuttingDown) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

async function main(): Promise<void> {
  const started = Date.now();
  const external = env.DATABASE_URL;
  let databaseUrl: string;
  if (external) {
    databaseUrl = external;
  } else {
    const pgPort = Number(env.NK_PG_PORT ?? 54329);
    database = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, "postgres"),
      port: pgPort,
      database: "nurly_kosh",
      ephemeral,
      // A throwaway cluster (Playwright runs) has nothing worth archiving.
      walArchiveDir: ephemeral ? undefined : backupPaths().walArchiveDir,
    });
    databaseUrl = database.url;
    say(
      `${database.initialised ? "Created" : "Started"} embedded PostgreSQL in ${path.join(dataRoot, "postgres")} ` +
        `on port ${pgPort} (${Date.now() - started} ms).`,
    );
    void database.exited.then(() => {
      if (shuttingDown) return;
      console.error("[launch] PostgreSQL exited unexpectedly; stopping.");
      void shutdown(1);
    });
  }

  let secret = env.NEXTAUTH_SECRET;
  if (!secret) {
    if (external && mode === "start") {
      throw new Error(
        "NEXTAUTH_SECRET is not set. With an external DATABASE_URL (production), every app server must share " +
          "one secret: set NEXTAUTH_SECRET (e.g. `openssl rand -base64 32`).",
      );
    }
    secret = keptSecret();
  }

  const { applied } = await migrate(databaseUrl, { log: say });
  if (applied.length === 0) say("Database schema is up to date.");

  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (!external || env.NK_SEED === "1") {
    if (await isSeeded(databaseUrl)) {
      say("Demo data already seeded.");
    } else {
      say("Seeding demo data…");
      await run(process.execPath, [bin("tsx", "dist/cli.mjs"), env.NK_SEED_SCRIPT ?? "prisma/seed.ts"], childEnv);
    }
  }

  const nextCli = bin("next", "dist/bin/next");
  if (mode === "start" && !buildIsCurrent()) {
    say("Building the app (next build)…");
    await run(process.execPath, [nextCli, "build"], { ...childEnv, NODE_ENV: "production" });
  }

  // In this process's child directly (not through the tsx CLI, which would add a process between).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", mode, "-p", String(port)], {
    cwd: ROOT,
    env: mode === "start" ? { ...childEnv, NODE_ENV: "production" } : childEnv,
    stdio: "inherit",
  });
  next = child;
  child.once("exit", (code, signal) => {
    if (shuttingDown) return;
    console.error(`[launch] Next.js exited (${signal ?? `exit ${code}`}); stopping PostgreSQL.`);
    void shutdown(code || 1);
  });

  if (await waitUntilServing(`http://127.0.0.1:${port}/`, child)) {
    say(`Nurly Kosh is ready at http://localhost:${port} (${Math.round((Date.now() - started) / 1000)} s).`);
    if (!external || env.NK_SEED === "1") {
      const accounts = [
        DEMO_USERS.admin,
        DEMO_USERS.coordinatorPavlodar,
        DEMO_USERS.caseworkerPavlodar,
        DEMO_USERS.analyst,
      ];
      say(`Demo logins (password ${DEMO_PASSWORD}): ${accounts.map((user) => user.email).join(", ")}.`);
      say(
        "Administrators and coordinators set up a second factor (an authenticator app on a phone) at their first sign-in.",
      );
    }
    say(database ? "Ctrl-C stops the app, then its database." : "Ctrl-C stops the app.");
    if (database && !ephemeral) {
      const paths = backupPaths();
      stopDailyBackups = await scheduleDailyBackups({
        url: databaseUrl,
        clusterDir: path.join(dataRoot, "postgres"),
        walArchiveDir: paths.walArchiveDir,
        baseDir: path.join(paths.backupDir, "base"),
        secretFile: path.join(dataRoot, "secret"),
        log: (line) => say(`[backup] ${line}`),
        error: (line) => console.error(`[launch] [backup] ${line}`),
      });
    }
  }
}

/** NK_BACKUP_DIR and its WAL archive, as db:backup and db:restore read them (scripts/lib/backup.ts). */
const backupPaths = () => embeddedEnvironment({ ...env, NK_DATA_DIR: dataRoot });

main().catch((error: unknown) => {
  if (shuttingDown) return;
  console.error(`[launch] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
