// The daily base backup of `npm start` in embedded mode (docs/operations.md): one when the newest is a
// day old or there is none, then every 24 hours, into <NK_BACKUP_DIR>/base/<start time>; the newest N
// are kept (setting backup.dailyKept), and archived WAL that the oldest kept backup does not need is
// removed. A failure is logged loudly and retried at the next run; it never stops the app.
import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { parseManifest, MANIFEST_FILE } from "../../lib/domain/backup/manifest";
import {
  DAY_MS,
  dailyBackupName,
  dailyBackupsToRemove,
  isDailyBackupName,
  nextDailyBackupDelay,
} from "../../lib/domain/backup/retention";
import { archivedFilesToRemove, segmentOfLsn } from "../../lib/domain/backup/wal";
import { parseSettingValue, SETTINGS, versionInForce } from "../../lib/domain/settings";
import { programmeToday } from "../../lib/domain/status-validity";
import { recordBackup, takePhysicalBackup, type BackupResult } from "./backup";

const KEPT_SETTING = "backup.dailyKept";
const PARTIAL = ".partial";

export type DailyBackupOptions = {
  url: string;
  clusterDir: string;
  walArchiveDir: string;
  /** <NK_BACKUP_DIR>/base */
  baseDir: string;
  secretFile: string;
  log: (line: string) => void;
  error: (line: string) => void;
};

/** How many daily backups to keep: the setting in force today, else its default. */
export async function dailyBackupsKept(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const day = programmeToday(new Date());
    const { rows } = await client.query<{ id: number; value: unknown; effectiveFrom: Date; withdrawnAt: Date | null }>(
      `SELECT id, value, "effectiveFrom", "withdrawnAt" FROM setting_version
        WHERE key = $1 AND "effectiveFrom" <= $2 AND "withdrawnAt" IS NULL`,
      [KEPT_SETTING, day.toISOString().slice(0, 10)],
    );
    const version = versionInForce(
      rows.map((row) => ({ ...row, effectiveFrom: new Date(`${isoDate(row.effectiveFrom)}T00:00:00Z`) })),
      day,
    );
    const parsed = version ? parseSettingValue(KEPT_SETTING, version.value) : null;
    return parsed?.ok ? parsed.value : SETTINGS[KEPT_SETTING].default;
  } finally {
    await client.end();
  }
}

/** A DATE column as node-pg returns it (local midnight) back to its calendar day. */
function isoDate(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** The complete daily backups (with a manifest), oldest first. */
async function completeBackups(baseDir: string): Promise<string[]> {
  if (!existsSync(baseDir)) return [];
  const names = (await readdir(baseDir)).filter(isDailyBackupName).sort();
  return names.filter((name) => existsSync(path.join(baseDir, name, MANIFEST_FILE)));
}

async function finishedAtOf(dir: string): Promise<Date | null> {
  const parsed = parseManifest(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")));
  return parsed.ok ? new Date(parsed.manifest.finishedAt) : null;
}

/** Deletes the daily backups beyond the newest `kept`, interrupted ones, and the WAL nothing kept needs. */
export async function applyRetention(options: DailyBackupOptions, kept: number): Promise<void> {
  const { baseDir, log } = options;
  for (const name of await readdir(baseDir)) {
    if (name.endsWith(PARTIAL)) {
      await rm(path.join(baseDir, name), { recursive: true, force: true });
      log(`Removed the interrupted backup ${name}.`);
    }
  }
  const complete = await completeBackups(baseDir);
  for (const name of dailyBackupsToRemove(complete, kept)) {
    await rm(path.join(baseDir, name), { recursive: true, force: true });
    log(`Removed daily backup ${name} (keeping the newest ${kept}).`);
  }
  const oldest = (await completeBackups(baseDir))[0];
  if (!oldest) return;
  const parsed = parseManifest(JSON.parse(await readFile(path.join(baseDir, oldest, MANIFEST_FILE), "utf8")));
  if (!parsed.ok || !parsed.manifest.startLsn || !parsed.manifest.walSegmentBytes || !parsed.manifest.timeline) return;
  const { startLsn, timeline, walSegmentBytes } = parsed.manifest;
  const first = segmentOfLsn(startLsn, timeline, walSegmentBytes);
  const removable = archivedFilesToRemove(await readdir(options.walArchiveDir), first, walSegmentBytes);
  for (const file of removable) await rm(path.join(options.walArchiveDir, file), { force: true });
  if (removable.length > 0) log(`Removed ${removable.length} archived WAL file(s) older than backup ${oldest}.`);
}

/** Takes one daily backup into <base>/<name>.partial, renamed to <base>/<name> once complete. */
export async function takeDailyBackup(options: DailyBackupOptions): Promise<BackupResult & { location: string }> {
  const startedAt = new Date();
  const name = dailyBackupName(startedAt);
  const partial = path.join(options.baseDir, `${name}${PARTIAL}`);
  const final = path.join(options.baseDir, name);
  const result = await takePhysicalBackup({
    url: options.url,
    clusterDir: options.clusterDir,
    walArchiveDir: options.walArchiveDir,
    out: partial,
    kind: "daily",
    secretFile: options.secretFile,
  });
  await rename(partial, final);
  await recordBackup(options.url, result, final);
  return { ...result, location: final };
}

/**
 * Starts the schedule; the returned function stops it (a backup under way is left to finish or fail
 * on its own when the database stops; its folder keeps the .partial suffix and is removed next time).
 */
export async function scheduleDailyBackups(options: DailyBackupOptions): Promise<() => void> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const runOnce = async () => {
    const started = Date.now();
    try {
      const result = await takeDailyBackup(options);
      options.log(
        `Daily backup written to ${result.location} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      await applyRetention(options, await dailyBackupsKept(options.url));
    } catch (error) {
      if (stopped) return;
      options.error(
        `DAILY BACKUP FAILED: ${error instanceof Error ? error.message : String(error)}. ` +
          `The app keeps running; the next attempt is in 24 hours. Take one by hand with npm run db:backup -- --out <dir>.`,
      );
    }
    if (!stopped) timer = setTimeout(() => void runOnce(), DAY_MS);
  };
  const newest = (await completeBackups(options.baseDir)).at(-1);
  const newestFinished = newest ? await finishedAtOf(path.join(options.baseDir, newest)) : null;
  const delay = nextDailyBackupDelay(newestFinished, new Date());
  if (delay > 0) options.log(`Next daily backup in ${(delay / 3_600_000).toFixed(1)} h (newest: ${newest}).`);
  timer = setTimeout(() => void runOnce(), delay);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
