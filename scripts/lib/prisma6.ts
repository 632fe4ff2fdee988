// Runs `prisma migrate diff` of the Prisma 6 CLI offline: its WebAssembly schema engine over PGlite
// needs no download, unlike Prisma 7's native engine (docs/migrations.md).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(ROOT, "node_modules/prisma6/build/index.js");
// Written by scripts/prisma-generate.mjs (postinstall); the CLI only checks that the engines exist.
const ENGINE_STUB = path.join(ROOT, "node_modules/.cache/nurly-kosh/engine-stub");
const CONFIG = {
  /** Schema engine over an empty in-memory PGlite: enough for datamodel-to-datamodel diffs. */
  plain: path.join(ROOT, "prisma/tooling/prisma6.config.ts"),
  /** Also replays migrations into a PGlite shadow database, for --from-migrations. */
  shadow: path.join(ROOT, "scripts/lib/prisma6-shadow.config.ts"),
};

/**
 * SQL that takes the `from` state to the current prisma/schema.prisma.
 * `from: "empty"` gives the full CREATE script; `from: "migrations"` what prisma/migrations lacks.
 */
export async function diffToSchema(
  from: "empty" | "migrations",
  schemaPath = path.join(ROOT, "prisma/schema.prisma"),
): Promise<string> {
  // Prisma 6 insists on a datasource url, which Prisma 7 schemas no longer carry.
  const dir = mkdtempSync(path.join(tmpdir(), "nk-prisma6-"));
  const schema6 = path.join(dir, "schema.prisma");
  writeFileSync(
    schema6,
    readFileSync(schemaPath, "utf8").replace(/provider\s*=\s*"postgresql"/, '$&\n  url      = env("DATABASE_URL")'),
  );
  const fromArgs = from === "empty" ? ["--from-empty"] : ["--from-migrations", path.join(ROOT, "prisma/migrations")];
  const args = [
    CLI,
    "migrate",
    "diff",
    "--config",
    from === "empty" ? CONFIG.plain : CONFIG.shadow,
    ...fromArgs,
    "--to-schema-datamodel",
    schema6,
    "--script",
  ];
  try {
    return await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        args,
        {
          cwd: ROOT,
          maxBuffer: 64 * 1024 * 1024,
          env: {
            ...process.env,
            DATABASE_URL: "postgresql://offline@localhost/unused",
            PRISMA_SCHEMA_ENGINE_BINARY: ENGINE_STUB,
            PRISMA_QUERY_ENGINE_LIBRARY: ENGINE_STUB,
            PRISMA_HIDE_UPDATE_MESSAGE: "1",
            CHECKPOINT_DISABLE: "1",
          },
        },
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`prisma migrate diff failed:\n${stderr || stdout || error.message}`))
            : resolve(stdout),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
