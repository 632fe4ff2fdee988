// The deployment shape of docs/operations.md on one machine, for `npm run test:cluster`: a Debian
// PostgreSQL 15 primary, a streaming replica made with `pg_basebackup -R`, two app servers
// (scripts/serve.ts) reading report figures from the replica, and nginx in front of them. Runs as root
// (pg_createcluster, PostgreSQL's own user); everything it creates is removed by stop(), also after a
// failure part-way through start.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createPrismaClient } from "@/lib/db/prisma-factory";
import { seedDatabase } from "@/prisma/seed-database";
import { buildIsCurrent } from "../../scripts/lib/build";
import { migrate } from "../../scripts/lib/migrate";
import { ROOT } from "../../scripts/lib/prisma6";
import { bin, runToEnd } from "../../scripts/lib/run-child";

const run = promisify(execFile);
const PG_VERSION = "15";
const PG_BIN = `/usr/lib/postgresql/${PG_VERSION}/bin`;
/** Prefix of the clusters this harness creates; the owning process id follows, so leftovers can be told apart. */
const CLUSTER_PREFIX = "nkcluster";
/** The response header the test's nginx adds: which app server answered (the tests check both do). */
export const UPSTREAM_HEADER = "x-upstream";

export type ClusterPorts = { nginx: number; primary: number; replica: number; apps: [number, number] };

export type ClusterPlan = {
  /** A new, empty folder for nginx's files, the logs and the shared secret. */
  dir: string;
  ports: ClusterPorts;
};

export type RunningCluster = {
  baseUrl: string;
  /** The app's role on the primary (owner of the database). */
  primaryUrl: string;
  /** The same role on the replica. */
  replicaUrl: string;
  /** The superuser, for what only it may do (pausing replay on the replica). */
  primaryAdminUrl: string;
  replicaAdminUrl: string;
  /** The app servers' addresses as nginx's upstream names them (host:port). */
  upstreams: string[];
  secret: string;
};

const say = (line: string) => console.log(`[cluster] ${line}`);

/** What start() has brought up so far, in order, so stop() undoes exactly that. */
type Started = { clusters: string[]; children: { name: string; child: ChildProcess }[] };

const asPostgres = (command: string, args: string[]) => run("runuser", ["-u", "postgres", "--", command, ...args]);

/** Runs statements as the superuser, each on its own (`-c` per statement: CREATE DATABASE refuses a transaction). */
async function psql(port: number, ...statements: string[]): Promise<string> {
  const { stdout } = await asPostgres(`${PG_BIN}/psql`, [
    "-X",
    "-q",
    "-tA",
    "-v",
    "ON_ERROR_STOP=1",
    "-p",
    String(port),
    "-d",
    "postgres",
    ...statements.flatMap((statement) => ["-c", statement]),
  ]);
  return stdout.trim();
}

const processIsAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Drops clusters a previous run left behind when it was killed before its teardown (their owner is gone). */
async function dropLeftovers(): Promise<void> {
  const { stdout } = await run("pg_lsclusters", ["--no-header"]);
  for (const line of stdout.split("\n")) {
    const [version, name] = line.trim().split(/\s+/);
    const owner = name && new RegExp(`^${CLUSTER_PREFIX}(\\d+)[pr]$`).exec(name);
    if (version && name && owner && !processIsAlive(Number(owner[1]))) {
      say(`dropping cluster ${version}/${name} left by an earlier run`);
      await run("pg_dropcluster", ["--stop", version, name]).catch(() => undefined);
    }
  }
}

/** Waits until `url` answers anything over HTTP, or fails after `timeoutMs` or when `child` exits. */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the process exited`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function spawnLogged(
  started: Started,
  name: string,
  logFile: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
) {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  started.children.push({ name, child });
  return child;
}

/** nginx in front of both app servers: round robin, the client address in X-Forwarded-For (decision 017). */
function nginxConfig(dir: string, ports: ClusterPorts): string {
  return `# Generated by e2e/cluster/cluster.ts; deploy/nginx/nurly-kosh.conf is the production site.
