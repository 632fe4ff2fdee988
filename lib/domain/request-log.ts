/**
 * The one log line scripts/serve.ts writes per request, when its answer is finished. It names the
 * route's pattern, never the URL: a path holds record ids and a query string can hold a searched name or
 * IIN. Nothing of the headers or the body is logged; the acting user is their numeric id.
 */
/** The request header carrying the id scripts/serve.ts gave the request (audit rows and error messages show it). */
export const REQUEST_ID_HEADER = "x-request-id";

/** Whether a header value is a request id as scripts/serve.ts makes them (a UUID), not free text. */
export function isRequestId(value: string | null | undefined): value is string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value ?? "");
}

export type RequestLogLine = {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  /** The signed-in staff user the app served, when there was one. */
  userId?: number;
};

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The request method, or OTHER for anything else a client can invent (labels must stay few). */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? "").toUpperCase();
  return METHODS.has(upper) ? upper : "OTHER";
}

/** The status class of the metrics' labels: 2xx, 3xx, 4xx, 5xx (1xx and nonsense count as their digit). */
export function statusClass(status: number): string {
  const digit = Math.trunc(status / 100);
  return digit >= 1 && digit <= 5 ? `${digit}xx` : "other";
}

/** The fields of a request's log line, from what serve.ts knows when the response finished. */
export function requestLogLine(request: {
  requestId: string;
  method: string | undefined;
  url: string | undefined;
  status: number;
  durationMs: number;
  userId: number | null;
  routeOf: (url: string) => string;
}): RequestLogLine {
  return {
    requestId: request.requestId,
    method: methodLabel(request.method),
    route: request.routeOf(request.url ?? "/"),
    status: request.status,
    durationMs: Math.round(request.durationMs * 10) / 10,
    ...(request.userId !== null && { userId: request.userId }),
  };
}
