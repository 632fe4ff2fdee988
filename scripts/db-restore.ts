// npm run db:restore -- --from <dir> [--to-time <ISO timestamp>] [--wal-archive <dir>] [--force]
// (docs/operations.md, "Backups and restore"). Verifies the backup first and changes nothing when it is
// damaged. Without DATABASE_URL: into NK_DATA_DIR (absent or empty unless --force), recovered and
// promoted, ready for npm start; with it: pg_restore into that empty database.
import path from "node:path";
import { parseRestoreArgs, RESTORE_USAGE } from "../lib/domain/backup/cli-args";
import { BackupError, environment } from "./lib/backup";
import { restoreEmbedded, restoreExternal } from "./lib/restore";

const say = (line: string) => console.log(`[restore] ${line}`);

async function main(): Promise<number> {
  const parsed = parseRestoreArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.error}\n${RESTORE_USAGE}`);
    return 2;
  }
  const { command } = parsed;
  const backupDir = path.resolve(command.from);
  const env = environment();
  const started = Date.now();
  if (env.mode === "external") {
    await restoreExternal({ backupDir, url: env.url, toTime: command.toTime, log: say });
    say(`Restored ${backupDir} into the DATABASE_URL database (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    return 0;
  }
  const { clusterDir } = await restoreEmbedded({
    backupDir,
    environment: env,
    walArchive: command.walArchive && path.resolve(command.walArchive),
    toTime: command.toTime,
    force: command.force,
    log: say,
  });
  say(
    `Restored ${backupDir} into ${clusterDir} and recovered it (${((Date.now() - started) / 1000).toFixed(1)} s). ` +
      `Start the app with npm start (same NK_DATA_DIR).`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  },
);
