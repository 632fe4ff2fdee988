// The production build under test: `next build` when the sources changed since the last one, then
// the app server (scripts/serve.ts, as `npm start` runs it) on the benchmark database, with its resident memory sampled while it runs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { buildIsCurrent } from "../scripts/lib/build";
import { findFreePort } from "../scripts/lib/embedded-postgres";
import { ROOT } from "../scripts/lib/prisma6";
import { bin, runToEnd } from "../scripts/lib/run-child";

const nextCli = bin("next", "dist/bin/next");

export async function ensureProductionBuild(log: (line: string) => void): Promise<void> {
  if (buildIsCurrent()) return;
  log("building the app (next build)…");
  await runToEnd(process.execPath, [nextCli, "build"], {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
}

/** Resident memory in MB of a process and all its descendants (Linux /proc). */
function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  let rssPages = 0;
  const rssOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may contain spaces; the fields after its closing parenthesis are fixed.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rssOf.set(pid, Number(fields[21]));
    } catch {
      // The process ended while the table was read.
    }
  }
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    rssPages += rssOf.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (rssPages * 4096) / (1024 * 1024);
}

export type RunningApp = {
  origin: string;
  /** The server's NEXTAUTH_SECRET, which seals the second-factor keys of the accounts the benchmark signs in as. */
  authSecret: string;
  /** Current resident memory of the app server in MB. */
  rssMb: () => number;
  /** Highest resident memory seen since the start (sampled every 250 ms). */
  peakRssMb: () => number;
  stop: () => Promise<void>;
};

export async function startApp(databaseUrl: string, log: (line: string) => void): Promise<RunningApp> {
  const port = await findFreePort(3200);
  const origin = `http://127.0.0.1:${port}`;
  const authSecret = randomBytes(32).toString("base64url");
  const serve = ["--import", "tsx", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"];
  const child: ChildProcess = spawn(process.execPath, serve, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: authSecret,
      // As if behind one reverse proxy: the status lookups come from many families, each with its own
      // address in X-Forwarded-For (docs/decisions/017).
      TRUSTED_PROXY_HOPS: "1",
      NEXTAUTH_URL: origin,
      PUBLIC_BASE_URL: origin,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => log(`[next] ${chunk.toString().trimEnd()}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssMb(child.pid!));
  }, 250);
  return {
    authSecret,
    origin,
    rssMb: () => treeRssMb(child.pid!),
    peakRssMb: () => Math.max(peak, treeRssMb(child.pid!)),
    async stop() {
      clearInterval(sampler);
      child.kill("SIGTERM");
      await exited;
    },
  };
}
