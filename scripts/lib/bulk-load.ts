// What a bulk load into existing tables sets aside and makes good afterwards, read from the catalogue
// so that it follows whatever the migrations define:
// - secondary indexes: building one once over all rows is far cheaper than maintaining it row by row
//   (above all the trigram GIN index on person."searchText"). Primary keys and indexes that a constraint
//   owns or a foreign key refers to stay in place; unique indexes are rebuilt, and a rebuild fails
//   (rolling the load back) if the rows broke their uniqueness, so they hold at commit as if kept.
// - foreign key triggers (skipped with session_replication_role = replica): every foreign key of the
//   loaded tables is checked once, over the new rows, with one anti-join per key.
// - statistics: ANALYZE of the loaded tables, spread over a few connections after the commit.
import pg from "pg";

export interface IndexDefinition {
  table: string;
  name: string;
  /** CREATE [UNIQUE] INDEX … statement from pg_get_indexdef. */
  definition: string;
}

/** The indexes of `tables` (in the current schema) that a bulk load may drop and rebuild. */
export async function rebuildableIndexes(client: pg.Client, tables: readonly string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT t.relname AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace
        AND t.relname = ANY($1)
        AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`,
    [tables],
  );
  return rows;
}

/** Drops the indexes (inside the caller's transaction, which then holds their tables exclusively). */
export async function dropIndexes(client: pg.Client, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
}

/** Builds the indexes again from their definitions; `onBuilt` gets each one's time. */
export async function createIndexes(
  client: pg.Client,
  indexes: readonly IndexDefinition[],
  onBuilt: (index: IndexDefinition, ms: number) => void = () => undefined,
): Promise<void> {
  for (const index of indexes) {
    const started = performance.now();
    await client.query(index.definition);
    onBuilt(index, performance.now() - started);
  }
}

interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  parent: string;
  parentColumns: string[];
}

/**
 * Rows of `tables` from the given first id on (each table's column "id") that break one of the
 * tables' foreign keys, by constraint name; empty when all hold. MATCH SIMPLE, like the triggers: a
 * key with a null column refers to nothing.
 */
export async function brokenForeignKeys(
  client: pg.Client,
  firstIds: Readonly<Record<string, number>>,
): Promise<Record<string, number>> {
  const { rows: keys } = await client.query<ForeignKey>(
    `SELECT c.conname AS name, t.relname AS "table", p.relname AS parent,
            array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
            array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS "parentColumns"
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class p ON p.oid = c.confrelid
      WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
      ORDER BY t.relname, c.conname`,
    [Object.keys(firstIds)],
  );
  const id = (name: string) => client.escapeIdentifier(name);
  const broken: Record<string, number> = {};
  for (const key of keys) {
    const present = key.columns.map((c) => `c.${id(c)} IS NOT NULL`).join(" AND ");
    const matches = key.columns.map((c, i) => `p.${id(key.parentColumns[i]!)} = c.${id(c)}`).join(" AND ");
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${id(key.table)} c
        WHERE c.id >= $1 AND ${present} AND NOT EXISTS (SELECT 1 FROM ${id(key.parent)} p WHERE ${matches})`,
      [firstIds[key.table]],
    );
    const n = Number(rows[0]!.n);
    if (n > 0) broken[key.name] = n;
  }
  return broken;
}

/** ANALYZE of the tables over `connections` sessions of `url`, largest tables first. */
export async function analyzeTables(
  client: pg.Client,
  url: string,
  tables: readonly string[],
  connections: number,
): Promise<void> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT relname AS "table" FROM pg_class
      WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relname = ANY($1)
      ORDER BY pg_relation_size(oid) DESC`,
    [tables],
  );
  const queue = rows.map((r) => r.table);
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(connections, queue.length)) }, async () => {
      const session = new pg.Client({ connectionString: url });
      await session.connect();
      try {
        for (let table = queue.shift(); table !== undefined; table = queue.shift()) {
          await session.query(`ANALYZE ${session.escapeIdentifier(table)}`);
        }
      } finally {
        await session.end();
      }
    }),
  );
}
