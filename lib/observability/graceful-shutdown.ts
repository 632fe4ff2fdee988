// Stopping an HTTP server without cutting off the people using it: a deploy or a restart sends SIGTERM,
// and a caseworker's save that is in flight at that moment must still be answered. No "server-only":
// scripts/serve.ts uses it outside Next.js.
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export type Drain = {
  /** Whether every request in flight finished before the deadline (false: the rest were cut off). */
  isDrained: boolean;
  /** Requests still running when the deadline cut them off. */
  cutOff: number;
};

/**
 * Tracks the server's requests so that `drain` can wait for them. Call once per server, before it
 * answers its first request (shutDownOnSignals does).
 */
export function trackRequests(server: Server): { drain: (timeoutMs: number) => Promise<Drain> } {
  const inFlight = new Set<ServerResponse>();
  let isDraining = false;

  server.on("request", (_request: IncomingMessage, response: ServerResponse) => {
    inFlight.add(response);
    // A request that reached a kept-alive connection while the server drains is answered, then its
    // connection closes instead of waiting for another.
    if (isDraining && !response.headersSent) response.setHeader("Connection", "close");
    response.once("close", () => {
      inFlight.delete(response);
      if (isDraining) server.closeIdleConnections();
    });
  });

  /**
   * Stops accepting connections, closes the idle kept-alive ones, lets the requests in flight finish
   * (each one's connection closes once it is answered) and resolves when none is left; after
   * `timeoutMs` the remaining connections are cut.
   */
  function drain(timeoutMs: number): Promise<Drain> {
    isDraining = true;
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader("Connection", "close");
    }
    return new Promise((resolve) => {
      const deadline = setTimeout(() => {
        const cutOff = inFlight.size;
        server.closeAllConnections();
        resolve({ isDrained: false, cutOff });
      }, timeoutMs);
      deadline.unref();
      server.close(() => {
        clearTimeout(deadline);
        resolve({ isDrained: true, cutOff: 0 });
      });
      server.closeIdleConnections();
    });
  }

  return { drain };
}

type SignalSource = { on(signal: NodeJS.Signals, listener: () => void): unknown };

/**
 * On SIGTERM or SIGINT (once, however many arrive): drains the server within `timeoutMs`, then runs
 * `cleanUp` (closing the database pool) and exits 0; a clean-up that fails exits 1. A terminal's
 * Ctrl-C reaches both this server and its launcher, which then sends SIGTERM too.
 */
export function shutDownOnSignals(options: {
  server: Server;
  timeoutMs: number;
  cleanUp: () => Promise<void>;
  log: (
    event: { signal: NodeJS.Signals } | ({ stage: "drained" } & Drain) | { stage: "failed"; error: unknown },
  ) => void;
  signals?: SignalSource;
  exit?: (code: number) => void;
}): void {
  const { drain } = trackRequests(options.server);
  const signals = options.signals ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let isStopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    options.log({ signal });
    try {
      options.log({ stage: "drained", ...(await drain(options.timeoutMs)) });
      await options.cleanUp();
      exit(0);
    } catch (error) {
      options.log({ stage: "failed", error });
      exit(1);
    }
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) signals.on(signal, () => void stop(signal));
}
