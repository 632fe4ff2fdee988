// Global setup of playwright.cluster.config.ts: brings up the cluster (e2e/cluster/cluster.ts) and hands
// its addresses to the specs in the environment, which the workers inherit. The returned function is
// Playwright's teardown; a signal during the run stops the cluster too.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { start, stop, type ClusterPorts } from "./cluster";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = process.env.NK_E2E_DATA_DIR;
  const ports = process.env.NK_CLUSTER_PORTS;
  if (!dir || !ports) throw new Error("Run the cluster test through playwright.cluster.config.ts.");
  mkdirSync(dir, { recursive: true });
  const teardown = async () => {
    await stop();
    // The servers' and nginx's logs outlive the folder, beside the test results, for a failed run.
    for (const log of readdirSync(dir).filter((name) => name.endsWith(".log"))) {
      cpSync(path.join(dir, log), path.join("test-results", "cluster", "logs", log));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void teardown().finally(() => process.exit(1)));
  }
  // start() stops what it had started when it fails (and prints the servers' logs); the folder goes too.
  const cluster = await start({ dir, ports: JSON.parse(ports) as ClusterPorts }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  // e2e/db.ts reads the database and the secret that seals second-factor keys from here.
  process.env.NK_E2E_DATABASE_URL = cluster.primaryUrl;
  writeFileSync(path.join(dir, "secret"), `${cluster.secret}\n`, { mode: 0o600 });
  process.env.NK_CLUSTER_PRIMARY_ADMIN_URL = cluster.primaryAdminUrl;
  process.env.NK_CLUSTER_REPLICA_ADMIN_URL = cluster.replicaAdminUrl;
  process.env.NK_CLUSTER_UPSTREAMS = cluster.upstreams.join(" ");
  return teardown;
}
