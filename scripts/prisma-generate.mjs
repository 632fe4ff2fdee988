// Generates the Prisma client offline. `prisma generate` does not use the schema engine, but the CLI
// tries to download it unless PRISMA_SCHEMA_ENGINE_BINARY names an executable, and that download is
// impossible here (docs/migrations.md). A stub executable satisfies the check.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const stubDir = path.resolve("node_modules/.cache/nurly-kosh");
const stub = path.join(stubDir, "engine-stub");
mkdirSync(stubDir, { recursive: true });
writeFileSync(stub, "#!/bin/sh\nexit 0\n");
chmodSync(stub, 0o755);

execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    PRISMA_QUERY_ENGINE_LIBRARY: stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
