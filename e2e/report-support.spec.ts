// Support paid and status expiry reports (issue 6) in the browser: the administrator reads a region's
// month figures of support paid (families this spec creates in Kyzylorda, paid in 2066) and downloads the
// table as XLSX, which must hold what the page shows; the Pavlodar coordinator sees only Pavlodar on the
// expiry page, even when the URL asks for Akmola. The spec removes its families afterwards.
import ExcelJS from "exceljs";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";
import { figure, readTable } from "./quota-helpers";

const YEAR = 2066;
const KYZYLORDA = "KZ-43";
const PAVLODAR = "KZ-55";
const AKMOLA = "KZ-11";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const created: number[] = [];

/** A family of `members` members in `regionId`, created directly in the database. */
async function family(
  regionId: string,
  members: number,
  extra: { status?: "SUPPORTED" | "QUOTA_ALLOCATED"; statusValidUntil?: Date } = {},
) {
  const admin = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
  const row = await e2eDb().family.create({
    data: {
      caseNumber: formatCaseNumber(2099, randomInt(1, 999_999)),
      category: "KANDAS",
      status: extra.status ?? "SUPPORTED",
      originCountry: "UZ",
      targetRegionId: regionId,
      applicationDate: day(`${YEAR - 1}-06-01`),
      statusValidUntil: extra.statusValidUntil ?? null,
      createdById: admin.id,
      updatedById: admin.id,
      members: {
        create: Array.from({ length: members }, (_, index) => ({
          position: index + 1,
          isHead: index === 0,
          relationship: index === 0 ? ("HEAD" as const) : ("CHILD" as const),
          surnameCyr: "Төлемов",
          givenNameCyr: `Бала${index}`,
          surnameLat: "Tolemov",
          givenNameLat: `Bala${index}`,
          birthDate: day(index === 0 ? "1980-01-01" : "2012-01-01"),
          sex: "M" as const,
          citizenship: "UZ",
        })),
      },
    },
  });
  created.push(row.id);
  return { id: row.id, recordedById: admin.id };
}

test.afterAll(async () => {
  await e2eDb().family.deleteMany({ where: { id: { in: created } } });
});

