// The processing-times report (issue 6) in the browser: an administrator sees a region's medians and
// percentiles and its overdue cases, changes the review time limit in the settings and sees the list
// change; an analyst sees the same aggregates with small cells suppressed, no list, and exports the table
// as CSV.
// The spec's own families are in Jambyl (KZ-31), a region no demo family moves to, applied last year.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator } from "@playwright/test";
import { formatCaseNumber } from "@/lib/domain/case-number";
import type { CaseStatus } from "@/lib/domain/case-status";
import { workingDaysBetween } from "@/lib/domain/processing-times";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";

const JAMBYL = "KZ-31";
const TODAY = programmeToday();
const YEAR = TODAY.getUTCFullYear() - 1;
const URL = `/reports/processing?year=${YEAR}&region=${JAMBYL}`;
const DAY_MS = 86_400_000;
const day = (month: number, date: number) => new Date(Date.UTC(YEAR, month - 1, date));

/** Oldest and newest case awaiting a decision: both overdue under 30 working days. */
const OLDER = day(1, 5);
const NEWER = day(12, 20);
/** A limit that keeps the older case overdue and not the newer one (it needs more days than the limit). */
const NEW_LIMIT = workingDaysBetween(NEWER, TODAY);

let caseNumbers: { older: string; newer: string };

async function createJambylFamily(applied: Date, status: CaseStatus, events: [CaseStatus, Date][] = []) {
  const admin = await e2eDb().user.findUniqueOrThrow({
    where: { email: DEMO_USERS.admin.email },
    select: { id: true },
  });
  const family = await e2eDb().family.create({
    data: {
      caseNumber: formatCaseNumber(2097, 1 + Math.floor(Math.random() * 999_000)),
      category: "KANDAS",
      status,
      originCountry: "MN",
      targetRegionId: JAMBYL,
      applicationDate: applied,
      createdById: admin.id,
      updatedById: admin.id,
      members: {
        create: {
          position: 1,
          isHead: true,
          relationship: "HEAD",
          surnameCyr: "Жақыпов",
          givenNameCyr: "Бауыржан",
          surnameLat: "Zhakypov",
          givenNameLat: "Bauyrzhan",
          birthDate: new Date(Date.UTC(1979, 4, 9)),
          sex: "M",
          citizenship: "MN",
        },
      },
      events: { create: events.map(([toStatus, at]) => ({ toStatus, at, actorId: admin.id })) },
    },
    select: { caseNumber: true },
  });
  return family.caseNumber;
}

