// End-to-end tests run against the production build served by scripts/launch.ts, with its own
// throwaway embedded PostgreSQL and demo seed (a fresh temporary data folder, deleted on exit).
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { findFreePort } from "./scripts/lib/embedded-postgres";

// NK_E2E_PORT lets two checkouts on one machine run their suites side by side.
const PORT = Number(process.env.NK_E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Specs that need the address outside a page (cookies, the receipt's printed URL) read it from here.
process.env.E2E_BASE_URL = baseURL;

// Playwright evaluates this file in the runner and again in every worker; the environment carries the
// runner's choices to the workers so they agree (and no extra folders or ports are taken).
process.env.NK_E2E_DATA_DIR ??= path.join(tmpdir(), `nk-e2e-${process.pid}-${Date.now()}`);
process.env.NK_E2E_PG_PORT ??= String(await findFreePort());
// The bearer token that lets a scraper from another address read /api/metrics (e2e/observability.spec.ts).
process.env.NK_E2E_METRICS_TOKEN ??= randomBytes(24).toString("base64url");

export default defineConfig({
  testDir: "e2e",
  // Most specs sign in two or three people (argon2id on purpose costs time) and walk a case through
  // several forms: 10–20 s each on two cores, so the default 30 s leaves too little headroom.
  timeout: 60_000,
  // A page that waits on argon2id or on a cold route can take more than the default 5 s on two busy cores.
  expect: { timeout: 10_000 },
  // One worker: the quota specs assert exact figures of shared seeded quotas, which a parallel spec would move.
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        // Debian's Chromium: `npx playwright install` would download a browser, impossible offline.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs scripts/launch.ts start",
    url: baseURL,
    // First run: initdb + migrations + seed + `next build`.
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    // SIGTERM lets the launcher stop Next, then PostgreSQL, then delete the data folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      // Empty = embedded: e2e must never run against a DATABASE_URL the shell happens to export.
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: baseURL,
      PORT: String(PORT),
      NK_DATA_DIR: process.env.NK_E2E_DATA_DIR,
      NK_EPHEMERAL: "1",
      NK_PG_PORT: process.env.NK_E2E_PG_PORT,
      NEXT_TELEMETRY_DISABLED: "1",
      // As if behind one reverse proxy: a spec gives each simulated visitor its own address by sending
      // X-Forwarded-For as that proxy would write it (e2e/client-address.spec.ts tries both settings).
      TRUSTED_PROXY_HOPS: "1",
      METRICS_TOKEN: process.env.NK_E2E_METRICS_TOKEN,
      // One line per request would bury the test output; 5xx answers and errors still show.
      // e2e/observability.spec.ts reads the request lines of a server of its own.
      LOG_LEVEL: "warn",
    },
  },
});
