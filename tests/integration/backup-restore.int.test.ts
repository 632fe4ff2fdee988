// The restore drill of issue 14 against real PostgreSQL: a physical backup of an embedded cluster taken
// while families keep being written, restored into a new folder and started as a second instance; a
// point-in-time restore between two known writes; a damaged backup found by --verify and refused by
// restore; an occupied target refused. And the external-server path: pg_dump/pg_restore when a pg_dump
// of the server's version is on the PATH (CI's run against Debian's PostgreSQL 15), else the message.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "@/lib/domain/backup/manifest";
import {
  clientMajor,
  noMatchingClientMessage,
  serverMajorOf,
  takeLogicalBackup,
  takePhysicalBackup,
  verifyBackup,
  describeVerification,
  type BackupResult,
} from "../../scripts/lib/backup";
import { restoreEmbedded, restoreExternal } from "../../scripts/lib/restore";
import { archiveCommand, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import {
  archiveCurrentWal,
  installation,
  query,
  sourceInstallation,
  startCluster,
  startWriter,
  tableCounts,
} from "./backup-drill";
import { createDatabase, testDatabaseUrl } from "./db";
import { createFamily, PAVLODAR } from "./fixtures";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const quiet = () => undefined;

describe("physical backup and restore of the embedded cluster", () => {
  let root: string;
  let source: Awaited<ReturnType<typeof sourceInstallation>>;
  let backup: BackupResult;
  const scan = randomBytes(300_000);
  let documentId: number;
  let writtenDuringBackup = 0;
  let familiesBeforeBackup = 0;
  let familiesAfterBackup = 0;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "nk-backup-"));
    source = await sourceInstallation(root);
    const family = await createFamily(source.client, PAVLODAR, source.admin.id);
    const document = await source.client.document.create({
      data: {
        familyId: family.id,
        kind: "APPLICATION",
        status: "RECEIVED",
        files: {
          create: {
            fileName: "application.pdf",
            mimeType: "application/pdf",
            sizeBytes: scan.length,
            sha256: createHash("sha256").update(scan).digest("hex"),
            content: scan,
            uploadedById: source.admin.id,
          },
        },
      },
    });
    documentId = document.id;

    const writer = startWriter(source.client, source.admin.id);
    // The backup starts once writes are under way and they go on until it has finished.
    while (writer.written() < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    familiesBeforeBackup = await source.client.family.count();
    const before = writer.written();
    backup = await takePhysicalBackup({
      url: source.server.url,
      clusterDir: source.target.clusterDir,
      walArchiveDir: source.target.walArchiveDir,
      out: path.join(root, "backup"),
      kind: "manual",
    });
    writtenDuringBackup = writer.written() - before;
    await writer.stop();
    familiesAfterBackup = await source.client.family.count();
  }, 180_000);

  afterAll(async () => {
    await source?.client.$disconnect();
    await source?.server.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Restores into a new installation, starts it, hands it to `check`, stops it. */
  async function restoreAndOpen(
    name: string,
    options: { toTime?: Date; walArchive: string },
    check: (server: RunningPostgres) => Promise<void>,
  ): Promise<void> {
    const target = await installation(root, name);
    await restoreEmbedded({ backupDir: backup.dir, environment: target, force: false, log: quiet, ...options });
    const server = await startCluster(target, false);
    try {
      await check(server);
    } finally {
      await server.stop();
    }
  }

  it("takes a backup while writes go on, with a manifest of every file", () => {
    expect(writtenDuringBackup).toBeGreaterThan(0);
    const { manifest } = backup;
    expect(manifest.method).toBe("physical");
    expect(manifest.serverVersion).toMatch(/^18\./);
    expect(manifest.migrations).toContain("20261207115218_base_backup");
    const paths = manifest.files.map((file) => file.path);
    expect(paths).toContain("data/backup_label");
    expect(paths).toContain("data/global/pg_control");
    expect(paths.some((file) => file.startsWith("wal/"))).toBe(true);
    expect(paths.some((file) => /postmaster\.pid|^data\/pg_wal\//.test(file))).toBe(false);
    expect(existsSync(path.join(backup.dir, MANIFEST_FILE))).toBe(true);
  });

  it("restored to the end of the archive, a second instance has every row of the source and the scan's bytes", async () => {
    // Writes have stopped; once the last segment is archived, the archive holds every committed row.
    await archiveCurrentWal(source.server.url, source.target.walArchiveDir);
    const expected = await tableCounts(source.server.url);
    await restoreAndOpen("restored", { walArchive: source.target.walArchiveDir }, async (server) => {
      expect(await tableCounts(server.url)).toEqual(expected);
      const [file] = await query<{ content: Buffer }>(
        server.url,
        `SELECT content FROM document_file WHERE "documentId" = $1`,
        [documentId],
      );
      expect(Buffer.compare(file!.content, scan)).toBe(0);
      const migrations = await query<{ migration_name: string }>(
        server.url,
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
      );
      expect(migrations.map((row) => row.migration_name)).toEqual(backup.manifest.migrations);
    });
  }, 120_000);

  it("restored from the backup alone, the data is consistent as of the backup's end", async () => {
    const noArchive = path.join(root, "no-archive");
    mkdirSync(noArchive);
    await restoreAndOpen("backup-only", { walArchive: noArchive }, async (server) => {
      // Every family written before the backup began is there, none written after it ended, and no
      // transaction is half there: each family has its head of family and its registration event.
      const [row] = await query<{ families: string; heads: string; events: string }>(
        server.url,
        `SELECT (SELECT count(*) FROM family) AS families,
                (SELECT count(*) FROM person WHERE "isHead") AS heads,
                (SELECT count(*) FROM case_event) AS events`,
      );
      const families = Number(row!.families);
      expect(families).toBeGreaterThanOrEqual(familiesBeforeBackup);
      expect(families).toBeLessThanOrEqual(familiesAfterBackup);
      expect(Number(row!.heads)).toBe(families);
      expect(Number(row!.events)).toBe(families);
    });
  }, 120_000);

  it("restores to a point in time between two known writes", async () => {
    const first = await createFamily(source.client, PAVLODAR, source.admin.id);
    const [moment] = await query<{ now: Date }>(source.server.url, "SELECT clock_timestamp() AS now");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await createFamily(source.client, PAVLODAR, source.admin.id);
    await archiveCurrentWal(source.server.url, source.target.walArchiveDir);
    await restoreAndOpen(
      "point-in-time",
      { walArchive: source.target.walArchiveDir, toTime: moment!.now },
      async (server) => {
        const found = await query<{ caseNumber: string }>(
          server.url,
          `SELECT "caseNumber" FROM family WHERE "caseNumber" = ANY($1)`,
          [[first.caseNumber, second.caseNumber]],
        );
        expect(found.map((row) => row.caseNumber)).toEqual([first.caseNumber]);
      },
    );
  }, 120_000);

  it("--verify names a damaged file, and restore refuses the backup without touching the target", async () => {
    const damaged = path.join(root, "damaged");
    cpSync(backup.dir, damaged, { recursive: true });
    const victim = backup.manifest.files
      .filter((file) => file.path.startsWith("data/base/"))
      .sort((a, b) => b.size - a.size)[0]!;
    const bytes = readFileSync(path.join(damaged, victim.path));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(path.join(damaged, victim.path), bytes);

    const verification = await verifyBackup(damaged);
    expect(verification.ok).toBe(false);
    expect(describeVerification(damaged, verification)).toEqual([
      `${damaged} is NOT a usable backup: 1 file(s) differ from the manifest.`,
      `  ${victim.path}: content changed (SHA-256 differs from the manifest)`,
    ]);

    // Through the command line, as an operator runs it; the target is an existing empty folder.
    const target = await installation(root, "never");
    mkdirSync(target.dataRoot);
    const refused = await run(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/db-restore.ts", "--from", damaged],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", NK_DATA_DIR: target.dataRoot, NK_PG_PORT: String(target.port) },
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain(`${damaged} is NOT a usable backup`);
    expect(refused?.stderr).toContain(`${victim.path}: content changed`);
    expect(refused?.stderr).toContain("Nothing was restored and nothing was changed.");
    expect(readdirSync(target.dataRoot)).toEqual([]);
  }, 120_000);

  it("refuses a target folder that is not empty unless --force, and keeps what was there", async () => {
    const target = await installation(root, "occupied");
    mkdirSync(target.dataRoot, { recursive: true });
    writeFileSync(path.join(target.dataRoot, "keep.txt"), "mine");
    await expect(
      restoreEmbedded({
        backupDir: backup.dir,
        environment: target,
        walArchive: source.target.walArchiveDir,
        force: false,
        log: quiet,
      }),
    ).rejects.toThrow(/is not empty.*--force/s);
    expect(readdirSync(target.dataRoot)).toEqual(["keep.txt"]);
  });
});

describe("the archive command", () => {
  it("copies a new segment, accepts an identical copy and never overwrites a different file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nk-archive-"));
    try {
      const archive = path.join(dir, "it's 100% archive");
      mkdirSync(archive);
      const segment = path.join(dir, "000000010000000000000001");
      writeFileSync(segment, "segment one");
      // As PostgreSQL runs it: %p and %f replaced, %% made %, then /bin/sh.
      const archiveSegment = () =>
        run("/bin/sh", [
          "-c",
          archiveCommand(archive)
            .replaceAll("%p", segment)
            .replaceAll("%f", path.basename(segment))
            .replaceAll("%%", "%"),
        ]).then(
          () => 0,
          (error: { code: number }) => error.code,
        );

      expect(await archiveSegment()).toBe(0);
      expect(readdirSync(archive)).toEqual(["000000010000000000000001"]);
      expect(await archiveSegment()).toBe(0);
      writeFileSync(segment, "another segment one");
      expect(await archiveSegment()).not.toBe(0);
      expect(readFileSync(path.join(archive, "000000010000000000000001"), "utf8")).toBe("segment one");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("logical backup of an external server (DATABASE_URL)", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "nk-dump-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("dumps and restores with a pg_dump of the server's version, or says clearly that there is none", async () => {
    const url = testDatabaseUrl();
    const server = await serverMajorOf(url);
    const dump = await clientMajor("pg_dump");
    const restore = await clientMajor("pg_restore");
    const out = path.join(root, "dump");

    if (!dump || dump.major < server || !restore || restore.major < server) {
      await expect(takeLogicalBackup({ url, out, kind: "manual" })).rejects.toThrow(
        noMatchingClientMessage("pg_dump", server, dump?.text ?? null),
      );
      expect(noMatchingClientMessage("pg_dump", server, null)).toMatch(
        new RegExp(`^No pg_dump of PostgreSQL ${server} or newer is on the PATH\\. Install .*docs/operations\\.md`),
      );
      expect(existsSync(out)).toBe(false);
      return;
    }

    const result = await takeLogicalBackup({ url, out, kind: "manual" });
    expect(result.manifest.method).toBe("pg_dump");
    expect((await verifyBackup(out)).ok).toBe(true);
    const expected = await tableCounts(url);

    const empty = await createDatabase(url, `nk_restore_${Date.now()}`);
    try {
      await restoreExternal({ backupDir: out, url: empty.url, log: quiet });
      expect(await tableCounts(empty.url)).toEqual(expected);
      // Now it holds tables: a second restore into it is refused, as is a point in time.
      await expect(restoreExternal({ backupDir: out, url: empty.url, log: quiet })).rejects.toThrow(/not empty/);
      await expect(restoreExternal({ backupDir: out, url: empty.url, toTime: new Date(), log: quiet })).rejects.toThrow(
        /docs\/operations\.md/,
      );
    } finally {
      await empty.drop();
    }
  }, 120_000);
});
