// The public lookup's limits and the login throttle hold across both app servers: their counters are
// rows in PostgreSQL (lookup_throttle, login_throttle), so attempts that nginx sends alternately to
// one server and the other add up to one limit. The client address is the one nginx saw (decision
// 017); each simulated visitor connects from a loopback address of its own (127.0.0.0/8).
import { request as httpRequest } from "node:http";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNT_THROTTLE } from "@/lib/domain/login-throttle";
import { DEFAULT_LOOKUP_LIMITS } from "@/lib/domain/public-lookup";
import { createTestUser, e2eDb } from "../db";
import { UPSTREAM_HEADER } from "./cluster";

const BOTH_SERVERS = new Set(process.env.NK_CLUSTER_UPSTREAMS?.split(" "));

type Answer = { status: number; upstream: string | undefined; body: string };

/** POSTs a form through nginx over a connection from `localAddress`, as a visitor at that address would. */
function postForm(
  path: string,
  form: Record<string, string>,
  { localAddress = "127.0.0.1", headers = {} }: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = new URLSearchParams(form).toString();
  const url = new URL(path, process.env.E2E_BASE_URL);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            upstream: response.headers[UPSTREAM_HEADER] as string | undefined,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** A well-formed case number no family has. */
async function unknownCaseNumber(): Promise<string> {
  for (;;) {
    const candidate = `NK-2099-${randomInt(100_000, 999_999)}`;
    if (!(await e2eDb().family.findUnique({ where: { caseNumber: candidate }, select: { id: true } })))
      return candidate;
  }
}

test("lookups from one address, alternating between the servers, share one limit; a forged X-Forwarded-For does not escape it", async () => {
  const address = "127.0.0.2";
  const upstreams: (string | undefined)[] = [];
  for (let attempt = 1; attempt <= DEFAULT_LOOKUP_LIMITS.perAddress.attempts; attempt++) {
    const answer = await postForm(
      "/status",
      { caseNumber: await unknownCaseNumber(), birthDate: "1990-01-01" },
      { localAddress: address, headers: { "x-forwarded-for": `198.51.100.${attempt}` } },
    );
    expect(answer.status, `attempt ${attempt}`).toBe(200);
    upstreams.push(answer.upstream);
  }
  expect(new Set(upstreams)).toEqual(BOTH_SERVERS);

  const limited = await postForm(
    "/status",
    { caseNumber: await unknownCaseNumber(), birthDate: "1990-01-01" },
    { localAddress: address, headers: { "x-forwarded-for": "198.51.100.99" } },
  );
  expect(limited.status).toBe(429);
  // Another visitor is not affected.
  const other = await postForm(
    "/status",
    { caseNumber: await unknownCaseNumber(), birthDate: "1990-01-01" },
    { localAddress: "127.0.0.3" },
  );
  expect(other.status).toBe(200);
});

test("lookups of one case number from many addresses, alternating between the servers, share the case's limit", async () => {
  const caseNumber = await unknownCaseNumber();
  const upstreams: (string | undefined)[] = [];
  for (let attempt = 1; attempt <= DEFAULT_LOOKUP_LIMITS.perCase.attempts; attempt++) {
    const answer = await postForm(
      "/status",
      { caseNumber, birthDate: `19${60 + attempt}-01-01` },
      { localAddress: `127.0.1.${attempt}` },
    );
    expect(answer.status, `attempt ${attempt}`).toBe(200);
    upstreams.push(answer.upstream);
  }
  expect(new Set(upstreams)).toEqual(BOTH_SERVERS);
  const limited = await postForm("/status", { caseNumber, birthDate: "1990-01-01" }, { localAddress: "127.0.1.200" });
  expect(limited.status).toBe(429);
});

test("wrong passwords sent alternately to both servers lock the account; then the right password is refused", async ({
  request,
}) => {
  const user = await createTestUser("CASEWORKER", "KZ-55", "Cluster-Passw0rd!", { secondFactor: false });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  /** One sign-in attempt as the login form sends it; the error next-auth answers with, and who answered. */
  const signIn = async (password: string) => {
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password, json: "true" },
      maxRedirects: 0,
    });
    const { url } = (await response.json()) as { url: string };
    return { error: new URL(url).searchParams.get("error"), upstream: response.headers()[UPSTREAM_HEADER] };
  };

  const upstreams: (string | undefined)[] = [];
  for (let attempt = 1; attempt <= ACCOUNT_THROTTLE.maxFailures; attempt++) {
    const { error, upstream } = await signIn(`wrong-${attempt}`);
    expect(error, `attempt ${attempt}`).toMatch(/^(invalid|throttled:\d+)$/);
    upstreams.push(upstream);
  }
  expect(new Set(upstreams)).toEqual(BOTH_SERVERS);

  const { error } = await signIn(user.password);
  expect(error).toMatch(/^throttled:\d+$/);
});
