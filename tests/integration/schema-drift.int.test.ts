// Fails when prisma/migrations and prisma/schema.prisma disagree: one database is built by the
// migrations (global setup), another from the full CREATE script Prisma derives from schema.prisma, and
// their catalogues must match except for the hand-written objects of prisma/manual-objects.json, which
// must exist in the migrated one only. How to fix a failure: docs/migrations.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffToSchema, ROOT } from "../../scripts/lib/prisma6";
import { createDatabase, databaseName, testDatabaseUrl } from "./db";

interface Manual {
  extensions: string[];
  checkConstraints: { table: string; name: string }[];
  indexes: { table: string; name: string }[];
  functions: string[];
  triggers: { table: string; name: string }[];
}

const manual = JSON.parse(readFileSync(path.join(ROOT, "prisma/manual-objects.json"), "utf8")) as Manual;

const manualKeys = new Set([
  ...manual.extensions.map((name) => `extension ${name}`),
  ...manual.checkConstraints.map((c) => `constraint ${c.table}.${c.name}`),
  ...manual.indexes.map((i) => `index ${i.table}.${i.name}`),
  ...manual.functions.map((name) => `function ${name}`),
  ...manual.triggers.map((t) => `trigger ${t.table}.${t.name}`),
]);

// Each query yields (key, description) rows; two databases agree when both maps are equal.
const CATALOGUE_QUERIES = [
  `SELECT 'table ' || c.relname AS key, '' AS description
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`,
  `SELECT 'column ' || c.relname || '.' || a.attname AS key,
          format_type(a.atttypid, a.atttypmod)
          || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
          || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS description
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      AND a.attnum > 0 AND NOT a.attisdropped`,
  // The index definition carries uniqueness, method, column order and any WHERE clause.
  `SELECT 'index ' || t.relname || '.' || i.relname AS key,
          regexp_replace(pg_get_indexdef(x.indexrelid), '^CREATE (UNIQUE )?INDEX \\S+ ON ', 'CREATE \\1INDEX ON ') AS description
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
  // Primary keys, uniques, foreign keys (with their ON DELETE/UPDATE actions) and checks.
  `SELECT 'constraint ' || t.relname || '.' || k.conname AS key, pg_get_constraintdef(k.oid) AS description
     FROM pg_constraint k
     JOIN pg_class t ON t.oid = k.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations' AND k.contype <> 'n'`,
  `SELECT 'enum ' || t.typname AS key, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS description
     FROM pg_type t
     JOIN pg_enum e ON e.enumtypid = t.oid
     JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname`,
  `SELECT 'sequence ' || c.relname AS key, '' AS description
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S'`,
  `SELECT 'function ' || p.proname AS key, pg_get_function_identity_arguments(p.oid) AS description
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  `SELECT 'trigger ' || c.relname || '.' || g.tgname AS key, pg_get_triggerdef(g.oid) AS description
     FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT g.tgisinternal`,
  `SELECT 'extension ' || extname AS key, '' AS description FROM pg_extension WHERE extname <> 'plpgsql'`,
];

async function catalogue(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const entries = new Map<string, string>();
    for (const sql of CATALOGUE_QUERIES) {
      const { rows } = await client.query<{ key: string; description: string }>(sql);
      for (const row of rows) entries.set(row.key, row.description);
    }
    return entries;
  } finally {
    await client.end();
  }
}

/** Every difference, one line each, so a failure shows the whole drift at once. */
function differences(migrated: Map<string, string>, fromSchema: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [key, description] of fromSchema) {
    if (manualKeys.has(key)) continue;
    const actual = migrated.get(key);
    if (actual === undefined) lines.push(`missing from the migrations: ${key} ${description}`.trimEnd());
    else if (actual !== description)
      lines.push(`differs: ${key}\n    migrations: ${actual}\n    schema:     ${description}`);
  }
  for (const [key, description] of migrated) {
    if (!manualKeys.has(key) && !fromSchema.has(key)) {
      lines.push(`not in schema.prisma (nor in prisma/manual-objects.json): ${key} ${description}`.trimEnd());
    }
  }
  return lines.sort();
}

describe("schema drift", () => {
  let migrated: Map<string, string>;
  let fromSchema: Map<string, string>;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const migratedUrl = testDatabaseUrl();
    const [sql, database] = await Promise.all([
      diffToSchema("empty"),
      createDatabase(migratedUrl, `${databaseName(migratedUrl)}_from_schema`),
    ]);
    drop = database.drop;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    [migrated, fromSchema] = await Promise.all([catalogue(migratedUrl), catalogue(database.url)]);
  });

  afterAll(async () => {
    await drop?.();
  });

  it("migrations produce exactly the schema.prisma model", () => {
    const drift = differences(migrated, fromSchema);
    expect(
      drift,
      `prisma/migrations and prisma/schema.prisma disagree; create a migration with ` +
        `\`npm run db:new-migration -- <name>\` (docs/migrations.md):\n  ${drift.join("\n  ")}\n`,
    ).toEqual([]);
  });

  it("hand-written objects exist in the migrated database only", () => {
    const keys = [...manualKeys];
    expect(
      keys.filter((key) => !migrated.has(key)),
      "listed in prisma/manual-objects.json, missing from the migrations",
    ).toEqual([]);
    expect(
      keys.filter((key) => fromSchema.has(key)),
      "schema.prisma now expresses these: drop them from prisma/manual-objects.json",
    ).toEqual([]);
  });
});
