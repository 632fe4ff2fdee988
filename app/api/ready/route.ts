// Readiness of this app server for a load balancer or an orchestrator: 200 only when the database
// answers and every migration this code ships is applied (a server started during another's migration
// waits out of rotation). /api/health stays the cheap liveness check that never touches the database.
import { checkReadiness } from "@/lib/db/observability";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (readiness.isReady) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "unavailable", reason: readiness.reason }, { status: 503, headers });
}
