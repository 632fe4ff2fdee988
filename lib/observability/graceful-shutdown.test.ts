import { EventEmitter } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { shutDownOnSignals, trackRequests } from "@/lib/observability/graceful-shutdown";

/** A server whose `/slow` answers only when the test releases it; anything else answers at once. */
async function slowServer() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered: () => void = () => undefined;
  const slowEntered = new Promise<void>((resolve) => (entered = resolve));
  const server = createServer((request, response) => {
    if (request.url === "/slow") {
      entered();
      void released.then(() => response.end("slow done"));
    } else {
      response.end("quick");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, release, slowEntered };
}

function get(port: number, path: string, agent?: import("node:http").Agent) {
  return new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, agent }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

describe("graceful shutdown", () => {
  it("on SIGTERM finishes the request in flight with 200, refuses new connections, cleans up and exits 0", async () => {
    const { server, port, release, slowEntered } = await slowServer();
    servers.push(server);
    const signals = new EventEmitter();
    const events: string[] = [];
    let exitCode: number | undefined;
    const exited = new Promise<void>((resolve) => {
      shutDownOnSignals({
        server,
        timeoutMs: 60_000,
        signals,
        log: (event) => events.push("signal" in event ? event.signal : event.stage),
        cleanUp: async () => {
          events.push("cleanUp");
        },
        exit: (code) => {
          exitCode = code;
          resolve();
        },
      });
    });

    const inFlight = get(port, "/slow");
    await slowEntered;
    signals.emit("SIGTERM");
    signals.emit("SIGINT");

    await expect(get(port, "/quick")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(exitCode).toBeUndefined();
    release();
    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 200, body: "slow done", connection: "close" });
    await exited;
    expect(exitCode).toBe(0);
    expect(events).toEqual(["SIGTERM", "drained", "cleanUp"]);
  });

  it("does not wait for idle kept-alive connections", async () => {
    const { server, port } = await slowServer();
    servers.push(server);
    const { drain } = trackRequests(server);
    const agent = new (await import("node:http")).Agent({ keepAlive: true });
    expect((await get(port, "/quick", agent)).status).toBe(200);
    await expect(drain(60_000)).resolves.toEqual({ isDrained: true, cutOff: 0 });
    agent.destroy();
  });

  it("cuts off a request still running at the deadline", async () => {
    const { server, port, slowEntered } = await slowServer();
    servers.push(server);
    const { drain } = trackRequests(server);
    const inFlight = get(port, "/slow");
    await slowEntered;
    await expect(drain(50)).resolves.toEqual({ isDrained: false, cutOff: 1 });
    await expect(inFlight).rejects.toMatchObject({ code: "ECONNRESET" });
  });
});
