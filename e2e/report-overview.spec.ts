import ExcelJS from "exceljs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { signedInPage } from "./fixtures";

const YEAR = 2026;
const PAVLODAR = "KZ-55";
type Cell = string | number | null;

/** A cell's text as the workbook holds it: "<5" (suppressed) and "—" are empty, "1,234.5" a number. */
function cellValue(text: string): Cell {
  if (text === "<5" || text === "—") return null;
  const number = Number(text.replace(/,/g, ""));
  return text !== "" && Number.isFinite(number) ? number : text;
}

type PageTable = { caption: string; header: string[]; rows: Cell[][]; hasSuppressed: boolean };

/** Every report table of the page: caption, header texts and body + total rows (an empty table has none). */
async function pageTables(page: Page): Promise<PageTable[]> {
  const tables = page.locator("table[data-testid^='report-table-']");
  const result: PageTable[] = [];
  for (const table of await tables.all()) result.push(await readTable(table));
  return result;
}

async function readTable(table: Locator): Promise<PageTable> {
  const caption = ((await table.locator("caption").textContent()) ?? "").trim();
  const header = (await table.locator("thead th").allTextContents()).map((text) => text.trim());
  const texts = await table
    .locator("tbody tr:not(:has(td[colspan])), tfoot tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
  return {
    caption,
    header,
    rows: texts.map((row) => row.map((text, index) => (index === 0 ? text : cellValue(text)))),
    hasSuppressed: texts.flat().includes("<5"),
  };
}

test("an analyst filters the overview by year and region, and the XLSX holds the figures of the page", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await page.goto(`/reports/overview?year=${YEAR - 1}`);
  await expect(page.getByRole("heading", { name: `Programme overview ${YEAR - 1}` })).toBeVisible();
  // No replica configured (DATABASE_REPLICA_URL): the figures come from the primary and say so.
  await expect(page.getByTestId("figures-freshness")).toHaveText("Figures read from the main database: current.");
  await expect(
    page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Overview" }),
  ).toHaveAttribute("aria-current", "page");

  const filters = page.getByRole("form", { name: "Report filters" });
  await filters.getByLabel("Year").selectOption(String(YEAR));
  await filters.getByLabel("Region").selectOption({ label: "Pavlodar Region" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/overview\\?year=${YEAR}&region=${PAVLODAR}(&|$)`));
  await expect(page.getByRole("heading", { name: `Programme overview ${YEAR}` })).toBeVisible();
  await expect(page.getByTestId("report-scope")).toHaveText("Pavlodar Region");
  // The form shows the filters in force, and a reload of the URL shows the same view.
  await expect(filters.getByLabel("Year")).toHaveValue(String(YEAR));
  await expect(filters.getByLabel("Region")).toHaveValue(PAVLODAR);
  await page.reload();
  await expect(filters.getByLabel("Region")).toHaveValue(PAVLODAR);
  await expect(page.getByTestId("suppression-note")).toBeVisible();

  const tables = await pageTables(page);
  expect(tables.map((table) => table.caption)).toContain(`Families and persons by status, applications of ${YEAR}`);
  expect(tables).toHaveLength(12);
  // Pavlodar's applications of the year, as the status table's total counts them (exact for totals of 5 and more).
  const from = new Date(Date.UTC(YEAR, 0, 1));
  const until = new Date(Date.UTC(YEAR + 1, 0, 1));
  const families = await e2eDb().family.count({
    where: { targetRegionId: PAVLODAR, applicationDate: { gte: from, lt: until } },
  });
  const status = tables.find((table) => table.caption.startsWith("Families and persons by status"))!;
  expect(status.rows.at(-1)).toEqual(["Total", families >= 5 ? families : null, expect.anything()]);
  expect(families, "the demo seed has Pavlodar applications this year").toBeGreaterThan(0);
  // Every region row of the target-region table is Pavlodar.
  const target = tables.find((table) => table.caption.startsWith("Families by target region"))!;
  expect(target.rows.map((row) => row[0])).toEqual(["Pavlodar Region", "Total"]);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all tables (XLSX)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`overview-${YEAR}-${PAVLODAR}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets).toHaveLength(tables.length);
  const value = (sheet: ExcelJS.Worksheet, row: number, column: number): Cell => {
    const raw = sheet.getRow(row).getCell(column).value;
    return raw === undefined || raw === "" ? null : (raw as Cell);
  };
  for (const table of tables) {
    // The sheet whose title row is the table's caption; its second row is the page's header.
    const sheet = workbook.worksheets.find((candidate) => value(candidate, 1, 1) === table.caption);
    expect(sheet, table.caption).toBeDefined();
    const header = table.header.map((_, column) => value(sheet!, 2, column + 1));
    expect(header, table.caption).toEqual(table.header);
    const rows = table.rows.map((row, index) => row.map((_, column) => value(sheet!, index + 3, column + 1)));
    expect(rows, table.caption).toEqual(table.rows);
    // After an empty row, the note about hidden cells when the page shows "<5" somewhere in the table.
    const note = value(sheet!, table.rows.length + 4, 1);
    if (table.hasSuppressed) expect(note, table.caption).toMatch(/^Empty cells: fewer than 5 persons or families/);
    else expect(note, table.caption).toBeNull();
  }
  // Numbers are stored as numbers.
  const statusSheet = workbook.worksheets.find((sheet) => value(sheet, 1, 1) === status.caption)!;
  expect(typeof value(statusSheet, status.rows.length + 2, 3)).toBe("number");

  // The export was audited with the filters.
  const audit = await e2eDb().auditLog.findFirst({
    where: { action: "report.export", entityId: `overview-${YEAR}` },
    orderBy: { id: "desc" },
  });
  expect(audit?.regionId).toBe(PAVLODAR);
  expect(audit?.changes).toMatchObject({
    report: "overview",
    table: "all",
    format: "xlsx",
    year: YEAR,
    region: PAVLODAR,
  });

  // One table as CSV; a wrong format is a bad request.
  const csv = await page.request.get(
    `/reports/overview/export?year=${YEAR}&region=${PAVLODAR}&table=status&format=csv`,
  );
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(status.header.join(";"));
  expect((await page.request.get(`/reports/overview/export?year=${YEAR}&table=all&format=pdf`)).status()).toBe(400);
  expect((await page.request.get(`/reports/overview/export?year=${YEAR}&table=nope&format=csv`)).status()).toBe(404);
  await context.close();
});

test("a coordinator sees the own region's figures only, whatever region the URL names", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports\/overview$/);
  await page.goto(`/reports/overview?year=${YEAR}&region=KZ-11`);
  await expect(page.getByTestId("report-scope")).toHaveText("Your region only: Pavlodar Region");
  await expect(page.getByRole("form", { name: "Report filters" }).getByLabel("Region")).toHaveCount(0);

  const from = new Date(Date.UTC(YEAR, 0, 1));
  const until = new Date(Date.UTC(YEAR + 1, 0, 1));
  const inYear = { targetRegionId: PAVLODAR, applicationDate: { gte: from, lt: until } };
  const families = await e2eDb().family.count({ where: inYear });
  const persons = await e2eDb().person.count({ where: { family: inYear } });
  expect(families).toBeGreaterThan(0);
  const target = await readTable(
    page.getByRole("table", { name: `Families by target region, applications of ${YEAR}` }),
  );
  expect(target.rows).toEqual([
    ["Pavlodar Region", families, persons],
    ["Total", families, persons],
  ]);
  await expect(page.getByText("Akmola Region")).toHaveCount(0);
  // Coordinators are not suppressed: the status table shows every count.
  await expect(page.getByTestId("suppression-note")).toHaveCount(0);

  // Another region's export is not found; the own region's is served.
  expect(
    (await page.request.get(`/reports/overview/export?year=${YEAR}&region=KZ-11&table=all&format=xlsx`)).status(),
  ).toBe(404);
  expect(
    (await page.request.get(`/reports/overview/export?year=${YEAR}&table=target-regions&format=csv`)).status(),
  ).toBe(200);
  await context.close();
});

