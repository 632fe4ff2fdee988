// Backups and restores with PostgreSQL's own mechanisms (docs/operations.md, docs/decisions/019):
// embedded, a physical base backup through the low-level API (pg_backup_start / pg_backup_stop) plus the
// WAL it needs from the continuous archive; external, pg_dump -Fc when a pg_dump of the server's version
// or newer is on the PATH. Every backup has a manifest (size and SHA-256 of each file) that --verify and
// every restore check before anything relies on the copy. The pure rules are in lib/domain/backup/.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, type Stats } from "node:fs";
import { chown, lstat, mkdir, readdir, readFile, realpath, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import pg from "pg";
import { backupEntry } from "../../lib/domain/backup/exclusions";
import {
  compareWithManifest,
  describeProblem,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  parseManifest,
  type Manifest,
  type ManifestFile,
  type ManifestProblem,
} from "../../lib/domain/backup/manifest";
import { isTimelineHistory, parseSegmentName, segmentOfLsn, segmentsBetween } from "../../lib/domain/backup/wal";
import { ROOT } from "./prisma6";

const run = promisify(execFile);

/** The cluster's files in a physical backup. */
export const DATA_FOLDER = "data";
/** The WAL segments recovery replays to make the copied files consistent. */
export const WAL_FOLDER = "wal";
/** The app's NEXTAUTH_SECRET (<data dir>/secret): second-factor keys are sealed with it (lib/secret-box.ts). */
export const SECRET_FILE = "app-secret";
/** A pg_dump backup's single file. */
export const DUMP_FILE = "database.dump";

/** Where npm start keeps things, from the same environment (scripts/launch.ts). */
export type Environment =
  | { mode: "external"; url: string }
  | {
      mode: "embedded";
      dataRoot: string;
      clusterDir: string;
      port: number;
      backupDir: string;
      walArchiveDir: string;
    };

export function environment(env: NodeJS.ProcessEnv = process.env): Environment {
  return env.DATABASE_URL ? { mode: "external", url: env.DATABASE_URL } : embeddedEnvironment(env);
}

/** The embedded server's folders and port (NK_DATA_DIR, NK_PG_PORT, NK_BACKUP_DIR), as npm start uses them. */
export function embeddedEnvironment(
  env: Record<string, string | undefined> = process.env,
): Extract<Environment, { mode: "embedded" }> {
  const dataRoot = path.resolve(env.NK_DATA_DIR ?? path.join(ROOT, ".data"));
  const backupDir = path.resolve(env.NK_BACKUP_DIR ?? path.join(dataRoot, "backups"));
  return {
    mode: "embedded",
    dataRoot,
    clusterDir: path.join(dataRoot, "postgres"),
    port: Number(env.NK_PG_PORT ?? 54329),
    backupDir,
    walArchiveDir: path.join(backupDir, "wal"),
  };
}

/** A problem the operator must fix, reported as its message alone (no stack trace). */
export class BackupError extends Error {}

type Log = (line: string) => void;

const sha256OfFile = async (file: string): Promise<string> => {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
};

/** Copies a file while hashing what was read; null when it vanished before it could be opened. */
async function copyHashed(from: string, to: string): Promise<{ size: number; sha256: string } | null> {
  const hash = createHash("sha256");
  let size = 0;
  let source;
  try {
    source = createReadStream(from);
    await new Promise<void>((resolve, reject) => {
      source!.once("open", () => resolve());
      source!.once("error", reject);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  source.on("data", (chunk: string | Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(source, createWriteStream(to, { mode: 0o600 }));
  return { size, sha256: hash.digest("hex") };
}

/** A folder that is absent or empty. */
export async function isAbsentOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

async function prepareOut(out: string): Promise<void> {
  if (!(await isAbsentOrEmpty(out))) {
    throw new BackupError(`${out} is not empty; choose a new folder for the backup.`);
  }
  // Root only: the copy holds every family's personal data and the database password.
  await mkdir(out, { recursive: true, mode: 0o700 });
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

async function writeManifest(out: string, manifest: Manifest): Promise<void> {
  manifest.files.sort((a, b) => a.path.localeCompare(b.path));
  const temporary = path.join(out, `.${MANIFEST_FILE}.tmp`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path.join(out, MANIFEST_FILE));
}

export type BackupResult = { dir: string; manifest: Manifest; bytes: number };

const totalBytes = (manifest: Manifest) => manifest.files.reduce((sum, file) => sum + file.size, 0);

/**
 * Records a completed backup in base_backup (read for the "backup age" metric). The row reaches the
 * next backup and the WAL archive, not the backup it describes.
 */
export async function recordBackup(url: string, result: BackupResult, location = result.dir): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO base_backup (kind, method, location, "startedAt", "finishedAt", bytes)
       VALUES ($1, $2, $3, $4::timestamptz AT TIME ZONE 'UTC', $5::timestamptz AT TIME ZONE 'UTC', $6)`,
      [
        result.manifest.kind,
        result.manifest.method,
        location,
        result.manifest.startedAt,
        result.manifest.finishedAt,
        result.bytes,
      ],
    );
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// Physical backup of the embedded cluster

export type PhysicalBackupOptions = {
  /** Superuser URL of the running server. */
  url: string;
  clusterDir: string;
  walArchiveDir: string;
  out: string;
  kind: Manifest["kind"];
  /** The app's secret file to keep with the backup, when there is one. */
  secretFile?: string;
  log?: Log;
};

/** Every folder and file of the cluster to copy, by relative path (`/`-separated), pg_control last. */
async function clusterEntries(clusterDir: string): Promise<{ folders: string[]; files: string[] }> {
  const folders: string[] = [];
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(clusterDir, relative), { withFileTypes: true });
    } catch (error) {
      // A database or temporary folder dropped during the copy: WAL replay recreates its end state.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        throw new BackupError(
          `${path.join(clusterDir, child)} is a symbolic link (a tablespace or a moved folder); ` +
            `this backup copies one cluster folder only (docs/operations.md).`,
        );
      }
      const treatment = backupEntry(child, entry.isDirectory());
      if (treatment === "skip") continue;
      if (entry.isDirectory()) {
        folders.push(child);
        if (treatment === "copy") await walk(child);
      } else if (entry.isFile()) {
        files.push(child);
      }
    }
  };
  await walk("");
  // The control file last, as pg_basebackup does: the copy's other files are then no newer than it.
  const control = "global/pg_control";
  return { folders, files: [...files.filter((file) => file !== control), control] };
}

async function waitForArchived(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) {
      throw new BackupError(
        `${file} has not reached the WAL archive: is the server archiving into ${path.dirname(file)}? ` +
          `(npm start turns archiving on; docs/operations.md)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A consistent backup of the running cluster while it keeps serving: pg_backup_start, a copy of the
 * cluster's files (minus what PostgreSQL's documentation excludes), pg_backup_stop on the same
 * connection (which waits until the last WAL segment needed is archived), its backup_label and
 * tablespace_map written into the copy, and those WAL segments copied from the archive.
 */
export async function takePhysicalBackup(options: PhysicalBackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const out = path.resolve(options.out);
  await prepareOut(out);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  let inBackup = false;
  try {
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('archive_mode', 'data_directory', 'server_version', 'wal_segment_size')`,
    );
    const setting = (name: string) => settings.rows.find((row) => row.name === name)?.setting ?? "";
    if ((await realpath(setting("data_directory"))) !== (await realpath(options.clusterDir))) {
      throw new BackupError(
        `The server on this port runs the cluster in ${setting("data_directory")}, not ${options.clusterDir}: ` +
          `check NK_DATA_DIR and NK_PG_PORT.`,
      );
    }
    if (setting("archive_mode") !== "on") {
      throw new BackupError(
        "The running PostgreSQL does not archive its WAL (archive_mode is off): restart the app with this " +
          "version's npm start, which turns archiving on, then take the backup again.",
      );
    }
    const segmentBytes = Number(setting("wal_segment_size"));
    const migrations = await appliedMigrations(client);
    const startedAt = new Date();
    const label = `nurly-kosh ${options.kind} ${startedAt.toISOString()}`;
    const started = await client.query<{ lsn: string; timeline: string }>(
      `SELECT lsn::text, (SELECT timeline_id FROM pg_control_checkpoint())::text AS timeline
         FROM pg_backup_start($1, true) AS lsn`,
      [label],
    );
    inBackup = true;
    const startLsn = started.rows[0]!.lsn;
    log(`Backup started at WAL ${startLsn}; copying ${options.clusterDir}…`);

    const dataOut = path.join(out, DATA_FOLDER);
    await mkdir(dataOut, { mode: 0o700 });
    const { folders, files } = await clusterEntries(options.clusterDir);
    for (const folder of folders) await mkdir(path.join(dataOut, folder), { recursive: true, mode: 0o700 });
    const copied: ManifestFile[] = [];
    for (const file of files) {
      const result = await copyHashed(path.join(options.clusterDir, file), path.join(dataOut, file));
      // A file removed since the listing (a dropped table): WAL replay removes it in the copy too.
      if (result) copied.push({ path: `${DATA_FOLDER}/${file}`, ...result });
    }

    // pg_backup_stop waits for the archiver without limit; a broken archive_command (a full disk) must
    // fail the backup loudly instead of hanging the daily schedule.
    await client.query("SET statement_timeout = '10min'");
    let stopped;
    try {
      stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
        "SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(true)",
      );
    } catch (error) {
      if ((error as { code?: string }).code !== "57014") throw error;
      throw new BackupError(
        `The WAL this backup needs was not archived within 10 minutes: check that ${options.walArchiveDir} ` +
          `is writable and has free space, and the server's log for "archive command failed".`,
      );
    }
    inBackup = false;
    const { lsn: stopLsn, labelfile, spcmapfile } = stopped.rows[0]!;
    const finishedAt = new Date();
    const extra: [string, string][] = [["backup_label", labelfile]];
    if (spcmapfile) extra.push(["tablespace_map", spcmapfile]);
    for (const [name, text] of extra) {
      const bytes = Buffer.from(text);
      await writeFile(path.join(dataOut, name), bytes, { mode: 0o600 });
      copied.push({
        path: `${DATA_FOLDER}/${name}`,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }

    // The timeline of the start location, from the label PostgreSQL wrote ("START WAL LOCATION: … (file T…)").
    const startFile = /\(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
    const timeline = startFile
      ? parseSegmentName(startFile, segmentBytes)!.timeline
      : Number(started.rows[0]!.timeline);
    const first = startFile ?? segmentOfLsn(startLsn, timeline, segmentBytes);
    // The stop location itself may begin the next segment: the last record needed ends just before it.
    const last = segmentOfLsn(stopLsn, timeline, segmentBytes);
    const walOut = path.join(out, WAL_FOLDER);
    await mkdir(walOut, { mode: 0o700 });
    const needed = segmentsBetween(first, last, segmentBytes);
    const histories = (await readdir(options.walArchiveDir)).filter(isTimelineHistory);
    for (const name of [...histories, ...needed]) {
      const source = path.join(options.walArchiveDir, name);
      await waitForArchived(source, 120_000);
      const result = await copyHashed(source, path.join(walOut, name));
      if (!result) throw new BackupError(`${source} disappeared from the WAL archive during the backup.`);
      copied.push({ path: `${WAL_FOLDER}/${name}`, ...result });
    }

    if (options.secretFile && existsSync(options.secretFile)) {
      const result = await copyHashed(options.secretFile, path.join(out, SECRET_FILE));
      if (result) copied.push({ path: SECRET_FILE, ...result });
    }

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      method: "physical",
      kind: options.kind,
      serverVersion: setting("server_version"),
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      startLsn,
      stopLsn,
      timeline,
      walSegmentBytes: segmentBytes,
      migrations,
      files: copied,
      folders: [DATA_FOLDER, ...folders.map((folder) => `${DATA_FOLDER}/${folder}`), WAL_FOLDER],
    };
    await writeManifest(out, manifest);
    return { dir: out, manifest, bytes: totalBytes(manifest) };
  } finally {
    // A failed copy must not leave the server in backup mode (it would force full-page writes forever).
    if (inBackup) await client.query("SELECT pg_backup_stop(false)").catch(() => undefined);
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// Logical backup of an external server

/** The major version of a PostgreSQL client program on the PATH, or null when there is none. */
export async function clientMajor(program: string): Promise<{ major: number; text: string } | null> {
  try {
    const { stdout } = await run(program, ["--version"]);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? { major: Number(match[1]), text: stdout.trim() } : null;
  } catch {
    return null;
  }
}

/** The server's major version (server_version_num 180001 → 18). */
async function serverMajor(client: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
  );
  return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.version };
}

/**
 * The message when no usable client program is on the PATH: pg_dump refuses a server newer than itself,
 * and pg_restore a dump newer than itself.
 */
export function noMatchingClientMessage(program: string, needed: number, found: string | null): string {
  return (
    `No ${program} of PostgreSQL ${needed} or newer is on the PATH` +
    (found ? ` (found: ${found})` : "") +
    `. Install the PostgreSQL ${needed} client programs (e.g. Debian's postgresql-client-${needed} from ` +
    `apt.postgresql.org) and put them first on the PATH; docs/operations.md ("Backups and restore") says more.`
  );
}

// Parameters of DATABASE_URL that only Prisma understands; libpq refuses unknown ones.
const PRISMA_ONLY_PARAMETERS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size"];

/** The URL for pg_dump/pg_restore (Prisma's own parameters removed) and its password, passed by environment. */
export function libpqTarget(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const name of PRISMA_ONLY_PARAMETERS) parsed.searchParams.delete(name);
  // Not on the command line, where every user of the machine could read it.
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** pg_dump -Fc of the DATABASE_URL database into `out/database.dump`, with its manifest. */
export async function takeLogicalBackup(options: {
  url: string;
  out: string;
  kind: Manifest["kind"];
  log?: Log;
}): Promise<BackupResult> {
  const out = path.resolve(options.out);
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  let server;
  let migrations;
  try {
    server = await serverMajor(client);
    migrations = await appliedMigrations(client);
  } finally {
    await client.end();
  }
  const dump = await clientMajor("pg_dump");
  if (!dump || dump.major < server.major) {
    throw new BackupError(noMatchingClientMessage("pg_dump", server.major, dump?.text ?? null));
  }
  await prepareOut(out);
  const startedAt = new Date();
  const target = libpqTarget(options.url);
  const file = path.join(out, DUMP_FILE);
  options.log?.(`pg_dump (${dump.text}) of PostgreSQL ${server.version}…`);
  try {
    await run("pg_dump", ["--format=custom", `--file=${file}`, `--dbname=${target.url}`], {
      env: target.env,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new BackupError(`pg_dump failed: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
  const size = (await stat(file)).size;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    method: "pg_dump",
    kind: options.kind,
    serverVersion: server.version,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    migrations,
    files: [{ path: DUMP_FILE, size, sha256: await sha256OfFile(file) }],
  };
  await writeManifest(out, manifest);
  return { dir: out, manifest, bytes: size };
}

// ---------------------------------------------------------------------------------------------------
// Verification

export type Verification =
  { ok: true; manifest: Manifest } | { ok: false; reason: string; problems: ManifestProblem[]; manifest?: Manifest };

/** Every file of a backup folder by relative path, with its size and SHA-256. */
async function filesOf(dir: string): Promise<Map<string, { size: number; sha256?: string }>> {
  const found = new Map<string, { size: number; sha256?: string }>();
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (child !== MANIFEST_FILE) {
        const full = path.join(dir, child);
        const info: Stats = await lstat(full);
        // Anything but a regular file (a link planted in the copy) cannot match a checksum.
        found.set(child, { size: info.size, sha256: info.isFile() ? await sha256OfFile(full) : "not a regular file" });
      }
    }
  };
  await walk("");
  return found;
}

/** Recomputes every checksum of a backup and compares it with its manifest. */
export async function verifyBackup(dir: string): Promise<Verification> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!existsSync(dir)) return { ok: false, reason: `${dir} does not exist`, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestPath, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return {
      ok: false,
      reason: missing
        ? `${manifestPath} is missing: this is not a complete backup (an interrupted one has no manifest)`
        : `${manifestPath} is not valid JSON`,
      problems: [],
    };
  }
  const parsed = parseManifest(raw);
  if (!parsed.ok)
    return { ok: false, reason: `${manifestPath} is not a backup manifest: ${parsed.reason}`, problems: [] };
  const problems = compareWithManifest(parsed.manifest, await filesOf(dir));
  if (problems.length > 0) {
    return {
      ok: false,
      reason: `${problems.length} file(s) differ from the manifest`,
      problems,
      manifest: parsed.manifest,
    };
  }
  return { ok: true, manifest: parsed.manifest };
}

/** The verification as lines for the terminal. */
export function describeVerification(dir: string, verification: Verification): string[] {
  if (verification.ok) {
    const { manifest } = verification;
    return [
      `${dir} is whole: ${manifest.files.length} files match the manifest ` +
        `(${manifest.method} backup of PostgreSQL ${manifest.serverVersion}, taken ${manifest.startedAt} – ${manifest.finishedAt}).`,
    ];
  }
  return [
    `${dir} is NOT a usable backup: ${verification.reason}.`,
    ...verification.problems.map((problem) => `  ${describeProblem(problem)}`),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Restore helpers shared by the embedded and external paths

/** Copies the backup's `data/` folder into `target` (created), with the folders the manifest lists. */
export async function copyClusterFiles(backupDir: string, manifest: Manifest, target: string): Promise<void> {
  await mkdir(target, { mode: 0o700 });
  const prefix = `${DATA_FOLDER}/`;
  for (const folder of manifest.folders ?? []) {
    if (folder.startsWith(prefix))
      await mkdir(path.join(target, folder.slice(prefix.length)), { recursive: true, mode: 0o700 });
  }
  for (const file of manifest.files) {
    if (!file.path.startsWith(prefix)) continue;
    const destination = path.join(target, file.path.slice(prefix.length));
    await mkdir(path.dirname(destination), { recursive: true, mode: 0o700 });
    await pipeline(createReadStream(path.join(backupDir, file.path)), createWriteStream(destination, { mode: 0o600 }));
  }
}

/** Gives a whole tree to a user (the restored cluster to the `postgres` system user under root). */
export async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await chown(child, uid, gid);
  }
}

/** The major version of the server of `url`. */
export async function serverMajorOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await serverMajor(client)).major;
  } finally {
    await client.end();
  }
}