/** The cells of a table's body and footer rows as shown. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator("tbody tr, tfoot tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Decisions after 10, 20, 30, 40 and 50 days (at 06:00 UTC, 11:00 in Almaty): median 30, 90th
  // percentile 40 + 0.6 · 10 = 46. No allocation or arrival yet.
  for (const [index, days] of [10, 20, 30, 40, 50].entries()) {
    const applied = day(2, 2 + index);
    await createJambylFamily(applied, "APPROVED", [
      ["APPROVED", new Date(applied.getTime() + days * DAY_MS + 6 * 3_600_000)],
    ]);
  }
  caseNumbers = {
    older: await createJambylFamily(OLDER, "UNDER_REVIEW"),
    newer: await createJambylFamily(NEWER, "REGISTERED"),
  };
  expect(NEW_LIMIT).toBeGreaterThan(30);
  expect(workingDaysBetween(OLDER, TODAY)).toBeGreaterThan(NEW_LIMIT);
});

test.afterAll(async () => {
  // Back to the seeded value for whoever reads the setting next: the change made here applies from
  // today, which the settings page cannot withdraw, so the test removes its version itself.
  await e2eDb().settingVersion.deleteMany({
    where: { key: "review.timeLimitWorkingDays", effectiveFrom: TODAY, value: { equals: NEW_LIMIT } },
  });
});

test("an administrator sees Jambyl's processing times and overdue cases, and changes the limit", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto(URL);
  await expect(page.getByRole("heading", { name: `Processing times ${YEAR}` })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Processing times" }),
  ).toHaveAttribute("aria-current", "page");
  const table = page.getByTestId("report-table-processing");
  // Region, cases, decided, median, p90, allocated (—, —), arrived (—, —), awaiting, overdue.
  const jambyl = ["Jambyl Region", "7", "5", "30.0", "46.0", "0", "—", "—", "0", "—", "—", "2", "2"];
  expect(await tableRows(table)).toEqual([jambyl, ["Total", ...jambyl.slice(1)]]);
  await expect(page.getByTestId("review-limit")).toContainText("Review time limit: 30 working days");

  const overdue = page.getByRole("table", { name: `Cases overdue for a decision, applied in ${YEAR}` });
  const listed = async () => (await tableRows(overdue)).map((row) => row[0]);
  expect(await listed()).toEqual([caseNumbers.older, caseNumbers.newer]);
  await expect(overdue.getByRole("link", { name: caseNumbers.older })).toHaveAttribute("href", /^\/families\/\d+$/);
  const olderRow = (await tableRows(overdue))[0]!;
  expect(olderRow.slice(1, 4)).toEqual(["Жақыпов БауыржанZhakypov Bauyrzhan", "Jambyl Region", "Under review"]);
  expect(olderRow[6]).toBe(String(workingDaysBetween(OLDER, TODAY)));

  // The administrator follows the report's link to the settings and changes the limit from today.
  await page.getByRole("link", { name: "Change it in the settings." }).click();
  await expect(page).toHaveURL(/\/admin\/settings#review-time-limit$/);
  const section = page.getByRole("region", { name: "Review time limit" });
  await section.getByLabel("New value, working days").fill(String(NEW_LIMIT));
  await section.getByRole("button", { name: "Save the change" }).click();
  await expect(section.getByRole("status")).toContainText("Saved");
  await page.goto(URL);
  await expect(page.getByTestId("review-limit")).toContainText(`Review time limit: ${NEW_LIMIT} working days`);
  await expect.poll(listed).toEqual([caseNumbers.older]);
  expect((await tableRows(table))[0]?.at(-1)).toBe("1");

  const audit = await e2eDb().auditLog.findFirst({
    where: { action: "setting.update", entityId: "review.timeLimitWorkingDays" },
    orderBy: { id: "desc" },
  });
  expect(audit?.changes).toMatchObject({ changes: { value: { from: 30, to: NEW_LIMIT } } });
  await context.close();
});

test("an analyst sees the aggregates with small cells suppressed, no cases, and exports the table as CSV", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await page.goto(URL);
  await expect(page.getByRole("heading", { name: `Processing times ${YEAR}` })).toBeVisible();
  await expect(page.getByTestId("suppression-note")).toBeVisible();
  const table = page.getByTestId("report-table-processing");
  // 2 awaiting a decision and 1 overdue (the limit the previous test set) are fewer than 5.
  const jambyl = ["Jambyl Region", "7", "5", "30.0", "46.0", "0", "—", "—", "0", "—", "—", "<5", "<5"];
  const shown = await tableRows(table);
  expect(shown).toEqual([jambyl, ["Total", ...jambyl.slice(1)]]);
  await expect(page.getByTestId("overdue-table")).toHaveCount(0);
  await expect(page.getByLabel("Limit, working days")).toHaveCount(0);
  const exportOverdue = await page.request.get(
    `/reports/processing/export?year=${YEAR}&region=${JAMBYL}&table=overdue&format=csv`,
  );
  expect(exportOverdue.status()).toBe(404);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: `CSV file — Processing times by region, cases applied in ${YEAR}` }).click();
  const download = await downloadPromise;
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(";"));
  const header = (await table.locator("thead th").allTextContents()).map((cell) => cell.trim());
  expect(lines[0]).toEqual(header);
  // The same figures as the page, suppressed cells and those without cases empty.
  const asCsv = (row: string[]) => row.map((cell) => (cell === "—" || cell === "<5" ? "" : cell));
  expect(lines.slice(1, 3)).toEqual(shown.map(asCsv));
  // A note on the suppressed cells after an empty line.
  expect(lines.slice(3, 4)).toEqual([[""]]);
  expect(lines[4]?.[0]).toMatch(/^Empty cells: fewer than 5 persons or families/);
  await context.close();
});