test("a caseworker gets 404 on the overview and its export", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  expect((await page.goto(`/reports/overview?year=${YEAR}`))?.status()).toBe(404);
  expect((await page.request.get(`/reports/overview/export?year=${YEAR}&table=all&format=xlsx`)).status()).toBe(404);
  await context.close();
});

/** The texts of one column of a table's body rows (not the totals row), by the column's header. */
async function columnTexts(table: Locator, header: string): Promise<string[]> {
  const headers = (await table.locator("thead th").allInnerTexts()).map((text) => text.trim());
  const index = headers.indexOf(header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return table
    .locator("tbody tr")
    .evaluateAll(
      (trs, column) => trs.map((tr) => (tr.querySelectorAll("th, td")[column]?.textContent ?? "").trim()),
      index,
    );
}

test("an analyst sees <5 for 1–4 persons on the quota pages, their charts and exports; the administrator the figure", async ({
  browser,
}) => {
  // A quota of the year with 1–4 persons allocated (the demo seed has some, e.g. Abai settlers).
  const small = await e2eDb().quota.findFirst({
    where: { year: YEAR, allocated: { gte: 1, lte: 4 } },
    orderBy: [{ regionId: "asc" }, { pool: "asc" }],
    select: { regionId: true, pool: true, allocated: true, total: true, region: { select: { nameEn: true } } },
  });
  expect(small, "the demo seed has a quota with 1–4 persons allocated").not.toBeNull();
  const { regionId, pool, allocated, region } = small!;
  const poolName = pool === "KANDAS" ? "Kandas" : "Settler";

  const analyst = await signedInPage(browser, "analyst");
  const page = analyst.page;
  await page.goto(`/quotas?year=${YEAR}`);
  const quotas = page.getByRole("table", { name: `Quotas of ${YEAR} by region and pool` });
  const row = page.getByTestId(`quota-${regionId}-${pool}`);
  // Pool, quota, allocated, remaining: the quota (the ministry's order) stays, allocated and remaining are hidden.
  await expect(row.getByRole("cell")).toHaveText([poolName, String(small!.total), "<5", "<5"]);
  await expect(page.getByTestId("suppression-note")).toBeVisible();
  // A hidden cell never stands alone in its pool: another one hides it from the pool's total.
  const pools = await columnTexts(quotas, "Pool");
  const quotaRegions = await columnTexts(quotas, "Region");
  const allocatedTexts = await columnTexts(quotas, "Allocated");
  const hiddenOnQuotas = quotaRegions.filter((_, index) => allocatedTexts[index] === "<5" && pools[index] === poolName);
  expect(hiddenOnQuotas.length).toBeGreaterThan(1);
  await expect(quotas.locator("tfoot").getByRole("rowheader")).toHaveText("Total");

  await page.goto(`/reports/quotas?year=${YEAR}`);
  const report = page.getByRole("table", { name: `${poolName}: quota by region, ${YEAR}` });
  const reportRow = report.getByRole("row").filter({ has: page.getByRole("rowheader", { name: region.nameEn }) });
  // Quota, allocated, families, arrived, remaining, fill: what gives the persons allocated back is hidden too.
  const reportCells = reportRow.getByRole("cell");
  await expect(reportCells.nth(1)).toHaveText("<5");
  await expect(reportCells.nth(2)).toHaveText("<5");
  await expect(reportCells.nth(4)).toHaveText("<5");
  await expect(reportCells.nth(5)).toHaveText("<5");
  const reportAllocated = await columnTexts(report, "Allocated (persons)");
  expect(reportAllocated.filter((text) => text === "<5").length).toBeGreaterThan(1);
  // The same cells are hidden on both pages (otherwise one page would give the other's hidden cell back).
  const reportRegions = await columnTexts(report, "Region");
  const hiddenOnReport = reportRegions.filter((_, index) => reportAllocated[index] === "<5");
  expect([...hiddenOnReport].sort()).toEqual([...hiddenOnQuotas].sort());
  // The chart writes "<5" where the bar would be, never a bar of 0.
  await expect(
    page.getByRole("img", { name: new RegExp(`^Chart: ${poolName}: quota by region`) }).locator("text", {
      hasText: "<5",
    }),
  ).not.toHaveCount(0);
  await expect(page.getByTestId("suppression-note")).toBeVisible();
  await expect(page.getByRole("table", { name: `Persons allocated per month, ${YEAR}` }).locator("tfoot")).toHaveCount(
    1,
  );

  // The export holds the same hidden cells (empty) and the note.
  const csv = await page.request.get(`/reports/quotas/export?year=${YEAR}&table=${pool.toLowerCase()}&format=csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
  const exported = lines.map((line) => line.split(";"));
  const exportedRow = exported.find((cells) => cells[0] === region.nameEn);
  expect(exportedRow?.slice(1, 3)).toEqual([String(small!.total), ""]);
  const exportedAllocated = exported.filter((cells) => reportRegions.includes(cells[0] ?? "")).map((cells) => cells[2]);
  expect(exportedAllocated).toEqual(reportAllocated.map((text) => (text === "<5" ? "" : text.replace(/,/g, ""))));
  expect(lines.some((line) => line.startsWith("Empty cells: fewer than 5 persons or families"))).toBe(true);
  // The drill-down lists families: not for analysts.
  expect((await page.goto(`/reports/quotas/${regionId}?year=${YEAR}`))?.status()).toBe(404);
  await analyst.context.close();

  // The administrator sees the figure itself.
  const admin = await signedInPage(browser, "admin");
  await admin.page.goto(`/quotas?year=${YEAR}`);
  await expect(admin.page.getByTestId(`quota-${regionId}-${pool}`).getByRole("cell").nth(2)).toHaveText(
    String(allocated),
  );
  await expect(admin.page.getByTestId("suppression-note")).toHaveCount(0);
  await admin.context.close();
});
