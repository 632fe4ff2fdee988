// The client address the login throttle and the public lookup's limits count by (lib/domain/client-address.ts,
// scripts/serve.ts), tried on the real server. With no trusted proxy, whatever a client writes into
// X-Forwarded-For changes nothing; with one trusted proxy (how the e2e server runs, see
// playwright.config.ts), only the entry that proxy wrote — the right-most — counts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { findFreePort } from "../scripts/lib/embedded-postgres";
import { e2eDatabaseUrl, e2eDb } from "./db";

const LOOKUP_LIMIT_PER_ADDRESS = 10;
const SIGN_IN_FAILURES_PER_ADDRESS = 20;

/** A second app server on the e2e database, with its own proxy setting. */
async function startServer(trustedHops: number): Promise<{ origin: string; stop: () => Promise<void> }> {
  const port = await findFreePort(3900);
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: e2eDatabaseUrl(),
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: origin,
        TRUSTED_PROXY_HOPS: String(trustedHops),
      },
      stdio: "ignore",
    },
  );
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`the second server exited with ${child.exitCode}`);
    const isUp = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** One failed sign-in (an account that does not exist), with the given X-Forwarded-For. */
async function failSignIn(api: APIRequestContext, forwardedFor: string): Promise<string> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: `nobody-${randomUUID()}@example.kz`, password: "not the password", json: "true" },
    headers: { "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  return new URL(((await response.json()) as { url: string }).url).searchParams.get("error") ?? "";
}

/** One public status lookup of a case that does not exist, with the given X-Forwarded-For; its HTTP status. */
async function lookUp(api: APIRequestContext, forwardedFor: string): Promise<number> {
  const caseNumber = `NK-2099-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
  const response = await api.post("/status", {
    form: { caseNumber, birthDate: "1980-01-01", lang: "en" },
    headers: { "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  return response.status();
}

/** Forgets the counters of the given addresses, so that this spec neither inherits nor leaves any. */
async function forgetCounters(addresses: string[]) {
  await e2eDb().loginThrottle.deleteMany({ where: { key: { in: addresses.map((address) => `ip:${address}`) } } });
  await e2eDb().lookupThrottle.deleteMany({ where: { key: { in: addresses.map((address) => `addr:${address}`) } } });
}

test("with no trusted proxy, X-Forwarded-For changes neither the sign-in throttle nor the lookup limit", async () => {
  test.setTimeout(180_000);
  const server = await startServer(0);
  const api = await playwrightRequest.newContext({ baseURL: server.origin });
  await forgetCounters(["127.0.0.1"]);
  try {
    const forged = (i: number) =>
      [`203.0.113.${i}`, `evil, 198.51.100.${i}`, `198.51.100.${i}, 127.0.0.1`, "unknown", "::1"][i % 5] ?? "";
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS; i++) expect(await failSignIn(api, forged(i))).toBe("invalid");
    // The 21st failure from the same connection is locked, whatever address it claims.
    expect(await failSignIn(api, "192.0.2.200")).toMatch(/^throttled:/);
    const counters = await e2eDb().loginThrottle.findMany({ where: { key: { startsWith: "ip:" } } });
    expect(counters.map((counter) => counter.key)).toContain("ip:127.0.0.1");
    expect(counters.map((counter) => counter.key)).not.toContain("ip:203.0.113.1");

    for (let i = 0; i < LOOKUP_LIMIT_PER_ADDRESS; i++) expect(await lookUp(api, forged(i))).toBe(200);
    expect(await lookUp(api, "192.0.2.201")).toBe(429);
    const audit = await e2eDb().auditLog.findFirst({ where: { action: "auth.login.failed" }, orderBy: { id: "desc" } });
    expect(audit?.ip).toBe("127.0.0.1");
  } finally {
    await forgetCounters(["127.0.0.1"]);
    await api.dispose();
    await server.stop();
  }
});

test("with one trusted proxy, only the entry the proxy wrote counts", async ({ request }) => {
  const client = `198.51.100.${1 + ((randomBytes(1)[0] ?? 0) % 250)}`;
  const other = `203.0.113.${1 + ((randomBytes(1)[0] ?? 0) % 250)}`;
  await forgetCounters([client, other]);
  try {
    // A client that prepends its own entries stays the address the proxy saw.
    for (let i = 0; i < 3; i++) expect(await failSignIn(request, `10.9.8.${i}, ${client}`)).toBe("invalid");
    const counter = await e2eDb().loginThrottle.findUnique({ where: { key: `ip:${client}` } });
    expect(counter?.failures).toBe(3);
    expect(await e2eDb().loginThrottle.count({ where: { key: { startsWith: "ip:10.9.8." } } })).toBe(0);

    for (let i = 0; i < LOOKUP_LIMIT_PER_ADDRESS; i++)
      expect(await lookUp(request, `spoofed-${i}, ${client}`)).toBe(200);
    expect(await lookUp(request, `192.0.2.7, ${client}`)).toBe(429);
    // Another client behind the same proxy is counted on its own.
    expect(await lookUp(request, `${client}, ${other}`)).toBe(200);
  } finally {
    await forgetCounters([client, other]);
  }
});
