// The app's route patterns for scripts/serve.ts's request log and metrics (lib/domain/route-pattern.ts):
// in production the routes `next build` compiled (.next/app-path-routes-manifest.json), in development,
// where routes compile on first request, the page and route files of app/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { patternFromAppPath } from "@/lib/domain/route-pattern";

const ROUTE_FILE = /^(page|route)\.(tsx?|jsx?|mdx?)$/;

/** App-router paths as Next names them (`/(staff)/families/[id]/page`), from the app folder's files. */
function appPaths(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return appPaths(path.join(dir, entry.name), `${prefix}/${entry.name}`);
    const match = ROUTE_FILE.exec(entry.name);
    return match ? [`${prefix}/${match[1]}`] : [];
  });
}

/** The URL patterns of every page and route handler of the app in `root`. */
export function appRoutePatterns(root: string, mode: "start" | "dev"): string[] {
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  if (mode === "start" && existsSync(manifest)) {
    return Object.values(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>);
  }
  return appPaths(path.join(root, "app")).flatMap((appPath) => patternFromAppPath(appPath) ?? []);
}
