// Prometheus metrics of this app server (docs/operations.md lists them). Only a scraper on this machine
// or one holding METRICS_TOKEN reads them; anyone else gets a bare 404, as for a path that does not
// exist, so the route does not advertise itself or invite guessing the token (decision 020).
import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "@/lib/domain/client-address";
import { mayReadMetrics } from "@/lib/domain/metrics-access";
import { updateDatabaseGauges } from "@/lib/db/observability";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { isSameSecret } from "@/lib/observability/same-secret";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const isAllowed = mayReadMetrics({
    clientAddress: normaliseAddress(request.headers.get(CLIENT_ADDRESS_HEADER)),
    authorization: request.headers.get("authorization"),
    token: env().METRICS_TOKEN,
    isSameSecret,
  });
  if (!isAllowed) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  await updateDatabaseGauges();
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
