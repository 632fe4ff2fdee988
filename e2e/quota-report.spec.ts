import ExcelJS from "exceljs";
import { expect, test, type Locator } from "@playwright/test";
import { signedInPage } from "./fixtures";

const YEAR = 2026;
type Row = (string | number | null)[];

/** A page table's body and footer rows as [region, quota, allocated, families, arrived, remaining, fill]. */
async function tableRows(table: Locator): Promise<Row[]> {
  const rows = await table.locator("tbody tr, tfoot tr").evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
  );
  return rows.map(([label, ...numbers]) => [label ?? "", ...numbers.map((text) => (text === "—" ? null : Number(text.replace(/,/g, ""))))]);
}

test("the administrator sees the national report and downloads the same figures as XLSX", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  await expect(page.getByRole("heading", { name: `Quota report ${YEAR}` })).toBeVisible();
  const kandas = page.getByRole("table", { name: `Kandas: quota by region, ${YEAR}` });
  const settlers = page.getByRole("table", { name: `Settler: quota by region, ${YEAR}` });
  await expect(kandas.getByRole("row", { name: /National total/ })).toBeVisible();
  await expect(settlers.getByRole("row", { name: /National total/ })).toBeVisible();
  const pageFigures = { Kandas: await tableRows(kandas), Settler: await tableRows(settlers) };
  expect(pageFigures.Kandas.length).toBeGreaterThan(2);
  const kandasTotal = pageFigures.Kandas.at(-1)!;
  expect(kandasTotal[0]).toBe("National total");
  expect(kandasTotal[1]).toBeGreaterThan(0);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Excel (XLSX)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`quota-report-${YEAR}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Kandas", "Settler", "Totals", "By month"]);
  for (const name of ["Kandas", "Settler"] as const) {
    const sheet = workbook.getWorksheet(name)!;
    const rows: Row[] = [];
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      rows.push(Array.from({ length: 7 }, (_, column) => (row.getCell(column + 1).value as string | number | null) ?? null));
    });
    expect(rows, name).toEqual(pageFigures[name]);
    // Numbers are stored as numbers, not text.
    expect(typeof sheet.getRow(2).getCell(2).value).toBe("number");
  }
  const totals = workbook.getWorksheet("Totals")!;
  expect(totals.getRow(2).getCell(2).value).toBe(kandasTotal[1]);

  const csv = await page.request.get(`/reports/quotas/export?year=${YEAR}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain("attachment");
  expect(csv.headers()["cache-control"]).toContain("no-store");
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  await context.close();
});

test("the analyst sees the national report", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  await expect(page.getByRole("heading", { name: `Quota report ${YEAR}` })).toBeVisible();
  await expect(page.getByRole("table", { name: `Kandas: quota by region, ${YEAR}` }).getByRole("row", { name: /National total/ })).toBeVisible();
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

test("a caseworker gets 404 on the report and its export", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  expect((await page.goto(`/reports/quotas?year=${YEAR}`))?.status()).toBe(404);
  for (const format of ["csv", "xlsx"]) {
    expect((await page.request.get(`/reports/quotas/export?year=${YEAR}&format=${format}`)).status()).toBe(404);
  }
  await context.close();
});
