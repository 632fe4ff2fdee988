/** The command lines of `npm run db:backup` and `npm run db:restore`, read into what to do. */

export const BACKUP_USAGE = "Usage: npm run db:backup -- --out <dir>   |   npm run db:backup -- --verify <dir>";
export const RESTORE_USAGE =
  "Usage: npm run db:restore -- --from <dir> [--to-time <ISO timestamp>] [--wal-archive <dir>] [--force]";

export type BackupCommand = { action: "backup"; out: string } | { action: "verify"; dir: string };

export type RestoreCommand = {
  from: string;
  /** Recover up to this instant (recovery_target_time); the end of the available WAL when absent. */
  toTime?: Date;
  /** Where recovery finds archived WAL beyond the backup's own; NK_BACKUP_DIR/wal when absent. */
  walArchive?: string;
  /** Restore even into a folder or database that is not empty (what was there is kept aside, see db:restore). */
  force: boolean;
};

type Parsed<T> = { ok: true; command: T } | { ok: false; error: string };

/** Options of the form `--name value` or `--name=value`, and flags; an unknown or repeated one is an error. */
function readOptions(
  argv: readonly string[],
  withValue: readonly string[],
  flags: readonly string[],
): { ok: true; values: Map<string, string> } | { ok: false; error: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (values.has(name)) return { ok: false, error: `${name} is given twice` };
    if (flags.includes(name) && eq < 0) {
      values.set(name, "");
    } else if (withValue.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--")))
        return { ok: false, error: `${name} needs a value` };
      values.set(name, value);
    } else {
      return { ok: false, error: `unknown argument ${arg}` };
    }
  }
  return { ok: true, values };
}

/** `--out <dir>` takes a backup, `--verify <dir>` checks one; exactly one of them. */
export function parseBackupArgs(argv: readonly string[]): Parsed<BackupCommand> {
  const read = readOptions(argv, ["--out", "--verify"], []);
  if (!read.ok) return read;
  const out = read.values.get("--out");
  const verify = read.values.get("--verify");
  if (out !== undefined && verify !== undefined) return { ok: false, error: "give --out or --verify, not both" };
  if (out !== undefined) return { ok: true, command: { action: "backup", out } };
  if (verify !== undefined) return { ok: true, command: { action: "verify", dir: verify } };
  return { ok: false, error: "say where to write the backup (--out <dir>) or which one to check (--verify <dir>)" };
}

/**
 * An ISO 8601 instant with an explicit offset (Z or ±hh:mm), e.g. 2026-12-07T10:15:00+05:00. Without an
 * offset the instant would depend on the machine's time zone, the wrong place for a guess in a restore.
 */
export function parseInstant(text: string): Date | null {
  const match = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!match) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `--from <dir>` (required), `--to-time <ISO timestamp with offset>`, `--wal-archive <dir>`, `--force`. */
export function parseRestoreArgs(argv: readonly string[]): Parsed<RestoreCommand> {
  const read = readOptions(argv, ["--from", "--to-time", "--wal-archive"], ["--force"]);
  if (!read.ok) return read;
  const from = read.values.get("--from");
  if (from === undefined) return { ok: false, error: "say which backup to restore (--from <dir>)" };
  const toTimeText = read.values.get("--to-time");
  let toTime: Date | undefined;
  if (toTimeText !== undefined) {
    const parsed = parseInstant(toTimeText);
    if (!parsed)
      return {
        ok: false,
        error: `--to-time ${toTimeText} is not an ISO timestamp with its offset, e.g. 2026-12-07T10:15:00+05:00`,
      };
    toTime = parsed;
  }
  return {
    ok: true,
    command: { from, toTime, walArchive: read.values.get("--wal-archive"), force: read.values.has("--force") },
  };
}
