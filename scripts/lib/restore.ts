// Restores a backup of scripts/lib/backup.ts, after verifying it: a physical backup into the embedded
// cluster folder, recovered to the end of the available WAL or to a point in time and promoted, so that
// `npm start` then serves it; a pg_dump backup into the empty database of DATABASE_URL.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { Manifest } from "../../lib/domain/backup/manifest";
import {
  BackupError,
  chownTree,
  clientMajor,
  copyClusterFiles,
  describeVerification,
  DUMP_FILE,
  isAbsentOrEmpty,
  libpqTarget,
  noMatchingClientMessage,
  SECRET_FILE,
  verifyBackup,
  WAL_FOLDER,
  type Environment,
} from "./backup";
import {
  commandPath,
  findFreePort,
  isRoot,
  postgresIdentity,
  startEmbeddedPostgres,
  type RunningPostgres,
} from "./embedded-postgres";

const run = promisify(execFile);
type Log = (line: string) => void;

/** Verifies a backup and returns its manifest; refuses a damaged one, naming every file that differs. */
export async function verifiedManifest(backupDir: string): Promise<Manifest> {
  const verification = await verifyBackup(backupDir);
  if (!verification.ok) {
    throw new BackupError(
      [...describeVerification(backupDir, verification), "Nothing was restored and nothing was changed."].join("\n"),
    );
  }
  return verification.manifest;
}