test("the administrator reads a region's support per month and downloads the same table as XLSX", async ({
  browser,
}) => {
  await e2eDb().mciRate.createMany({ data: [{ year: YEAR, amountTenge: 4000 }], skipDuplicates: true });
  expect((await e2eDb().mciRate.findUniqueOrThrow({ where: { year: YEAR } })).amountTenge).toBe(4000);
  const pay = (
    payee: { id: number; recordedById: number },
    kind: "RELOCATION_SUBSIDY" | "RENT_COMPENSATION",
    amountTenge: number,
    paidOn: string,
  ) =>
    e2eDb().payment.create({
      data: {
        familyId: payee.id,
        kind,
        amountTenge,
        paidOn: day(paidOn),
        months: kind === "RENT_COMPENSATION" ? 1 : null,
        recordedById: payee.recordedById,
      },
    });
  const three = await family(KYZYLORDA, 3);
  const two = await family(KYZYLORDA, 2);
  await pay(three, "RELOCATION_SUBSIDY", 840_000, `${YEAR}-03-10`);
  await pay(two, "RELOCATION_SUBSIDY", 560_000, `${YEAR}-03-20`);
  await pay(two, "RENT_COMPENSATION", 60_020, `${YEAR}-04-15`);

  const { context, page } = await signedInPage(browser, "admin");
  await page.goto(`/reports/support?year=${YEAR}&region=${KYZYLORDA}`);
  await expect(page.getByRole("heading", { name: `Support paid ${YEAR}`, level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Support paid" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("mci-note")).toContainText(`MCI of ${YEAR} (4,000 tenge)`);
  const title = `Kyzylorda Region: support paid per month, ${YEAR}`;
  const table = page.getByRole("table", { name: title });
  const { headers, rows } = await readTable(table);
  expect(headers).toEqual([
    "Month",
    "Relocation subsidy, tenge",
    "Relocation subsidy, MCI",
    "Rent compensation, tenge",
    "Rent compensation, MCI",
    "Total, tenge",
    "Total, MCI",
    "Families",
    "Persons",
  ]);
  const byMonth = Object.fromEntries(rows.map((row) => [row.Month, row]));
  // March: 840 000 + 560 000 = 1 400 000 tenge = 350 MCI of 4 000, 2 families, 5 persons.
  expect(byMonth.March).toMatchObject({
    "Relocation subsidy, tenge": "1,400,000",
    "Relocation subsidy, MCI": "350.00",
    "Total, MCI": "350.00",
    Families: "2",
    Persons: "5",
  });
  // April: rent 60 020 tenge = 15.005 → 15.01 MCI, 1 family of 2.
  expect(byMonth.April).toMatchObject({
    "Rent compensation, tenge": "60,020",
    "Rent compensation, MCI": "15.01",
    "Total, tenge": "60,020",
    Families: "1",
    Persons: "2",
  });
  // The year: the same 2 families; 1 460 020 tenge = 365.005 → 365.01 MCI.
  expect(byMonth.Total).toMatchObject({
    "Total, tenge": "1,460,020",
    "Total, MCI": "365.01",
    Families: "2",
    Persons: "5",
  });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: `${title} — Excel file (XLSX)` }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`support-${YEAR}-${KYZYLORDA}-region-${KYZYLORDA}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const sheetRow = (index: number) =>
    headers.map((_, column) => (sheet.getRow(index).getCell(column + 1).value as string | number | null) ?? null);
  // The table's title above its header, then the rows as on the page.
  const headerRow = [1, 2, 3].find((index) => sheetRow(index)[0] === headers[0]) ?? 0;
  expect(sheetRow(headerRow)).toEqual(headers);
  expect(sheet.getRow(1).getCell(1).value).toBe(title);
  // Every row, read by header: the page's text as a number (or "—" as empty) is the workbook's value.
  rows.forEach((row, index) => {
    const fromSheet = sheetRow(headerRow + 1 + index);
    expect(Object.fromEntries(headers.map((header, column) => [header, fromSheet[column]])), row.Month).toEqual(
      Object.fromEntries(headers.map((header) => [header, figure(row[header] ?? "")])),
    );
  });
  expect(typeof sheet.getRow(headerRow + 3).getCell(3).value).toBe("number");
  await context.close();
});

test("the Pavlodar coordinator sees only Pavlodar's expiring statuses, even when the URL names Akmola", async ({
  browser,
}) => {
  const today = programmeToday();
  // An Akmola status ending in 10 days, so that the country has an Akmola row.
  await family(AKMOLA, 2, { status: "QUOTA_ALLOCATED", statusValidUntil: new Date(today.getTime() + 10 * 86_400_000) });
  const ending = (regionId: string) =>
    e2eDb().family.count({
      where: {
        targetRegionId: regionId,
        category: "KANDAS",
        status: { in: ["APPROVED", "QUOTA_ALLOCATED"] },
        statusValidUntil: { gte: today, lte: new Date(today.getTime() + 30 * 86_400_000) },
      },
    });

  const admin = await signedInPage(browser, "admin");
  await admin.page.goto("/reports/expiry");
  const adminTable = admin.page.getByRole("table", { name: "Kandas statuses ending, by region" });
  await expect(adminTable.getByRole("rowheader", { name: "Akmola Region" })).toBeVisible();
  await admin.context.close();

  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/reports/expiry?region=${AKMOLA}`);
  await expect(page.getByRole("heading", { name: "Kandas statuses ending soon", level: 1 })).toBeVisible();
  await expect(page.getByTestId("report-scope")).toContainText("Your region only: Pavlodar Region");
  // A coordinator has no region filter to pick.
  await expect(page.getByRole("form", { name: "Report filters" }).getByLabel("Region")).toHaveCount(0);
  const { rows } = await readTable(page.getByRole("table", { name: "Kandas statuses ending, by region" }));
  expect(rows.map((row) => row.Region)).toEqual(["Pavlodar Region", "Total"]);
  expect(figure(rows[0]!["Within 30 days (families)"] ?? "")).toBe(await ending(PAVLODAR));
  await expect(
    page.getByRole("link", { name: "Pavlodar Region: cases ended or ending within 30 days" }),
  ).toHaveAttribute("href", `/families/expiring?region=${PAVLODAR}`);
  await expect(page.getByText("Akmola Region")).toHaveCount(0);

  // The export for another region is refused; the own region's file holds the same row.
  expect((await page.request.get(`/reports/expiry/export?region=${AKMOLA}&table=by-region&format=csv`)).status()).toBe(
    404,
  );
  const csv = await page.request.get(`/reports/expiry/export?table=by-region&format=csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines.map((line) => line.split(";")[0])).toEqual(["Region", "Pavlodar Region", "Total"]);
  await context.close();
});
