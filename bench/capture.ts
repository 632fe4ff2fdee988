// Baseline B takes the SQL of a path from the app itself: the path's lib/db function runs once in this
// process on a Prisma client that logs its queries, and the statements it sent are replayed through
// plain `pg`. So the raw SQL is exactly what the page sends, with no hand-copied query to drift.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { SqlCase, SqlStatement } from "./load";

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
const READ = /^\s*(SELECT|WITH)\b/i;

/** The statements a path sent, and whether it sent them inside a transaction. */
export type Recording = { statements: SqlStatement[]; transactional: boolean };

let recording: Recording | null = null;

/**
 * Makes lib/db's `db()` use a client whose queries can be recorded (lib/db/client.ts keeps it on globalThis).
 * The pool is the caller's, so that it outlives nothing: `close` ends it before the database stops.
 */
export function installRecordingClient(databaseUrl: string): { close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection cut by the server (the database stopping) must not crash the benchmark.
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    if (!recording) return;
    if (TRANSACTION_CONTROL.test(event.query)) recording.transactional = true;
    else recording.statements.push({ text: event.query, values: JSON.parse(event.params) as unknown[] });
  });
  (globalThis as { nurlyKoshPrisma?: PrismaClient }).nurlyKoshPrisma = client;
  return {
    async close() {
      await client.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The statements `run` sends through lib/db. */
export async function recordStatements(run: () => Promise<unknown>): Promise<Recording> {
  const current: Recording = { statements: [], transactional: false };
  recording = current;
  try {
    await run();
    return current;
  } finally {
    recording = null;
  }
}

/**
 * A baseline-B case rotating over the recordings (one per input). Statements that write (audit entries,
 * throttle counters, the quota update) or that the app sent in a transaction (a setting local to it)
 * run in a transaction that is rolled back, so replaying them leaves the database as it was.
 */
export function sqlCaseOf(recordings: Recording[]): SqlCase {
  if (recordings.length === 0 || recordings.some((r) => r.statements.length === 0))
    throw new Error("a recording has no SQL");
  return {
    statements: (i) => recordings[i % recordings.length]!.statements,
    rollBack: recordings.some((r) => r.transactional || r.statements.some((s) => !READ.test(s.text))),
  };
}
