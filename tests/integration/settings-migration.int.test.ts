// The migration to settings with effective dates on a database that still has the table `setting` with
// values in it: each stored value becomes the first version of its key, applying from 1 January 2000,
// with who set it and when; a review time limit once stored as text becomes its number; the old table
// goes; the MCI keeps its figures and learns who changes it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/scripts/lib/migrate";
import { createDatabase, testDatabaseUrl } from "./db";

const MIGRATION = "20261207051922_settings_with_effective_dates";

let client: pg.Client;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createDatabase(testDatabaseUrl(), `nk_settings_${randomUUID().slice(0, 8)}`);
  drop = database.drop;
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const migration of readMigrations().filter((migration) => migration.name < MIGRATION))
    await client.query(migration.sql);
});

afterAll(async () => {
  await client.end();
  await drop();
});

describe(MIGRATION, () => {
  it("keeps every stored setting as its first version, from long before any case", async () => {
    const { rows: users } = await client.query<{ id: number }>(
      `INSERT INTO app_user (email, "fullName", "passwordHash", role, "updatedAt")
       VALUES ('admin-${randomUUID()}@test.nurlykosh.kz', 'Admin', 'x', 'ADMIN', now()) RETURNING id`,
    );
    const adminId = users[0]!.id;
    await client.query(
      `INSERT INTO setting (key, value, "updatedById", "updatedAt") VALUES
         ('benefits.relocationMciPerMember', '70', $1, '2026-03-01 10:00'),
         ('benefits.rentMciPerMonth', '{"min": 15, "max": 30}', $1, '2026-03-01 10:00'),
         ('review.timeLimitWorkingDays', '" 12 "', NULL, '2026-04-02 08:30')`,
      [adminId],
    );
    await client.query(`INSERT INTO mci_rate (year, "amountTenge", "updatedAt") VALUES (2026, 4325, now())`);

    const migration = readMigrations().find((candidate) => candidate.name === MIGRATION);
    await client.query(migration!.sql);

    const { rows } = await client.query(
      `SELECT key, value, to_char("effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", "changedById",
              to_char("changedAt", 'YYYY-MM-DD HH24:MI') AS "changedAt", reason, "withdrawnAt"
         FROM setting_version ORDER BY key`,
    );
    expect(rows).toEqual([
      {
        key: "benefits.relocationMciPerMember",
        value: 70,
        effectiveFrom: "2000-01-01",
        changedById: adminId,
        changedAt: "2026-03-01 10:00",
        reason: null,
        withdrawnAt: null,
      },
      {
        key: "benefits.rentMciPerMonth",
        value: { min: 15, max: 30 },
        effectiveFrom: "2000-01-01",
        changedById: adminId,
        changedAt: "2026-03-01 10:00",
        reason: null,
        withdrawnAt: null,
      },
      {
        key: "review.timeLimitWorkingDays",
        value: 12,
        effectiveFrom: "2000-01-01",
        changedById: null,
        changedAt: "2026-04-02 08:30",
        reason: null,
        withdrawnAt: null,
      },
    ]);
    const { rows: tables } = await client.query(`SELECT to_regclass('setting') AS "table"`);
    expect(tables).toEqual([{ table: null }]);
    const { rows: rates } = await client.query(`SELECT year, "amountTenge", "updatedById" FROM mci_rate`);
    expect(rates).toEqual([{ year: 2026, amountTenge: 4325, updatedById: null }]);
  });
});
