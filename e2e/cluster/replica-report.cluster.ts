// The quota report reads its figures from the streaming replica (DATABASE_REPLICA_URL) and says how
// current they are. With replay paused on the replica, a change on the primary is not in the report
// (through nginx, whichever server answers) and the time it states is older than the change; the
// export's audit entry is still written on the primary. Once replay resumes the new figure appears.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDb } from "../db";
import { signedInPage } from "../fixtures";
import { figure, PAVLODAR, readTable, YEAR } from "../quota-helpers";

const REGION = "Pavlodar Region";
const ADDED = 7;

async function connect(url: string | undefined): Promise<pg.Client> {
  if (!url) throw new Error("Run the cluster test through playwright.cluster.config.ts.");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Pavlodar's kandas quota as the report page shows it, and the time its figures are current as of. */
async function reportReading(page: Page): Promise<{ quota: number | string | null; asOf: Date }> {
  await page.goto(`/reports/quotas?year=${YEAR}`);
  const { rows } = await readTable(page.getByRole("table", { name: `Kandas: quota by region, ${YEAR}` }));
  const row = rows.find((candidate) => candidate.Region === REGION);
  const freshness = page.getByTestId("figures-freshness");
  await expect(freshness).toContainText("Figures read from the reporting copy of the database, current as of");
  const asOf = await freshness.locator("time").getAttribute("datetime");
  return { quota: figure(row?.Quota ?? ""), asOf: new Date(asOf ?? NaN) };
}

test("with replay paused the report shows the replica's older figure and time; after resuming, the new one", async ({
  browser,
}) => {
  const primary = await connect(process.env.NK_CLUSTER_PRIMARY_ADMIN_URL);
  const replica = await connect(process.env.NK_CLUSTER_REPLICA_ADMIN_URL);
  try {
    const { context, page } = await signedInPage(browser, "admin");
    // Start from a replica that has replayed everything the primary has written so far.
    const { rows: current } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    await expect
      .poll(async () => {
        const { rows } = await replica.query<{ done: boolean }>(
          "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done",
          [current[0]!.lsn],
        );
        return rows[0]?.done;
      })
      .toBe(true);
    const before = await reportReading(page);
    expect(typeof before.quota).toBe("number");

    await replica.query("SELECT pg_wal_replay_pause()");
    await expect
      .poll(async () => (await replica.query("SELECT pg_get_wal_replay_pause_state() AS state")).rows[0]?.state)
      .toBe("paused");
    const { rows: clock } = await primary.query<{ now: Date }>("SELECT clock_timestamp() AS now");
    const changedAfter = clock[0]!.now;
    await e2eDb().quota.update({
      where: { year_regionId_pool: { year: YEAR, regionId: PAVLODAR, pool: "KANDAS" } },
      data: { total: { increment: ADDED } },
    });

    const paused = await reportReading(page);
    expect(paused.quota).toBe(before.quota);
    expect(paused.asOf.getTime()).toBeLessThanOrEqual(changedAfter.getTime());
    // The export reads the same replica, and its audit entry is written on the primary all the same.
    const exported = await page.request.get(`/reports/quotas/export?year=${YEAR}&format=csv&table=kandas`);
    expect(exported.status()).toBe(200);
    // CSV for Excel: `;` between cells (lib/domain/export-cells), the region's name first.
    const csvRow = (await exported.text())
      .split(/\r?\n/)
      .map((line) => line.split(";").map((cell) => cell.replaceAll('"', "")))
      .find((cells) => cells[0] === REGION);
    expect(csvRow?.[1]).toBe(String(before.quota));
    const audit = await e2eDb().auditLog.findFirst({
      where: { action: "report.export", at: { gte: changedAfter } },
      select: { entityId: true },
    });
    expect(audit?.entityId).toBe(`quotas-${YEAR}`);

    await replica.query("SELECT pg_wal_replay_resume()");
    await expect
      .poll(async () => (await reportReading(page)).quota, { timeout: 30_000 })
      .toBe((before.quota as number) + ADDED);
    const resumed = await reportReading(page);
    expect(resumed.asOf.getTime()).toBeGreaterThanOrEqual(changedAfter.getTime());
    await context.close();
  } finally {
    // A failed assertion must not leave the replica paused for the teardown (or a rerun by hand).
    await replica.query("SELECT pg_wal_replay_resume()").catch(() => undefined);
    await Promise.all([primary.end(), replica.end()]);
  }
});
