// The app's HTTP server: Next.js's own request handler behind a Node server of ours, for what only the
// server around the app can do:
// - The client address. Only here is the TCP connection's address known. Next.js writes it into
//   X-Forwarded-For only when a request has none, so a client that sends the header chooses its own
//   address for the login throttle and the public lookup's limits. This server resolves the client
//   address for every request (lib/domain/client-address.ts, TRUSTED_PROXY_HOPS) and hands it to the
//   app in its own header, overwriting any a client sent (docs/decisions/017).
// - The request's id and log line. Every request gets an id here (replacing any a client sent), which
//   the app's audit rows and error messages carry; when the answer is finished one JSON line names the
//   id, method, route pattern, status, duration and the acting user's id, and the request histogram of
//   /api/metrics counts it (docs/decisions/020).
// - Graceful shutdown: on SIGTERM or SIGINT the requests in flight finish before the process exits.
//
// Usage: tsx scripts/serve.ts <start|dev> [-p port] [-H hostname]   (run by scripts/launch.ts and the bench)
// Environment: PORT, TRUSTED_PROXY_HOPS (0), LOG_LEVEL (info).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../lib/domain/client-address";
import { methodLabel, REQUEST_ID_HEADER, requestLogLine, statusClass } from "../lib/domain/request-log";
import { createRouteMatcher } from "../lib/domain/route-pattern";
import { databasePool } from "../lib/db/database-pool";
import { shutDownOnSignals } from "../lib/observability/graceful-shutdown";
import { installLogger, logLevelSchema } from "../lib/observability/logger";
import { metrics } from "../lib/observability/metrics";
import { runInRequestScope, type RequestScope } from "../lib/observability/request-scope";
import { appRoutePatterns } from "../lib/observability/app-routes";
import { ROOT } from "./lib/prisma6";

// Below the launcher's forced stop (scripts/launch.ts), so a stop never cuts a request it could finish.
const SHUTDOWN_GRACE_MS = 25_000;

const args = process.argv.slice(2);
const mode = args[0] === "dev" ? "dev" : "start";
const option = (flag: string) => {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
};
const blankAsUnset = (value: string | undefined) => (value === "" ? undefined : value);
const port = z.coerce
  .number()
  .int()
  .min(1)
  .max(65_535)
  .parse(option("-p") ?? process.env.PORT ?? 3000);
const hostname = option("-H");
const trustedHops = z.coerce
  .number()
  .int()
  .min(0)
  .max(10)
  .parse(blankAsUnset(process.env.TRUSTED_PROXY_HOPS) ?? 0);
const logLevel = logLevelSchema.parse(blankAsUnset(process.env.LOG_LEVEL) ?? "info");

// Development reads the lines in a terminal; production hands JSON lines to the log collector.
const log = installLogger({
  level: logLevel,
  stream:
    mode === "dev"
      ? (await import("pino-pretty")).default({
          colorize: true,
          singleLine: true,
          translateTime: "SYS:HH:MM:ss.l",
          ignore: "pid",
        })
      : undefined,
});

const app = next({ dev: mode === "dev", dir: ROOT, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const routeOf = createRouteMatcher(appRoutePatterns(ROOT, mode));
const { httpDuration } = metrics();

const server = createServer((request, response) => {
  const started = process.hrtime.bigint();
  const scope: RequestScope = { requestId: randomUUID(), userId: null };
  request.headers[REQUEST_ID_HEADER] = scope.requestId;
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedHops,
  });
  response.setHeader("X-Request-Id", scope.requestId);
  response.once("close", () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const line = requestLogLine({
      ...scope,
      method: request.method,
      url: request.url,
      status: response.statusCode,
      durationMs,
      routeOf,
    });
    httpDuration.observe(
      { route: line.route, method: methodLabel(request.method), status_class: statusClass(line.status) },
      durationMs / 1000,
    );
    // A connection that closed before the whole answer was sent: the status is what was meant to be sent.
    const aborted = response.writableFinished ? {} : { aborted: true };
    if (line.status >= 500) log.error({ ...line, ...aborted }, "request");
    else log.info({ ...line, ...aborted }, "request");
  });
  runInRequestScope(scope, () => void handle(request, response));
});
// Hot reload in development talks over a WebSocket upgrade of this same server.
if (mode === "dev") {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
}
shutDownOnSignals({
  server,
  timeoutMs: SHUTDOWN_GRACE_MS,
  cleanUp: async () => {
    await databasePool()?.end();
  },
  log: (event) => {
    if ("signal" in event) log.info({ signal: event.signal }, "stopping: finishing the requests in flight");
    else if (event.stage === "drained") log.info({ ...event }, "stopped");
    else log.error({ err: event.error }, "stopping failed");
  },
});
server.listen(port, hostname, () => {
  console.log(
    `[serve] ${mode === "dev" ? "development" : "production"} server on port ${port}, ${trustedHops} trusted proxies`,
  );
});
