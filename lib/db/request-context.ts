import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "@/lib/domain/client-address";

export type RequestContext = { ip: string | null; requestId: string | null };

/**
 * Client address and request id of the current request, for audit entries and throttling. The address
 * is the one scripts/serve.ts resolved from the connection (lib/domain/client-address.ts). Outside a
 * request (scripts, tests) there are no headers, and both are null.
 */
export async function requestContext(): Promise<RequestContext> {
  try {
    const list = await headers();
    return {
      ip: normaliseAddress(list.get(CLIENT_ADDRESS_HEADER)),
      requestId: list.get("x-request-id"),
    };
  } catch {
    return { ip: null, requestId: null };
  }
}
