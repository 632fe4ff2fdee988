// Worker thread of scripts/generate-data.ts: generates the rows batch by batch and hands each batch
// over as one COPY text buffer per table (transferred, not copied), while the main thread loads the
// previous batch. The main thread starts it early, so that it loads its modules while the database
// opens, then sends the input; at most `inFlight` batches wait for it, and it acknowledges each one loaded.
import { parentPort } from "node:worker_threads";
import {
  BulkGenerator,
  COLUMNS,
  CopyBuffer,
  type BulkGeneratorInput,
  type BulkSummary,
  type TableName,
} from "../../prisma/factories";
import { seedDocumentStatus } from "../../prisma/seed-database";
import { threadCpuMs } from "./cpu-time";

export interface GenerateWorkerInput {
  generator: BulkGeneratorInput;
  /** Persons per batch (a batch ends with the family that reaches it). */
  batchPersons: number;
  /** Batches handed over but not yet acknowledged before the worker waits. */
  inFlight: number;
}

/** Messages to the worker: the input once, then an acknowledgement per batch loaded. */
export type GenerateWorkerRequest = { type: "start"; input: GenerateWorkerInput } | { type: "ack" };

/** Messages from the worker. */
export type GenerateWorkerMessage =
  | {
      type: "batch";
      /** COPY text (UTF-8) per table; empty where the batch has no rows of that table. */
      tables: Record<TableName, Uint8Array>;
      rows: Record<TableName, number>;
      families: number;
      persons: number;
      /** Wall time spent generating and encoding this batch, and this thread's CPU time in it (null off Linux). */
      ms: number;
      cpuMs: number | null;
    }
  | { type: "done"; summary: BulkSummary };

const TABLES = Object.keys(COLUMNS) as TableName[];

async function run(port: NonNullable<typeof parentPort>, input: GenerateWorkerInput): Promise<void> {
  let credits = input.inFlight;
  let wake: (() => void) | null = null;
  const onAck = (request: GenerateWorkerRequest) => {
    if (request.type !== "ack") return;
    credits++;
    wake?.();
  };
  port.on("message", onAck);
  const generator = new BulkGenerator(input.generator, seedDocumentStatus);
  while (!generator.isDone) {
    const started = performance.now();
    const cpuStarted = threadCpuMs();
    const buffers = Object.fromEntries(TABLES.map((t) => [t, new CopyBuffer()])) as Record<TableName, CopyBuffer>;
    const batch = generator.nextBatch(input.batchPersons, buffers);
    const tables = {} as Record<TableName, Uint8Array>;
    const rows = {} as Record<TableName, number>;
    for (const t of TABLES) {
      tables[t] = buffers[t].bytes();
      rows[t] = buffers[t].lines;
    }
    const ms = performance.now() - started;
    const cpuEnded = threadCpuMs();
    const cpuMs = cpuStarted === null || cpuEnded === null ? null : cpuEnded - cpuStarted;
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credits--;
    const message: GenerateWorkerMessage = {
      type: "batch",
      tables,
      rows,
      families: batch.families,
      persons: batch.persons,
      ms,
      cpuMs,
    };
    port.postMessage(
      message,
      TABLES.map((t) => tables[t].buffer as ArrayBuffer),
    );
  }
  port.postMessage({ type: "done", summary: generator.summary() } satisfies GenerateWorkerMessage);
  port.off("message", onAck);
}

const port = parentPort;
port?.once("message", (request: GenerateWorkerRequest) => {
  if (request.type !== "start") throw new Error(`generator worker: expected start, got ${request.type}`);
  // A failure is an unhandled rejection, which ends the worker with an "error" event in the main thread.
  void run(port, request.input);
});
