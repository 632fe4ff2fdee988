// npm run db:backup -- --out <dir> | --verify <dir> (docs/operations.md, "Backups and restore"). Same
// environment as npm start: without DATABASE_URL, a physical backup of the embedded cluster in
// NK_DATA_DIR (started for the backup when the app is not running); with it, pg_dump of that database.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BACKUP_USAGE, parseBackupArgs } from "../lib/domain/backup/cli-args";
import {
  BackupError,
  describeVerification,
  environment,
  recordBackup,
  takeLogicalBackup,
  takePhysicalBackup,
  verifyBackup,
  type BackupResult,
} from "./lib/backup";
import { clusterUrl, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";

const say = (line: string) => console.log(`[backup] ${line}`);

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code === "ECONNREFUSED") return false;
    throw error;
  }
}

async function backup(out: string): Promise<BackupResult> {
  const env = environment();
  if (env.mode === "external") {
    const result = await takeLogicalBackup({ url: env.url, out, kind: "manual", log: say });
    await recordBackup(env.url, result);
    return result;
  }
  if (!existsSync(path.join(env.clusterDir, "PG_VERSION"))) {
    throw new BackupError(
      `There is no embedded database in ${env.clusterDir} (NK_DATA_DIR=${env.dataRoot}); nothing to back up. ` +
        `Set NK_DATA_DIR to the folder npm start uses, or DATABASE_URL for an external server.`,
    );
  }
  let url = clusterUrl(env.clusterDir, env.port, "nurly_kosh");
  let started: RunningPostgres | undefined;
  // A stopped cluster is started for the backup, with the archiving npm start uses, and stopped after.
  if (!(await answers(url))) {
    say(`The app's PostgreSQL is not running; starting it on port ${env.port} for the backup.`);
    started = await startEmbeddedPostgres({
      dataDir: env.clusterDir,
      port: env.port,
      database: "nurly_kosh",
      walArchiveDir: env.walArchiveDir,
    });
    url = started.url;
  }
  try {
    const result = await takePhysicalBackup({
      url,
      clusterDir: env.clusterDir,
      walArchiveDir: env.walArchiveDir,
      out,
      kind: "manual",
      secretFile: path.join(env.dataRoot, "secret"),
      log: say,
    });
    await recordBackup(url, result);
    return result;
  } finally {
    await started?.stop();
  }
}

async function main(): Promise<number> {
  const parsed = parseBackupArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.error}\n${BACKUP_USAGE}`);
    return 2;
  }
  const { command } = parsed;
  if (command.action === "verify") {
    const dir = path.resolve(command.dir);
    const verification = await verifyBackup(dir);
    for (const line of describeVerification(dir, verification)) (verification.ok ? console.log : console.error)(line);
    return verification.ok ? 0 : 1;
  }
  const started = Date.now();
  const result = await backup(path.resolve(command.out));
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  say(
    `Backup written to ${result.dir} (${result.manifest.method}, ${result.manifest.files.length} files, ` +
      `${megabytes} MB, ${((Date.now() - started) / 1000).toFixed(1)} s). Check it with: npm run db:backup -- --verify ${result.dir}`,
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
