import ExcelJS from "exceljs";
import { expect, test, type Locator } from "@playwright/test";
import { e2eDb } from "./db";
import { signedInPage } from "./fixtures";

const YEAR = 2026;
const PAVLODAR = "KZ-55";
const AKMOLA = "KZ-11";
type Row = (string | number | null)[];

/** A cell's text as the workbook holds it: "—" is empty, "1,234.5" a number, anything else text. */
function cellValue(text: string): string | number | null {
  if (text === "—") return null;
  const number = Number(text.replace(/,/g, ""));
  return text !== "" && Number.isFinite(number) ? number : text;
}

/**
 * A page table's body and footer rows as [region, quota, allocated, families, arrived, remaining, fill,
 * waiting families, waiting persons, pipeline, pace, forecast, forecast fill, forecast basis].
 */
async function tableRows(table: Locator): Promise<Row[]> {
  const rows = await table
    .locator("tbody tr, tfoot tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
  return rows.map(([label, ...cells]) => [label ?? "", ...cells.map(cellValue)]);
}

async function headerTexts(table: Locator): Promise<string[]> {
  return (await table.locator("thead th").allTextContents()).map((text) => text.trim());
}

test("the administrator sees the national report and downloads the same figures as XLSX", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  await expect(page.getByRole("heading", { name: `Quota report ${YEAR}` })).toBeVisible();
  await expect(page.getByTestId("figures-freshness")).toHaveText("Figures read from the main database: current.");
  const kandas = page.getByRole("table", { name: `Kandas: quota by region, ${YEAR}` });
  const settlers = page.getByRole("table", { name: `Settler: quota by region, ${YEAR}` });
  await expect(kandas.getByRole("row", { name: /National total/ })).toBeVisible();
  await expect(settlers.getByRole("row", { name: /National total/ })).toBeVisible();
  const pageFigures = { Kandas: await tableRows(kandas), Settler: await tableRows(settlers) };
  expect(pageFigures.Kandas.length).toBeGreaterThan(2);
  const kandasTotal = pageFigures.Kandas.at(-1)!;
  expect(kandasTotal[0]).toBe("National total");
  expect(kandasTotal[1]).toBeGreaterThan(0);
  const header = await headerTexts(kandas);
  expect(header).toEqual([
    "Region",
    "Quota",
    "Allocated (persons)",
    "Families",
    "Arrived (persons)",
    "Remaining",
    "Fill, %",
    "Waiting (families)",
    "Waiting (persons)",
    "Approved, not allocated (persons)",
    "Pace, persons a month",
    "Forecast at year end (persons)",
    "Forecast fill, %",
    "Forecast basis",
  ]);
  // Every region row has a forecast at least its allocation and a basis in words; the total has none.
  for (const row of pageFigures.Kandas.slice(0, -1)) {
    expect(row[11] as number).toBeGreaterThanOrEqual(row[2] as number);
    expect(["Approved families", "Recent pace", "Quota limit", "Year over", "Nothing expected"]).toContain(row[13]);
  }
  expect(kandasTotal[13]).toBeNull();
  // The assumption is stated in words with the figures it uses.
  const assumption = page.getByTestId("forecast-assumption");
  await expect(assumption).toContainText(
    /Forecast: every approved family not yet in the quota .* at the pace of the last 3 months \(.+ – .+\) .* months left in 2026; never above the quota\./,
  );
  const assumptionText = (await assumption.textContent())!.trim();
  // Region names open the drill-down for the administrator.
  await expect(kandas.getByRole("link", { name: "Pavlodar Region" })).toHaveAttribute(
    "href",
    `/reports/quotas/${PAVLODAR}?year=${YEAR}`,
  );

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Excel (XLSX)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`quotas-${YEAR}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Kandas", "Settler", "Totals", "By month"]);
  const sheetRow = (sheet: ExcelJS.Worksheet, index: number): Row =>
    Array.from(
      { length: header.length },
      (_, column) => (sheet.getRow(index).getCell(column + 1).value as string | number | null) ?? null,
    );
  // Every report's workbook has the table's title in the first row and the header in the second.
  for (const name of ["Kandas", "Settler"] as const) {
    const sheet = workbook.getWorksheet(name)!;
    expect(sheet.getRow(1).getCell(1).value, name).toBe(name);
    expect(sheetRow(sheet, 2), name).toEqual(header);
    const rows = Array.from({ length: pageFigures[name].length }, (_, index) => sheetRow(sheet, index + 3));
    expect(rows, name).toEqual(pageFigures[name]);
    // Numbers are stored as numbers, not text, the new columns too (waiting persons, pace, forecast fill).
    for (const column of [2, 9, 11, 13])
      expect(typeof sheet.getRow(3).getCell(column).value, `${name} column ${column}`).toBe("number");
    // After an empty row, the assumption as on the page.
    const noteRow = pageFigures[name].length + 4;
    expect(sheet.getRow(noteRow - 1).getCell(1).value ?? null).toBeNull();
    expect(sheet.getRow(noteRow).getCell(1).value).toBe(assumptionText);
  }
  const totals = workbook.getWorksheet("Totals")!;
  expect(totals.getRow(3).getCell(1).value).toBe("Kandas");
  expect(totals.getRow(3).getCell(2).value).toBe(kandasTotal[1]);
  expect(totals.getRow(3).getCell(12).value).toBe(kandasTotal[11]);
  expect(totals.getRow(6).getCell(1).value).toBe(assumptionText);

  const csv = await page.request.get(`/reports/quotas/export?year=${YEAR}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  expect(csv.headers()["cache-control"]).toContain("no-store");
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const csvLines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  // Each table under its title; the pool's table ends with the assumption after an empty line
  // (quoted: it contains the separator).
  expect(csvLines.slice(0, 2)).toEqual(["Kandas", header.join(";")]);
  const kandasEnd = csvLines.indexOf("Settler") - 1;
  expect(csvLines.slice(kandasEnd - 2, kandasEnd)).toEqual(["", `"${assumptionText}"`]);
  await context.close();
});

