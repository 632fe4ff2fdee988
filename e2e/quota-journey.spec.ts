// Issue 4's journey in one test: an amendment → an allocation → the admin's report → its XLSX export.
// The figures are exact (a drop by the family's persons), so this spec relies on one worker (CI=1):
// another spec allocating Pavlodar kandas places meanwhile would move them.
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";
import {
  PAVLODAR,
  YEAR,
  createApprovedPavlodarFamily,
  figure,
  includeInQuota,
  quotaFromDb,
  quotaRowFigures,
  readTable,
  submitAmendment,
  uniqueReference,
} from "./quota-helpers";

const FAMILY_SIZE = 3;
const ADDED_PLACES = 7;
const REGION = "Pavlodar Region";

type SheetRow = Record<string, ExcelJS.CellValue>;

/**
 * A report sheet's rows below its header, each cell keyed by its column's header text (the table's
 * title is in the first row, the header in the second).
 */
function sheetRows(sheet: ExcelJS.Worksheet): { headers: string[]; rows: SheetRow[] } {
  const headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map((value) => String(value ?? "").trim());
  const rows: SheetRow[] = [];
  sheet.eachRow((row, index) => {
    if (index <= 2) return;
    rows.push(Object.fromEntries(headers.map((header, column) => [header, row.getCell(column + 1).value ?? null])));
  });
  return { headers, rows };
}

/**
 * Every figure of an exported row equals the page's cell under the same header; the row label (first
 * column) is compared as text. Columns the page shows but the export leaves out are not compared.
 */
function expectSameFigures(exported: SheetRow, shown: Record<string, string>, label: string) {
  const numeric = Object.entries(exported).filter(([, value]) => typeof value === "number" || value === null);
  expect(numeric.length, `${label}: numeric columns`).toBeGreaterThanOrEqual(6);
  for (const [header, value] of numeric) {
    expect(Object.keys(shown), `${label}: the page has the column "${header}"`).toContain(header);
    expect(figure(shown[header]!), `${label} / ${header}`).toBe(value);
  }
}

