import "server-only";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { auditForbidden } from "@/lib/db/audit";
import type { SessionUser } from "@/lib/db/users/load-session-user";
import { AppError, forbiddenError, INVALID_INPUT } from "@/lib/domain/app-error";
import { can, type Permission } from "@/lib/domain/permissions";
import { addressedHost, isCrossSiteRequest } from "@/lib/domain/request-origin";
import { errorTranslator } from "@/lib/i18n/error-message";
import { logUnexpected } from "@/lib/log";

type Translation = Awaited<ReturnType<typeof errorTranslator>>;

export type RouteContext<P, Q> = {
  request: Request;
  user: SessionUser;
  /** The route's path segments, parsed. */
  params: P;
  /** The query string, parsed. */
  query: Q;
};

type RouteDefinition<P extends z.ZodType, Q extends z.ZodType> = {
  /** What the caller must be allowed to do at all; finer checks happen in lib/db against the row. */
  permission: Permission;
  /** The path segments; a value that does not parse is an unknown record (404). */
  params?: P;
  /** The query string as an object of strings; a value that does not parse is a 400 with field messages. */
  query?: Q;
  handler: (context: RouteContext<z.infer<P>, z.infer<Q>>) => Promise<Response>;
  /**
   * How refusals are written: JSON for a caller that reads them (the default), plain text for a route a
   * person opens by a link (a download), whose browser shows the answer as it is.
   */
  refusals?: "json" | "text";
};

/** Every route answer carries personal data or is about it: never cached, never sniffed, traceable. */
function secured(response: Response, requestId: string | null): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "private, no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  if (requestId) headers.set("X-Request-Id", requestId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

type Refusal = (status: number, message: string, fieldErrors?: Record<string, string>) => Response;

/** A refusal as JSON, in the interface language: `{ ok: false, message, fieldErrors? }`. */
const jsonRefusal: Refusal = (status, message, fieldErrors) =>
  Response.json({ ok: false, message, ...(fieldErrors && { fieldErrors }) }, { status });

/**
 * A refusal as plain text, in the interface language: each field's message on a line, else the message
 * (with no form, "correct the highlighted fields" would point at nothing).
 */
const textRefusal: Refusal = (status, message, fieldErrors) => {
  const lines = Object.values(fieldErrors ?? {});
  return new Response((lines.length > 0 ? lines : [message]).join("\n"), {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};

/** A request that changes something must come from this site: cookies alone do not authorize. */
function isCrossSite(request: Request): boolean {
  const header = (name: string) => request.headers.get(name);
  return isCrossSiteRequest({
    method: request.method,
    origin: header("origin"),
    host: addressedHost(header("x-forwarded-host"), header("host")),
    secFetchSite: header("sec-fetch-site"),
    contentType: header("content-type"),
    hasNextAction: header("next-action") !== null,
  });
}

/** Zod issues as messages per field (the first issue of each field wins). */
function fieldMessages(error: z.ZodError, text: Translation["text"]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) messages[issue.path.join(".") || "form"] ??= text(issue.message);
  return messages;
}

/**
 * The single wrapper every staff route handler goes through, the twin of defineAction: same origin for
 * changes (403) → session (401) → permission (404, like a record outside the scope) → path segments
 * (404) and query (400) parsed with zod → the handler, whose lib/db calls authorize against the row and
 * audit → an AppError becomes its status with the translated message, anything else a logged 500
 * under the proxy's request id. Every answer is `private, no-store` and carries `X-Request-Id`.
 */
export function defineRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  definition: RouteDefinition<P, Q>,
) {
  return async (request: Request, segment?: { params?: Promise<unknown> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id");
    const { text, translate } = await errorTranslator();
    const refusal = definition.refusals === "text" ? textRefusal : jsonRefusal;
    const answer = async (): Promise<Response> => {
      // proxy.ts refuses these already; the wrapper does not rely on it.
      if (isCrossSite(request)) return refusal(403, text("errors.foreignOrigin"));
      let user: SessionUser | null = null;
      try {
        user = await currentUser();
        if (!user) return refusal(401, text("errors.signedOut"));
        if (!can(user, definition.permission)) throw forbiddenError(definition.permission);
        // A route without dynamic segments gets no params at all.
        const params = (definition.params ?? z.unknown()).safeParse((await segment?.params) ?? {});
        if (!params.success) return refusal(404, text("errors.notFound"));
        const query = (definition.query ?? z.unknown()).safeParse(
          Object.fromEntries(new URL(request.url).searchParams),
        );
        if (!query.success) return refusal(400, text(INVALID_INPUT), fieldMessages(query.error, text));
        return await definition.handler({
          request,
          user,
          params: params.data as z.infer<P>,
          query: query.data as z.infer<Q>,
        });
      } catch (error) {
        if (user) await auditForbidden(user, error, new URL(request.url).pathname);
        if (error instanceof AppError) {
          const { message, fieldErrors } = translate(error, { forForm: false });
          return refusal(error.status, message, fieldErrors);
        }
        return refusal(500, text("errors.unexpected", { requestId: logUnexpected("route", requestId, error) }));
      }
    };
    return secured(await answer(), requestId);
  };
}
