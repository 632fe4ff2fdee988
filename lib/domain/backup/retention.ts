/** The schedule and retention of the daily base backups that `npm start` takes (docs/operations.md). */

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Milliseconds until the next daily backup is due: none when the newest is a day old or older (or there
 * is none), else the rest of its day.
 */
export function nextDailyBackupDelay(newestFinishedAt: Date | null, now: Date): number {
  if (!newestFinishedAt) return 0;
  return Math.max(0, newestFinishedAt.getTime() + DAY_MS - now.getTime());
}

/**
 * Folder name of a daily backup: its start instant in UTC, sortable as text and valid on every file
 * system (no colons), e.g. 20261207T101500Z.
 */
export function dailyBackupName(startedAt: Date): string {
  return startedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(/[-:]/g, "");
}

const DAILY_NAME = /^\d{8}T\d{6}Z$/;

/** Whether a folder name is one dailyBackupName writes. */
export function isDailyBackupName(name: string): boolean {
  return DAILY_NAME.test(name);
}

/** The complete daily backups to delete so that the newest `keep` remain (names from dailyBackupName). */
export function dailyBackupsToRemove(names: readonly string[], keep: number): string[] {
  const sorted = names.filter(isDailyBackupName).sort();
  return sorted.slice(0, Math.max(0, sorted.length - Math.max(1, keep)));
}