worker_processes 1;
user www-data;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${dir}/nginx-tmp/body;
  proxy_temp_path ${dir}/nginx-tmp/proxy;
  fastcgi_temp_path ${dir}/nginx-tmp/fastcgi;
  uwsgi_temp_path ${dir}/nginx-tmp/uwsgi;
  scgi_temp_path ${dir}/nginx-tmp/scgi;
  client_max_body_size 25m;
  upstream nurly_kosh {
    server 127.0.0.1:${ports.apps[0]};
    server 127.0.0.1:${ports.apps[1]};
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${ports.nginx};
    location / {
      proxy_pass http://nurly_kosh;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header ${UPSTREAM_HEADER} $upstream_addr always;
    }
  }
}
`;
}

const started: Started = { clusters: [], children: [] };

/** Builds the whole shape; on any failure it tears down what it had started and rethrows. */
export async function start({ dir, ports }: ClusterPlan): Promise<RunningCluster> {
  if (process.getuid?.() !== 0) throw new Error("npm run test:cluster runs as root (pg_createcluster, nginx).");
  try {
    return await startAll(dir, ports);
  } catch (error) {
    for (const { name } of started.children) {
      const file = path.join(dir, `${name}.log`);
      if (existsSync(file)) console.error(`--- ${name}.log (end) ---\n${readFileSync(file, "utf8").slice(-3_000)}`);
    }
    await stop();
    throw error;
  }
}

async function startAll(dir: string, ports: ClusterPorts): Promise<RunningCluster> {
  const t0 = Date.now();
  await dropLeftovers();
  const primary = `${CLUSTER_PREFIX}${process.pid}p`;
  const replica = `${CLUSTER_PREFIX}${process.pid}r`;
  const password = randomBytes(18).toString("base64url");
  const replicationPassword = randomBytes(18).toString("base64url");
  const adminPassword = randomBytes(18).toString("base64url");
  const secret = randomBytes(32).toString("base64url");

  // ——— primary ———
  started.clusters.push(primary);
  await run("pg_createcluster", [
    PG_VERSION,
    primary,
    "-p",
    String(ports.primary),
    "--start-conf=manual",
    "-o",
    "wal_level=replica",
    "-o",
    "max_wal_senders=5",
  ]);
  const hba = `/etc/postgresql/${PG_VERSION}/${primary}/pg_hba.conf`;
  writeFileSync(
    hba,
    `${readFileSync(hba, "utf8")}\n# The streaming replica (e2e/cluster/cluster.ts)\nhost replication replicator 127.0.0.1/32 scram-sha-256\n`,
  );
  await run("pg_ctlcluster", [PG_VERSION, primary, "start"]);
  await psql(
    ports.primary,
    `ALTER ROLE postgres PASSWORD '${adminPassword}'`,
    `CREATE ROLE nurly LOGIN PASSWORD '${password}'`,
    // The report pages read the replica's receive time from pg_stat_wal_receiver (docs/decisions/021).
    "GRANT pg_read_all_stats TO nurly",
    `CREATE ROLE replicator LOGIN REPLICATION PASSWORD '${replicationPassword}'`,
    "CREATE DATABASE nurly_kosh OWNER nurly",
  );
  const url = (port: number, user: string, secretWord: string) =>
    `postgresql://${user}:${encodeURIComponent(secretWord)}@127.0.0.1:${port}/nurly_kosh`;
  const primaryUrl = url(ports.primary, "nurly", password);
  const { applied } = await migrate(primaryUrl, { log: () => undefined });
  const prisma = createPrismaClient(primaryUrl, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  say(`primary ${PG_VERSION}/${primary} on port ${ports.primary}: ${applied.length} migrations, seeded`);

  // ——— replica: a base backup of the running primary that starts as its standby ———
  started.clusters.push(replica);
  await run("pg_createcluster", [PG_VERSION, replica, "-p", String(ports.replica), "--start-conf=manual"]);
  const replicaData = `/var/lib/postgresql/${PG_VERSION}/${replica}`;
  rmSync(replicaData, { recursive: true, force: true });
  await asPostgres(`${PG_BIN}/pg_basebackup`, [
    "-d",
    `host=127.0.0.1 port=${ports.primary} user=replicator password=${replicationPassword}`,
    "-D",
    replicaData,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
  ]);
  await run("pg_ctlcluster", [PG_VERSION, replica, "start"]);
  const streaming = await psql(ports.primary, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'");
  say(`replica ${PG_VERSION}/${replica} on port ${ports.replica} (pg_basebackup -R), streaming: ${streaming}`);

  // ——— the app: built once, two servers ———
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: primaryUrl,
    DATABASE_REPLICA_URL: url(ports.replica, "nurly", password),
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: `http://127.0.0.1:${ports.nginx}`,
    TRUSTED_PROXY_HOPS: "1",
    PUBLIC_BASE_URL: "",
  };
  if (!buildIsCurrent()) {
    say("building the app (next build)…");
    await runToEnd(process.execPath, [bin("next", "dist/bin/next"), "build"], appEnv);
  }
  const servers = ports.apps.map((port, index) =>
    spawnLogged(
      started,
      `app-${index + 1}`,
      path.join(dir, `app-${index + 1}.log`),
      process.execPath,
      ["--import", "tsx", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"],
      { ...appEnv, PORT: String(port) },
    ),
  );

  // ——— nginx ———
  const tmp = path.join(dir, "nginx-tmp");
  mkdirSync(tmp, { recursive: true });
  const { stdout: wwwData } = await run("id", ["-u", "www-data"]);
  chownSync(tmp, Number(wwwData.trim()), 0);
  writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, ports));
  const nginx = spawnLogged(
    started,
    "nginx",
    path.join(dir, "nginx.log"),
    "nginx",
    ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "nginx-error.log"), "-g", "daemon off;"],
    process.env,
  );

  await Promise.all(
    servers.map((server, index) => waitForHttp(`http://127.0.0.1:${ports.apps[index]}/api/health`, server, 120_000)),
  );
  await waitForHttp(`http://127.0.0.1:${ports.nginx}/api/health`, nginx, 20_000);
  // A fresh server loads each page's code on its first request (seconds on a busy CI machine): open the
  // pages the specs start from on both servers once, so a spec's first step is not what pays for it.
  for (const port of ports.apps) {
    for (const page of ["/login", "/status"]) {
      await fetch(`http://127.0.0.1:${port}${page}`, { signal: AbortSignal.timeout(60_000) });
    }
  }
  say(
    `two app servers (${ports.apps.join(", ")}) behind nginx on ${ports.nginx}, ready in ${Math.round((Date.now() - t0) / 1000)} s`,
  );

  return {
    baseUrl: `http://127.0.0.1:${ports.nginx}`,
    primaryUrl,
    replicaUrl: url(ports.replica, "nurly", password),
    primaryAdminUrl: url(ports.primary, "postgres", adminPassword),
    replicaAdminUrl: url(ports.replica, "postgres", adminPassword),
    upstreams: ports.apps.map((port) => `127.0.0.1:${port}`),
    secret,
  };
}

async function stopChild({ name, child }: { name: string; child: ChildProcess }): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const forced = setTimeout(() => {
    say(`${name} did not stop on SIGTERM; killing it`);
    child.kill("SIGKILL");
  }, 10_000);
  await exited;
  clearTimeout(forced);
}

/** Stops nginx and the app servers, then drops both clusters (data, configuration and logs). */
export async function stop(): Promise<void> {
  const children = started.children.splice(0).reverse();
  await Promise.all(children.map(stopChild));
  for (const name of started.clusters.splice(0).reverse()) {
    await run("pg_dropcluster", ["--stop", PG_VERSION, name]).catch((error: unknown) =>
      console.error(`[cluster] could not drop ${PG_VERSION}/${name}: ${(error as Error).message}`),
    );
  }
  say("stopped nginx and the app servers, dropped both clusters");
}
