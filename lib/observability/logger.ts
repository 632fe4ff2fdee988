// The process's logger (pino), shared by scripts/serve.ts and the app that Next.js bundles: both reach
// it through globalThis, so there is one logger, one level and one output however often the bundle
// includes this module. No "server-only": serve.ts imports it outside Next.js.
import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";

export const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
export type LogLevel = z.infer<typeof logLevelSchema>;

const KEY = Symbol.for("nurly-kosh.logger");
const holder = globalThis as { [KEY]?: Logger };

/**
 * Installs the process's logger: JSON lines on stdout, or `stream` (pino-pretty in development).
 * Secrets that could reach a logged object by mistake are censored.
 */
export function installLogger(options: { level: LogLevel; stream?: DestinationStream }): Logger {
  const created = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ["*.authorization", "*.cookie", "*.password", "*.iin", "headers", "body"],
        censor: "[redacted]",
      },
    },
    options.stream,
  );
  holder[KEY] = created;
  return created;
}

/** The installed logger; outside scripts/serve.ts (scripts, tests) a JSON logger at level info. */
export function logger(): Logger {
  return holder[KEY] ?? installLogger({ level: "info" });
}
