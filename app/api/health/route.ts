// Liveness of one app server for a load balancer: answers without touching the database, so a slow
// database does not take every instance out of rotation at once. The benchmark's baseline A (the cost
// of a request through Next.js and the proxy with no work behind it) is this route.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
