// Whether .next holds a production build of the current sources, for `npm start` and `npm run bench`.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./prisma6";

// Everything whose change can change the build; a full `next build` costs ~15 s, this walk milliseconds.
const BUILD_INPUT_DIRS = ["app", "components", "lib", "messages", "public", "types"];
const BUILD_INPUT_FILE =
  /^(next\.config\.\w+|postcss\.config\.\w+|proxy\.ts|middleware\.ts|package(-lock)?\.json|tsconfig\.json)$/;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const dirs = BUILD_INPUT_DIRS.map((dir) => path.join(ROOT, dir)).filter((dir) => existsSync(dir));
  const files = readdirSync(ROOT).filter((name) => BUILD_INPUT_FILE.test(name));
  const newest = Math.max(0, ...dirs.map(newestMtime), ...files.map((name) => statSync(path.join(ROOT, name)).mtimeMs));
  return newest <= built;
}
