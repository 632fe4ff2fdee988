// Seeing what happens (issue 14), on the real server: /api/metrics from this machine shows the request
// histogram by route pattern, the pool gauges, login failures and lookup 429s; a request from elsewhere
// needs METRICS_TOKEN and is otherwise told the path does not exist; /api/ready answers; and the server's
// log lines are JSON naming the route pattern, the request id the audit rows carry and the acting user's
// id, never the search query.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEFAULT_LOOKUP_LIMITS } from "@/lib/domain/public-lookup";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { findFreePort } from "../scripts/lib/embedded-postgres";
import { e2eDatabaseUrl, e2eDb, ensureSecondFactor } from "./db";
import { DEMO_PASSWORD, DEMO_USERS, login, useLanguage } from "./fixtures";

const METRICS_TOKEN = process.env.NK_E2E_METRICS_TOKEN ?? "";

/** The metrics as this machine's scraper reads them (the request comes from loopback, no token). */
async function scrape(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/metrics");
  expect(response.status()).toBe(200);
  return response.text();
}

/** The value of one sample: the metric's line whose labels include all of `labels`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** An address of a visitor of its own, as the trusted proxy of the e2e server would write it. */
const freshAddress = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

async function signIn(page: Page, account: keyof typeof DEMO_USERS, origin?: string) {
  await useLanguage(page.context(), "en");
  // useLanguage sets the cookie for the e2e server; a second server has an origin of its own.
  if (origin) await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", url: origin }]);
  await ensureSecondFactor(DEMO_USERS[account].email);
  await login(page, DEMO_USERS[account].email);
}