test("the analyst sees the national report with numbers only: no drill-down", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  await expect(page.getByRole("heading", { name: `Quota report ${YEAR}` })).toBeVisible();
  const kandas = page.getByRole("table", { name: `Kandas: quota by region, ${YEAR}` });
  await expect(kandas.getByRole("row", { name: /National total/ })).toBeVisible();
  await expect(page.getByTestId("forecast-assumption")).toBeVisible();
  await expect(kandas.getByRole("rowheader", { name: "Pavlodar Region" })).toBeVisible();
  for (const pool of ["Kandas", "Settler"]) {
    await expect(page.getByRole("table", { name: `${pool}: quota by region, ${YEAR}` }).getByRole("link")).toHaveCount(
      0,
    );
  }
  expect((await page.goto(`/reports/quotas/${PAVLODAR}?year=${YEAR}`))?.status()).toBe(404);
  await context.close();
});

test("the Pavlodar coordinator opens the Pavlodar drill-down and sees the families, but not Akmola's", async ({
  browser,
}) => {
  // A seeded Pavlodar family holding places in the year's quota.
  const seeded = await e2eDb().allocation.findFirst({
    where: { year: YEAR, status: "ACTIVE", quota: { regionId: PAVLODAR } },
    orderBy: { id: "asc" },
    select: { persons: true, family: { select: { id: true, caseNumber: true } } },
  });
  expect(seeded, "the demo seed has Pavlodar allocations").not.toBeNull();
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  await page
    .getByRole("table", { name: `Kandas: quota by region, ${YEAR}` })
    .getByRole("link", { name: "Pavlodar Region" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/reports/quotas/${PAVLODAR}\\?year=${YEAR}$`));
  await expect(page.getByRole("heading", { name: `Pavlodar Region: families in the quota, ${YEAR}` })).toBeVisible();
  const allocated = page.getByRole("table", { name: `Families holding places in the ${YEAR} quota` });
  const link = allocated.getByRole("link", { name: seeded!.family.caseNumber, exact: true });
  await expect(link).toHaveAttribute("href", `/families/${seeded!.family.id}`);
  // Case number, head, pool, persons, …: the persons are the allocation's places.
  await expect(
    allocated.getByRole("row").filter({ hasText: seeded!.family.caseNumber }).getByRole("cell").nth(3),
  ).toHaveText(String(seeded!.persons));
  expect((await page.goto(`/reports/quotas/${AKMOLA}?year=${YEAR}`))?.status()).toBe(404);
  await context.close();
});

test("a Pavlodar coordinator sees Pavlodar only", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  for (const pool of ["Kandas", "Settler"]) {
    const table = page.getByRole("table", { name: `${pool}: quota by region, ${YEAR}` });
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table.locator("tbody tr th")).toHaveText("Pavlodar Region");
    await expect(table.getByRole("row", { name: /National total/ })).toHaveCount(0);
  }
  await expect(page.getByText("Akmola Region")).toHaveCount(0);
  await context.close();
});

/** The refusals written for a person since `since`: action, what was asked for, and where. */
async function refusalsOf(email: string, since: Date) {
  const entries = await e2eDb().auditLog.findMany({
    where: { actor: { email }, at: { gte: since }, action: { endsWith: ".denied" } },
    orderBy: { id: "asc" },
  });
  return entries.map((entry) => ({ action: entry.action, entityId: entry.entityId, changes: entry.changes }));
}

test("a caseworker gets 404 on the report, its export and the drill-down, and each refusal is on record", async ({
  browser,
}) => {
  const since = new Date();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  expect((await page.goto(`/reports/quotas?year=${YEAR}`))?.status()).toBe(404);
  for (const format of ["csv", "xlsx"]) {
    expect((await page.request.get(`/reports/quotas/export?year=${YEAR}&format=${format}`)).status()).toBe(404);
  }
  expect((await page.goto(`/reports/quotas/${PAVLODAR}?year=${YEAR}`))?.status()).toBe(404);
  const refusals = await refusalsOf("caseworker.pavlodar@nurlykosh.kz", since);
  expect(refusals.map((entry) => [entry.action, entry.entityId, (entry.changes as { path: string }).path])).toEqual([
    ["access.denied", "report.view", "/reports/quotas"],
    ["access.denied", "report.view", "/reports/quotas/export"],
    ["access.denied", "report.view", "/reports/quotas/export"],
    ["access.denied", "report.personalData", `/reports/quotas/${PAVLODAR}`],
  ]);
  await context.close();
});

test("a coordinator naming another region's quota export gets 404, not the own figures, and the refusal is on record", async ({
  browser,
}) => {
  const since = new Date();
  const { context, page } = await signedInPage(browser, "coordinatorAkmola");
  const answer = await page.request.get(`/reports/quotas/export?year=${YEAR}&region=${PAVLODAR}&format=csv`);
  expect(answer.status()).toBe(404);
  expect(await refusalsOf("coordinator.akmola@nurlykosh.kz", since)).toEqual([
    {
      action: "report.export.denied",
      entityId: `quotas-${YEAR}`,
      changes: { reason: "region", report: "quotas", table: "all", format: "csv", year: YEAR, region: PAVLODAR },
    },
  ]);
  // The own region's download is still served.
  expect((await page.request.get(`/reports/quotas/export?year=${YEAR}&format=csv`)).status()).toBe(200);
  await context.close();
});
