// One generated database per size under bench/.data/<persons>, made once by `npm run db:generate`
// (demo seed + N synthetic persons) and reused by later runs; --regenerate makes it again.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../scripts/lib/embedded-postgres";
import { migrate } from "../scripts/lib/migrate";
import { ROOT } from "../scripts/lib/prisma6";
import { bin, runToEnd } from "../scripts/lib/run-child";

const MARKER = "generated.json";
/** Raised when db:generate writes new kinds of rows (2: staff activity in the audit log), so older datasets are made again. */
const GENERATOR_VERSION = 2;

const dataDirOf = (persons: number) => path.join(ROOT, "bench", ".data", String(persons));

function runGenerator(persons: number, dataDir: string, pgPort: number): Promise<void> {
  return runToEnd(
    process.execPath,
    [bin("tsx", "dist/cli.mjs"), "scripts/generate-data.ts", "--persons", String(persons)],
    {
      ...process.env,
      DATABASE_URL: "",
      NK_DATA_DIR: dataDir,
      NK_PG_PORT: String(pgPort),
    },
  );
}

/** Starts the database of `persons` generated persons, generating it first when it is missing. */
export async function openDataset(
  persons: number,
  options: { regenerate: boolean; log: (line: string) => void },
): Promise<RunningPostgres> {
  const dataDir = dataDirOf(persons);
  const marker = path.join(dataDir, MARKER);
  const made = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, "utf8")) as { persons: number; generator?: number })
    : null;
  const current = made?.persons === persons && made.generator === GENERATOR_VERSION;
  if (options.regenerate || !current) {
    rmSync(dataDir, { recursive: true, force: true });
    options.log(`generating ${persons} persons into ${path.relative(ROOT, dataDir)} (npm run db:generate)…`);
    await runGenerator(persons, dataDir, await findFreePort(54340));
    writeFileSync(
      marker,
      `${JSON.stringify({ persons, generator: GENERATOR_VERSION, generatedAt: new Date().toISOString() })}\n`,
    );
  }
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: await findFreePort(54340),
    database: "nurly_kosh",
    log: (line) => options.log(`[postgres] ${line}`),
  });
  // Migrations written after the dataset was generated (new indexes, say) apply to it as well.
  await migrate(database.url, { log: (line) => options.log(`[migrate] ${line}`) });
  return database;
}
