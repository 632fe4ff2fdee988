import { describe, expect, it } from "vitest";
import {
  createRouteMatcher,
  NEXT_INTERNAL,
  patternFromAppPath,
  STATIC_ASSETS,
  UNMATCHED,
} from "@/lib/domain/route-pattern";

describe("patternFromAppPath", () => {
  it("drops route groups, parallel slots and the file name", () => {
    expect(patternFromAppPath("/(staff)/families/[id]/page")).toBe("/families/[id]");
    expect(patternFromAppPath("/(staff)/page")).toBe("/");
    expect(patternFromAppPath("/api/auth/[...nextauth]/route")).toBe("/api/auth/[...nextauth]");
    expect(patternFromAppPath("/(staff)/@modal/families/[id]/page")).toBe("/families/[id]");
  });

  it("ignores files that are not pages or routes", () => {
    expect(patternFromAppPath("/(staff)/layout")).toBeNull();
    expect(patternFromAppPath("/_not-found/not-found")).toBeNull();
  });
});

describe("createRouteMatcher", () => {
  const match = createRouteMatcher([
    "/",
    "/families",
    "/families/[id]",
    "/families/new",
    "/families/[id]/files/[fileId]",
    "/api/auth/[...nextauth]",
    "/docs/[[...slug]]",
    "/status",
  ]);

  it("names the pattern, never the identifiers or the query of the URL", () => {
    expect(match("/families/1234")).toBe("/families/[id]");
    expect(match("/families/1234/files/99?download=1")).toBe("/families/[id]/files/[fileId]");
    expect(match("/families?q=%D0%95%D1%80%D0%BB%D0%B0%D0%BD&iin=880101300123")).toBe("/families");
    expect(match("/")).toBe("/");
  });

  it("prefers a static segment over a dynamic one, whatever the order of the list", () => {
    expect(match("/families/new")).toBe("/families/new");
    expect(createRouteMatcher(["/families/[id]", "/families/new"])("/families/new")).toBe("/families/new");
  });

  it("matches catch-all segments, the optional one also without a segment", () => {
    expect(match("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(match("/api/auth")).toBe(UNMATCHED);
    expect(match("/docs")).toBe("/docs/[[...slug]]");
    expect(match("/docs/a/b")).toBe("/docs/[[...slug]]");
  });

  it("accepts a trailing slash and encoded segments", () => {
    expect(match("/status/")).toBe("/status");
    expect(match("/families/%D0%B0")).toBe("/families/[id]");
  });

  it("groups build files and other Next.js paths, and names unknown paths unmatched", () => {
    expect(match("/_next/static/chunks/app-123.js")).toBe(STATIC_ASSETS);
    expect(match("/_next/image?url=%2Fa.png")).toBe(NEXT_INTERNAL);
    expect(match("/families/1/unknown")).toBe(UNMATCHED);
    expect(match("/families/%E0%A4%A")).toBe(UNMATCHED);
    expect(match("/wp-login.php")).toBe(UNMATCHED);
  });
});
