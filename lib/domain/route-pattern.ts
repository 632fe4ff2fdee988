/**
 * The route pattern of a request path (`/families/[id]`, never `/families/1234?q=…`), for the request
 * log and the request metrics: a raw path or query string can carry a name or an IIN, and one label per
 * distinct URL would grow the metrics without bound. The patterns are the app's own routes as Next.js
 * lists them (`.next/app-path-routes-manifest.json` in production, the `app/` folder in development).
 */

/** The pattern of Next's build files and assets, which are many and never personal. */
export const STATIC_ASSETS = "/_next/static";
/** Any other `/_next/…` path (image optimisation, development-only endpoints). */
export const NEXT_INTERNAL = "/_next";
/** A path that matches no route of the app (its answer is the not-found page or a redirect). */
export const UNMATCHED = "unmatched";

type Segment = { kind: "static"; value: string } | { kind: "dynamic" } | { kind: "catchAll"; isOptional: boolean };

type CompiledRoute = { pattern: string; segments: Segment[] };

/**
 * The URL pattern of an app-router file path as Next names it (`/(staff)/families/[id]/page` →
 * `/families/[id]`): route groups and parallel-route slots are not part of the URL, and the last
 * segment (`page`, `route`) is the file. Returns null for a path that is not a page or route.
 */
export function patternFromAppPath(appPath: string): string | null {
  const parts = appPath.split("/").filter(Boolean);
  const file = parts.pop();
  if (file !== "page" && file !== "route") return null;
  const kept = parts.filter((part) => !/^\(.*\)$/.test(part) && !part.startsWith("@"));
  return `/${kept.join("/")}`;
}

function compile(pattern: string): CompiledRoute {
  const segments = pattern
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      if (/^\[\[\.\.\..+\]\]$/.test(part)) return { kind: "catchAll", isOptional: true };
      if (/^\[\.\.\..+\]$/.test(part)) return { kind: "catchAll", isOptional: false };
      if (/^\[.+\]$/.test(part)) return { kind: "dynamic" };
      return { kind: "static", value: part };
    });
  return { pattern, segments };
}

/** Next's precedence: a static segment before a dynamic one, a dynamic one before a catch-all. */
const RANK: Record<Segment["kind"], number> = { static: 0, dynamic: 1, catchAll: 2 };

function compareRoutes(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index++) {
    const left = a.segments[index];
    const right = b.segments[index];
    if (!left || !right) return left ? -1 : 1;
    const difference = RANK[left.kind] - RANK[right.kind];
    if (difference !== 0) return difference;
  }
  return 0;
}

function matches(route: CompiledRoute, parts: string[]): boolean {
  for (const [index, segment] of route.segments.entries()) {
    if (segment.kind === "catchAll") return segment.isOptional || parts.length > index;
    const part = parts[index];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.value !== part) return false;
  }
  return parts.length === route.segments.length;
}

/**
 * A matcher from the app's route patterns to the pattern of a request's URL (path and query alike; only
 * the path is looked at). Build files are grouped under STATIC_ASSETS, other `/_next/…` paths under
 * NEXT_INTERNAL, and a path that no route serves is UNMATCHED.
 */
export function createRouteMatcher(patterns: Iterable<string>): (url: string) => string {
  const routes = [...new Set(patterns)].map(compile).sort(compareRoutes);
  return (url) => {
    const path = url.split(/[?#]/, 1)[0] ?? "";
    if (path === STATIC_ASSETS || path.startsWith(`${STATIC_ASSETS}/`)) return STATIC_ASSETS;
    if (path === NEXT_INTERNAL || path.startsWith(`${NEXT_INTERNAL}/`)) return NEXT_INTERNAL;
    let parts: string[];
    try {
      parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      return UNMATCHED;
    }
    return routes.find((route) => matches(route, parts))?.pattern ?? UNMATCHED;
  };
}