test("an amendment, a coordinator's allocation, the admin's report and its XLSX agree", async ({ browser }) => {
  test.setTimeout(120_000);
  const family = await createApprovedPavlodarFamily(FAMILY_SIZE);

  // 1. The administrator amends the current year's Pavlodar kandas quota on /quotas.
  const admin = await signedInPage(browser, "admin");
  await admin.page.goto(`/quotas?year=${YEAR}`);
  const before = await quotaFromDb(PAVLODAR, "KANDAS");
  const amendedTotal = before.total + ADDED_PLACES;
  const reference = uniqueReference("E2E-JOURNEY");
  const form = await submitAmendment(admin.page, { region: REGION, pool: "Kandas", total: amendedTotal, reference });
  await expect(form.getByRole("status")).toHaveText(
    `Amendment recorded: ${REGION}, Kandas, ${before.total} → ${amendedTotal}.`,
  );
  expect(await quotaFromDb(PAVLODAR, "KANDAS")).toEqual({ total: amendedTotal, allocated: before.allocated });
  const amendment = await e2eDb().quotaAmendment.findFirstOrThrow({
    where: { order: { year: YEAR, reference } },
    select: {
      oldTotal: true,
      newTotal: true,
      actor: { select: { email: true } },
      quota: { select: { regionId: true, pool: true } },
    },
  });
  expect(amendment).toEqual({
    oldTotal: before.total,
    newTotal: amendedTotal,
    actor: { email: DEMO_USERS.admin.email },
    quota: { regionId: PAVLODAR, pool: "KANDAS" },
  });

  // 2. The Pavlodar coordinator sees the new quota, includes the family, and the remaining places drop by its persons.
  const coordinator = await signedInPage(browser, "coordinatorPavlodar");
  await coordinator.page.goto(`/quotas?year=${YEAR}`);
  const shownBefore = await quotaRowFigures(coordinator.page, PAVLODAR, "KANDAS");
  expect(shownBefore).toEqual({
    total: amendedTotal,
    allocated: before.allocated,
    remaining: amendedTotal - before.allocated,
  });
  expect(shownBefore.remaining).toBeGreaterThanOrEqual(FAMILY_SIZE);

  await includeInQuota(coordinator.page, family.id);
  await coordinator.page.goto(`/quotas?year=${YEAR}`);
  const shownAfter = await quotaRowFigures(coordinator.page, PAVLODAR, "KANDAS");
  expect(shownAfter).toEqual({
    total: amendedTotal,
    allocated: shownBefore.allocated + FAMILY_SIZE,
    remaining: shownBefore.remaining - FAMILY_SIZE,
  });
  const after = await quotaFromDb(PAVLODAR, "KANDAS");
  expect(after).toEqual({ total: amendedTotal, allocated: shownAfter.allocated });
  expect(
    await e2eDb().allocation.findFirstOrThrow({
      where: { familyId: family.id },
      select: { status: true, persons: true, year: true },
    }),
  ).toEqual({
    status: "ACTIVE",
    persons: FAMILY_SIZE,
    year: YEAR,
  });
  await coordinator.context.close();

  // 3. The administrator's report shows the amended quota and the new allocated figure.
  await admin.page.goto(`/reports/quotas?year=${YEAR}`);
  await expect(admin.page.getByRole("heading", { name: `Quota report ${YEAR}` })).toBeVisible();
  const kandasTable = admin.page.getByRole("table", { name: `Kandas: quota by region, ${YEAR}` });
  await expect(kandasTable.getByRole("row", { name: /National total/ })).toBeVisible();
  const shown = await readTable(kandasTable);
  const regionColumn = shown.headers[0]!;
  const pavlodarRow = shown.rows.find((row) => row[regionColumn] === REGION);
  const totalRow = shown.rows.find((row) => row[regionColumn] === "National total");
  expect(pavlodarRow, "the report's Pavlodar row").toBeDefined();
  expect(totalRow, "the report's national total").toBeDefined();
  expect(figure(pavlodarRow!["Quota"]!)).toBe(amendedTotal);
  expect(figure(pavlodarRow!["Allocated (persons)"]!)).toBe(after.allocated);
  expect(figure(pavlodarRow!["Remaining"]!)).toBe(shownAfter.remaining);
  const national = await e2eDb().quota.aggregate({
    where: { year: YEAR, pool: "KANDAS" },
    _sum: { total: true, allocated: true },
  });
  expect(figure(totalRow!["Quota"]!)).toBe(national._sum.total);
  expect(figure(totalRow!["Allocated (persons)"]!)).toBe(national._sum.allocated);

  // 4. The XLSX export holds the same figures as the page, as numbers.
  const downloadPromise = admin.page.waitForEvent("download");
  await admin.page.getByRole("link", { name: "Download Excel (XLSX)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`quotas-${YEAR}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());

  const kandasSheet = workbook.getWorksheet("Kandas");
  expect(kandasSheet, "the Kandas sheet").toBeDefined();
  const exported = sheetRows(kandasSheet!);
  expect(exported.headers[0]).toBe(regionColumn);
  const exportedPavlodar = exported.rows.find((row) => row[regionColumn] === REGION);
  const exportedTotal = exported.rows.find((row) => row[regionColumn] === "National total");
  expect(exportedPavlodar, "the export's Pavlodar row").toBeDefined();
  expect(exportedTotal, "the export's national total").toBeDefined();
  expect(exportedPavlodar!["Quota"]).toBe(amendedTotal);
  expect(exportedPavlodar!["Allocated (persons)"]).toBe(after.allocated);
  expectSameFigures(exportedPavlodar!, pavlodarRow!, REGION);
  expectSameFigures(exportedTotal!, totalRow!, "National total");

  const totalsSheet = workbook.getWorksheet("Totals");
  expect(totalsSheet, "the Totals sheet").toBeDefined();
  const totals = sheetRows(totalsSheet!);
  const kandasTotals = totals.rows.find((row) => row[totals.headers[0]!] === "Kandas");
  expect(kandasTotals, "the Totals sheet's Kandas row").toBeDefined();
  expectSameFigures(kandasTotals!, totalRow!, "Totals / Kandas");
  await admin.context.close();
});
