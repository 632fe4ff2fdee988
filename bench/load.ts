// The two ways the benchmark loads the system at a fixed concurrency: HTTP requests through autocannon
// against the production server, and the raw SQL of a path through `pg` against the same database.
// Both record every latency so that bench/stats.ts computes the same percentiles for both.
import autocannon from "autocannon";
import type pg from "pg";
import { summarise, type Measurement } from "./stats";

export type HttpRequest = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type HttpCase = {
  /** The i-th request of the run (so that requests rotate over inputs and never repeat a one-off). */
  request: (i: number) => HttpRequest;
  /** True when the response is what the path must answer; anything else counts as an error. */
  accept: (status: number, body: string) => boolean;
};

export type LoadOptions = { connections: number; seconds: number } | { connections: number; amount: number };

/** Drives `origin` with `connections` concurrent clients for a duration or a number of requests. */
export async function loadHttp(origin: string, testCase: HttpCase, options: LoadOptions): Promise<Measurement> {
  const latencies: number[] = [];
  let rejected = 0;
  let counter = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: options.connections,
        ...("seconds" in options ? { duration: options.seconds } : { amount: options.amount }),
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const next = testCase.request(counter++);
              return {
                ...request,
                method: next.method ?? "GET",
                path: next.path,
                headers: { ...request.headers, ...next.headers },
                body: next.body,
              };
            },
            onResponse: (status, body) => {
              if (!testCase.accept(status, body)) rejected++;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = (performance.now() - started) / 1000;
  // Connection errors and timeouts (autocannon counts both as errors) never produce a response.
  return summarise(latencies, rejected + result.errors, seconds);
}

export type SqlStatement = { text: string; values: unknown[] };

export type SqlCase = {
  /** The statements of the i-th iteration, sent one after another on one connection. */
  statements: (i: number) => SqlStatement[];
  /** Runs them in a transaction that is rolled back, for paths that write. */
  rollBack: boolean;
};

/** Runs a path's SQL with `connections` concurrent pooled clients for `seconds`; the first failure goes to `onError`. */
export async function loadSql(
  pool: pg.Pool,
  sqlCase: SqlCase,
  options: { connections: number; seconds: number; onError: (error: unknown) => void },
): Promise<Measurement> {
  const { connections, seconds } = options;
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const statements = sqlCase.statements(counter++);
        const t0 = performance.now();
        try {
          if (sqlCase.rollBack) await client.query("BEGIN");
          for (const statement of statements) await client.query(statement.text, statement.values);
        } catch (error) {
          if (errors === 0) options.onError(error);
          errors++;
        } finally {
          if (sqlCase.rollBack) await client.query("ROLLBACK");
        }
        latencies.push(performance.now() - t0);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
