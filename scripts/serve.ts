// The app's HTTP server: Next.js's own request handler behind a Node server of ours, for one reason —
// only here is the TCP connection's address known. Next.js writes it into X-Forwarded-For only when a
// request has none, so a client that sends the header chooses its own address for the login throttle
// and the public lookup's limits. This server resolves the client address for every request
// (lib/domain/client-address.ts, TRUSTED_PROXY_HOPS) and hands it to the app in its own header,
// overwriting any a client sent (docs/decisions/017).
//
// Usage: tsx scripts/serve.ts <start|dev> [-p port] [-H hostname]   (run by scripts/launch.ts and the bench)
import { createServer } from "node:http";
import next from "next";
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../lib/domain/client-address";
import { ROOT } from "./lib/prisma6";

const args = process.argv.slice(2);
const mode = args[0] === "dev" ? "dev" : "start";
const option = (flag: string) => {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
};
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
  .parse(
    process.env.TRUSTED_PROXY_HOPS === undefined || process.env.TRUSTED_PROXY_HOPS === ""
      ? 0
      : process.env.TRUSTED_PROXY_HOPS,
  );

const app = next({ dev: mode === "dev", dir: ROOT, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedHops,
  });
  void handle(request, response);
});
// Hot reload in development talks over a WebSocket upgrade of this same server.
if (mode === "dev") {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
}
server.listen(port, hostname, () => {
  console.log(
    `[serve] ${mode === "dev" ? "development" : "production"} server on port ${port}, ${trustedHops} trusted proxies`,
  );
});
