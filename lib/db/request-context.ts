import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIpFromForwardedFor } from "@/lib/domain/login-throttle";

export type RequestContext = { ip: string | null; requestId: string | null };

/**
 * Client address and request id of the current request, for audit entries and throttling. Outside a
 * request (scripts, tests) there are no headers, and both are null.
 */
export async function requestContext(): Promise<RequestContext> {
  try {
    const list = await headers();
    return {
      ip: clientIpFromForwardedFor(list.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS),
      requestId: list.get("x-request-id"),
    };
  } catch {
    return { ip: null, requestId: null };
  }
}