test("after a few pages, the metrics from this machine show them by route pattern, with the pool and the process", async ({
  page,
  request,
}) => {
  await signIn(page, "caseworkerPavlodar");
  const family = await e2eDb().family.findFirstOrThrow({ where: { targetRegionId: "KZ-55" }, select: { id: true } });
  await page.goto(`/families/${family.id}`);
  await page.goto("/families?q=Сатпаев");
  await page.goto("/families");

  const text = await scrape(request);
  const familyPages = sample(text, "nk_http_request_duration_seconds_count", {
    route: "/families/[id]",
    method: "GET",
    status_class: "2xx",
  });
  expect(familyPages).toBeGreaterThanOrEqual(1);
  expect(
    sample(text, "nk_http_request_duration_seconds_count", { route: "/families", method: "GET", status_class: "2xx" }),
  ).toBeGreaterThanOrEqual(2);
  expect(sample(text, "nk_http_request_duration_seconds_bucket", { route: "/families/[id]", le: "+Inf" })).toBe(
    familyPages,
  );
  // Neither a record's id nor a searched name becomes a label.
  expect(text).not.toContain(`/families/${family.id}"`);
  expect(text).not.toContain("Сатпаев");
  expect(text).not.toContain("%D0%A1");

  expect(sample(text, "nk_db_pool_connections_max")).toBe(10);
  expect(sample(text, "nk_db_pool_connections_idle")).toBeGreaterThanOrEqual(1);
  expect(sample(text, "nk_db_pool_connections_in_use")).toBeGreaterThanOrEqual(0);
  expect(sample(text, "nk_db_pool_waiting_requests")).toBe(0);
  expect(sample(text, "nk_database_up")).toBe(1);
  expect(sample(text, "nk_backups_recorded")).toBeGreaterThanOrEqual(0);
  expect(sample(text, "nk_wal_archiving_enabled")).toBeDefined();
  expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
  expect(sample(text, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
});

test("a wrong password counts as a login failure, by reason and without the e-mail", async ({ page, request }) => {
  const before = sample(await scrape(request), "nk_login_failures_total", { reason: "invalid" }) ?? 0;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
  await useLanguage(page.context(), "en");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO_USERS.analyst.email);
  await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();

  const text = await scrape(request);
  expect(sample(text, "nk_login_failures_total", { reason: "invalid" })).toBe(before + 1);
  expect(text).not.toContain(DEMO_USERS.analyst.email);
});

test("a public lookup over the limit counts as a 429", async ({ request }) => {
  const before = sample(await scrape(request), "nk_public_lookup_limited_total") ?? 0;
  const address = freshAddress();
  const statuses: number[] = [];
  for (let attempt = 0; attempt <= DEFAULT_LOOKUP_LIMITS.perAddress.attempts; attempt++) {
    const caseNumber = `NK-2099-${String(100_000 + (randomBytes(3).readUIntBE(0, 3) % 900_000))}`;
    const response = await request.post("/status", {
      form: { caseNumber, birthDate: "1990-01-01" },
      headers: { "x-forwarded-for": address },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.filter((status) => status === 429)).toHaveLength(1);
  expect(sample(await scrape(request), "nk_public_lookup_limited_total")).toBe(before + 1);
});

test("from another address the metrics need the token; without it the path does not exist", async ({ request }) => {
  expect(METRICS_TOKEN.length).toBeGreaterThanOrEqual(16);
  const forged = { "x-forwarded-for": "203.0.113.9" };
  const refused = await request.get("/api/metrics", { headers: forged });
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain("nk_");
  const wrongToken = await request.get("/api/metrics", {
    headers: { ...forged, authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` },
  });
  expect(wrongToken.status()).toBe(404);

  const allowed = await request.get("/api/metrics", {
    headers: { ...forged, authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()["content-type"]).toContain("text/plain");
  expect(await allowed.text()).toContain("nk_http_request_duration_seconds_bucket");
});

test("/api/ready answers 200 on a migrated database; /api/health stays the cheap check", async ({ request }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok" });
});

test("the server logs one JSON line per request: route pattern, request id of the audit rows, user id, no query", async ({
  browser,
}) => {
  // A second server on the e2e database whose output this test reads; the launcher's secret seals the
  // second factors, so it signs people in like the first.
  const port = await findFreePort(3950);
  const origin = `http://127.0.0.1:${port}`;
  const secret = readFileSync(path.join(process.env.NK_E2E_DATA_DIR ?? "", "secret"), "utf8").trim();
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: e2eDatabaseUrl(),
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: origin,
        TRUSTED_PROXY_HOPS: "0",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    await expect(async () => expect((await fetch(`${origin}/api/health`)).ok).toBe(true)).toPass({
      timeout: 60_000,
    });

    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    await signIn(page, "caseworkerPavlodar", origin);
    const caseworker = await e2eDb().user.findUniqueOrThrow({
      where: { email: DEMO_USERS.caseworkerPavlodar.email },
      select: { id: true },
    });
    const family = await e2eDb().family.findFirstOrThrow({
      where: { targetRegionId: "KZ-55" },
      select: { id: true, members: { where: { isHead: true }, select: { iin: true, surnameCyr: true } } },
    });
    const head = family.members[0];
    if (!head?.iin) throw new Error("the seeded family has no head with an IIN");
    const search = encodeURIComponent(`${head.surnameCyr} ${head.iin}`);
    const searched = await page.goto(`/families?q=${search}`);
    const viewed = await page.goto(`/families/${family.id}`);
    const viewId = viewed?.headers()["x-request-id"];
    await context.close();

    const lines = output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === "request");
    const view = requests.find((line) => line.requestId === viewId);
    expect(view).toMatchObject({
      level: "info",
      method: "GET",
      route: "/families/[id]",
      status: 200,
      userId: caseworker.id,
    });
    expect(typeof view?.durationMs).toBe("number");
    expect(view?.time).toEqual(expect.any(String));
    const search200 = requests.find((line) => line.requestId === searched?.headers()["x-request-id"]);
    expect(search200).toMatchObject({ route: "/families", status: 200, userId: caseworker.id });
    // The audit row of the family's view carries the id of the log line.
    const audit = await e2eDb().auditLog.findFirst({
      where: { action: "family.view", entityId: String(family.id), requestId: String(viewId) },
    });
    expect(audit).not.toBeNull();
    // Anonymous requests (the login page) carry no user.
    expect(requests.find((line) => line.route === "/login")).not.toHaveProperty("userId");
    // The search's name and IIN, the path's id: none in any line.
    expect(output).not.toContain(head.iin);
    expect(output).not.toContain(head.surnameCyr);
    expect(output).not.toContain(search);
    expect(output).not.toContain(`/families/${family.id}`);
  } finally {
    server.kill("SIGTERM");
  }
  // Graceful shutdown: nothing in flight, the pool closed, exit 0.
  expect(await exited).toBe(0);
  expect(output).toContain('"msg":"stopped"');
});
