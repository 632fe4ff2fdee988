// npm run test:cluster: the deployment shape of docs/operations.md on one machine — PostgreSQL 15
// primary and streaming replica, two app servers, nginx in front (e2e/cluster/cluster.ts) — and the
// specs that only such a shape can prove (e2e/cluster/*.cluster.ts): the quota race, the lookup limits
// and the login throttle across both servers, and a report read from the replica. Runs as root.
import { defineConfig } from "@playwright/test";
import { findFreePort } from "./scripts/lib/embedded-postgres";
// The browser settings and timeouts of the e2e suite; its web server (embedded PostgreSQL) is not used.
import baseConfig from "./playwright.config";

// Evaluated in the runner and again in every worker: the runner's choices travel in the environment.
// The e2e config above has already chosen NK_E2E_DATA_DIR; the cluster keeps its files there.
if (!process.env.NK_CLUSTER_PORTS) {
  const ports: number[] = [];
  while (ports.length < 5) {
    const port = await findFreePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const [nginx, primary, replica, app1, app2] = ports as [number, number, number, number, number];
  process.env.NK_CLUSTER_PORTS = JSON.stringify({ nginx, primary, replica, apps: [app1, app2] });
}
const { nginx } = JSON.parse(process.env.NK_CLUSTER_PORTS) as { nginx: number };
const baseURL = `http://127.0.0.1:${nginx}`;
process.env.E2E_BASE_URL = baseURL;

export default defineConfig({
  ...baseConfig,
  testDir: "e2e/cluster",
  testMatch: "*.cluster.ts",
  globalSetup: "./e2e/cluster/global-setup.ts",
  webServer: undefined,
  timeout: 120_000,
  // Two servers, two PostgreSQL clusters, nginx and the browser share the CI machine's cores: a step
  // such as the first sign-in on a server can take longer than the suite's usual 5 s.
  expect: { timeout: 20_000 },
  outputDir: "test-results/cluster",
  reporter: process.env.CI
    ? [["list"], ["html", { open: "never", outputFolder: "playwright-report-cluster" }]]
    : "list",
  use: { ...baseConfig.use, baseURL },
});
