import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { appRoutePatterns } from "@/lib/observability/app-routes";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), "nk-app-routes-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("appRoutePatterns", () => {
  it("in development lists this app's pages and route handlers as URL patterns", () => {
    const patterns = appRoutePatterns(ROOT, "dev");
    for (const pattern of ["/", "/families", "/families/[id]", "/status", "/api/metrics", "/api/ready"]) {
      expect(patterns).toContain(pattern);
    }
    expect(patterns).toContain("/api/auth/[...nextauth]");
    expect(patterns.some((pattern) => pattern.includes("(") || pattern.endsWith("/page"))).toBe(false);
  });

  it("in production reads the routes the build compiled, not the folder", () => {
    mkdirSync(path.join(scratch, ".next"));
    mkdirSync(path.join(scratch, "app", "only-in-sources"), { recursive: true });
    writeFileSync(path.join(scratch, "app", "only-in-sources", "page.tsx"), "");
    writeFileSync(
      path.join(scratch, ".next", "app-path-routes-manifest.json"),
      JSON.stringify({ "/(staff)/families/[id]/page": "/families/[id]", "/status/route": "/status" }),
    );
    expect(appRoutePatterns(scratch, "start")).toEqual(["/families/[id]", "/status"]);
    expect(appRoutePatterns(scratch, "dev")).toEqual(["/only-in-sources"]);
  });
});