const stamp = () =>
  new Date()
    .toISOString()
    .replaceAll(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The restore_command: a segment (or timeline history) from the continuous archive. Segments the archive
 * lacks come from the restored pg_wal, where the backup's own WAL is put, since PostgreSQL looks there
 * when the command fails.
 */
export function restoreCommand(archiveDir: string): string {
  const dir = commandPath(archiveDir);
  return `[ -f ${dir}/%f ] && cp ${dir}/%f %p`;
}

export type EmbeddedRestoreOptions = {
  backupDir: string;
  environment: Extract<Environment, { mode: "embedded" }>;
  /** The continuous archive to replay beyond the backup; environment.walArchiveDir when absent. */
  walArchive?: string;
  toTime?: Date;
  force: boolean;
  log: Log;
};

async function waitUntilPromoted(server: RunningPostgres, log: Log): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    let lastReport = Date.now();
    for (;;) {
      if (exited) throw new BackupError("PostgreSQL stopped during recovery (its last messages are above).");
      const { rows } = await client.query<{ recovering: boolean; replayed: string | null }>(
        "SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS replayed",
      );
      if (!rows[0]!.recovering) break;
      if (Date.now() - lastReport > 10_000) {
        log(`Recovering… WAL replayed up to ${rows[0]!.replayed ?? "?"}`);
        lastReport = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Everything recovered reaches the data files before the server stops.
    await client.query("CHECKPOINT");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Restores a physical backup into the embedded cluster folder (<NK_DATA_DIR>/postgres): the data
 * directory must be absent or empty, unless `force`, which moves an existing cluster aside (never
 * deletes it). Recovery runs to completion here (start, replay, promote, stop); if it fails, the
 * half-restored cluster is moved aside and the previous one put back.
 */
export async function restoreEmbedded(
  options: EmbeddedRestoreOptions,
): Promise<{ clusterDir: string; movedAside?: string }> {
  const { environment: env, log } = options;
  const manifest = await verifiedManifest(options.backupDir);
  if (manifest.method !== "physical") {
    throw new BackupError(
      `${options.backupDir} is a pg_dump backup of an external server: restore it with DATABASE_URL set to an empty database.`,
    );
  }
  if (options.toTime && new Date(manifest.finishedAt).getTime() > options.toTime.getTime()) {
    throw new BackupError(
      `--to-time ${options.toTime.toISOString()} is before this backup finished (${manifest.finishedAt}); ` +
        `a backup can only be rolled forward. Choose an older backup.`,
    );
  }
  const clusterDir = env.clusterDir;
  let movedAside: string | undefined;
  if (!(await isAbsentOrEmpty(env.dataRoot))) {
    if (!options.force) {
      throw new BackupError(
        `${env.dataRoot} (NK_DATA_DIR) is not empty. Restore into an absent or empty folder, or add --force ` +
          `to move the existing cluster aside (it is kept, never deleted). Nothing was changed.`,
      );
    }
    const pidFile = path.join(clusterDir, "postmaster.pid");
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new BackupError(
          `PostgreSQL (pid ${pid}) is running on ${clusterDir}: stop the app first. Nothing was changed.`,
        );
      }
    }
    if (existsSync(clusterDir)) {
      movedAside = `${clusterDir}.before-restore-${stamp()}`;
      await rename(clusterDir, movedAside);
      log(`Moved the existing cluster aside to ${movedAside}.`);
    }
  }

  await mkdir(env.dataRoot, { recursive: true });
  const staging = `${clusterDir}.restore-tmp`;
  await rm(staging, { recursive: true, force: true });
  log(`Copying ${manifest.files.length} files from ${options.backupDir}…`);
  await copyClusterFiles(options.backupDir, manifest, staging);
  const walDir = path.join(options.backupDir, WAL_FOLDER);
  await mkdir(path.join(staging, "pg_wal"), { recursive: true, mode: 0o700 });
  for (const name of await readdir(walDir)) await copyFile(path.join(walDir, name), path.join(staging, "pg_wal", name));
  await writeFile(path.join(staging, "recovery.signal"), "", { mode: 0o600 });
  const who = isRoot() ? postgresIdentity(log) : undefined;
  if (who) await chownTree(staging, who.uid, who.gid);
  await rename(staging, clusterDir);

  const secret = path.join(env.dataRoot, "secret");
  const savedSecret = path.join(options.backupDir, SECRET_FILE);
  if (existsSync(savedSecret)) {
    if (!existsSync(secret)) {
      await copyFile(savedSecret, secret);
      log(`Restored the app's secret (second-factor keys are sealed with it) into ${secret}.`);
    } else if (readFileSync(secret, "utf8") !== readFileSync(savedSecret, "utf8")) {
      log(
        `Kept ${secret}, which differs from the backup's ${savedSecret}: second factors enrolled under the backup's secret need it.`,
      );
    }
  }

  const archive = path.resolve(options.walArchive ?? env.walArchiveDir);
  if (!existsSync(archive)) log(`No WAL archive at ${archive}: recovering to the end of the backup's own WAL.`);
  const settings = [
    `restore_command=${restoreCommand(archive)}`,
    "recovery_target_action=promote",
    // PostgreSQL reads timestamptz input, not ISO's "T…Z": 2026-12-07 10:15:00.000+00.
    ...(options.toTime
      ? [`recovery_target_time=${options.toTime.toISOString().replace("T", " ").replace("Z", "+00")}`]
      : []),
  ];
  log(
    options.toTime
      ? `Recovering to ${options.toTime.toISOString()} with the WAL of the backup and of ${archive}…`
      : `Recovering to the end of the WAL of the backup and of ${archive}…`,
  );
  let server: RunningPostgres | undefined;
  try {
    server = await startEmbeddedPostgres({
      dataDir: clusterDir,
      port: await findFreePort(env.port + 1),
      database: "nurly_kosh",
      settings,
      readyTimeoutMs: 60 * 60 * 1000,
      log,
    });
    await waitUntilPromoted(server, log);
    await server.stop();
  } catch (error) {
    await server?.stop();
    const failed = `${clusterDir}.failed-restore-${stamp()}`;
    await rename(clusterDir, failed);
    if (movedAside) await rename(movedAside, clusterDir);
    const text = error instanceof Error ? error.message : String(error);
    const hint = /recovery ended before configured recovery target was reached/.test(text)
      ? "\nThe WAL available ends before --to-time: give an earlier time, or the archive that holds later WAL (--wal-archive)."
      : "";
    throw new BackupError(
      `Recovery failed; the half-restored cluster is in ${failed}` +
        (movedAside ? ` and the previous cluster is back in ${clusterDir}` : "") +
        `.\n${text}${hint}`,
    );
  }
  return { clusterDir, movedAside };
}

/** Whether a database holds any relation of its own (outside PostgreSQL's catalogues). */
async function isEmptyDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
          AND n.nspname NOT LIKE 'pg\\_temp%'`,
    );
    return rows[0]!.count === "0";
  } finally {
    await client.end();
  }
}

/** Restores a pg_dump backup into the DATABASE_URL database, which must be empty. */
export async function restoreExternal(options: {
  backupDir: string;
  url: string;
  toTime?: Date;
  log: Log;
}): Promise<void> {
  if (options.toTime) {
    throw new BackupError(
      "--to-time needs the server's continuous WAL archive, which an external PostgreSQL manages itself: " +
        "restore to a point in time with that server's tools (pgBackRest or its base backups and archive), " +
        'as docs/operations.md ("Backups and restore") describes. Nothing was changed.',
    );
  }
  const manifest = await verifiedManifest(options.backupDir);
  if (manifest.method !== "pg_dump") {
    throw new BackupError(
      `${options.backupDir} is a physical backup of the embedded server: restore it without DATABASE_URL (into NK_DATA_DIR).`,
    );
  }
  if (!(await isEmptyDatabase(options.url))) {
    throw new BackupError(
      "The DATABASE_URL database is not empty: restore into a new, empty database (CREATE DATABASE …) and " +
        "point DATABASE_URL at it. Nothing was changed.",
    );
  }
  const needed = Number(/^(\d+)/.exec(manifest.serverVersion)?.[1] ?? 0);
  const restore = await clientMajor("pg_restore");
  if (!restore || restore.major < needed) {
    throw new BackupError(noMatchingClientMessage("pg_restore", needed, restore?.text ?? null));
  }
  const target = libpqTarget(options.url);
  options.log(`pg_restore (${restore.text}) into the DATABASE_URL database…`);
  try {
    await run(
      "pg_restore",
      [
        "--exit-on-error",
        "--single-transaction",
        "--no-owner",
        "--no-privileges",
        `--dbname=${target.url}`,
        path.join(options.backupDir, DUMP_FILE),
      ],
      { env: target.env, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    throw new BackupError(`pg_restore failed: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
}
