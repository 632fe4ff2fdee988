// The programme settings in the browser (issue 13): the administrator opens them from the navigation,
// changes the review time limit from today and schedules a benefit rate for a later day (a bad value is
// refused with a message and kept), sees both in the page and the history, withdraws the scheduled one;
// no internal key shows anywhere; the number of daily backups kept (issue 14) is edited like the others.
// The analyst has no navigation entry and gets "not found".
import { expect, test, type Locator } from "@playwright/test";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";

const DAY_MS = 86_400_000;
const TODAY = programmeToday();
const IN_TEN_DAYS = new Date(TODAY.getTime() + 10 * DAY_MS);
const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const shownDay = (day: Date) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(day);

/** Stored keys and catalogue keys look like `area.name`; none may reach the page's text. */
/** A year of MCI no other spec sets. */
const MCI_YEAR = 2095;

const INTERNAL_KEY = /\b(?:benefits|review|status|documents|lookup|session|security|backup|settings)\.[a-z]\w*/;

let lastVersionBefore = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const latest = await e2eDb().settingVersion.aggregate({ _max: { id: true } });
  lastVersionBefore = latest._max.id ?? 0;
});

test.afterAll(async () => {
  // A change from today cannot be withdrawn on the page (it already applies): remove this spec's
  // versions so that the specs after it read the seeded values.
  await e2eDb().settingVersion.deleteMany({ where: { id: { gt: lastVersionBefore } } });
  await e2eDb().mciRate.deleteMany({ where: { year: MCI_YEAR } });
});

/** The cells of a table's body rows as shown. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
}

test("the administrator changes the review time limit and a benefit rate, and sees the history", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Programme settings" })).toBeVisible();
  expect(await page.locator("main").innerText()).not.toMatch(INTERNAL_KEY);

  // The review time limit: 0 is refused at the field and stays typed; 20 applies from today.
  const limit = page.getByRole("region", { name: "Review time limit" });
  await expect(limit.getByTestId("review-time-limit-current")).toContainText("30 working days");
  const days = limit.getByLabel("New value, working days");
  await expect(days).toHaveValue("30");
  await expect(limit.getByLabel("Applies from")).toHaveValue(isoDay(TODAY));
  // The button is enabled once the form is hydrated; typing before that would race its default values.
  await expect(limit.getByRole("button", { name: "Save the change" })).toBeEnabled();
  await days.fill("0");
  await limit.getByRole("button", { name: "Save the change" }).click();
  await expect(limit.getByText("Enter a whole number of working days from 1 to 365.")).toBeVisible();
  await expect(days).toHaveValue("0");
  await days.fill("20");
  await limit.getByLabel("Reason (optional, e.g. the order)").fill("Бұйрық № 7");
  await limit.getByRole("button", { name: "Save the change" }).click();
  await expect(limit.getByRole("status")).toHaveText(`Saved. The new value applies from ${shownDay(TODAY)}.`);
  await expect(limit.getByTestId("review-time-limit-current")).toContainText("20 working days");
  await expect(limit.getByTestId("review-time-limit-current")).toContainText(
    `since ${shownDay(TODAY)}, set by ${DEMO_USERS.admin.fullName}`,
  );

  await limit.getByText(/^History/).click();
  const history = limit.getByRole("table", { name: "Changes of this setting, newest first" });
  const [newest] = await tableRows(history);
  expect(newest?.slice(1)).toEqual([
    DEMO_USERS.admin.fullName,
    shownDay(TODAY),
    "30 working days",
    "20 working days",
    "Бұйрық № 7",
    "—",
  ]);

  // A benefit rate from ten days on: a minimum above the maximum is refused and kept.
  const rent = page.getByRole("region", { name: "Rent and utilities compensation per month" });
  const minimum = rent.getByLabel("Minimum, MCI");
  await minimum.fill("40");
  await rent.getByRole("button", { name: "Save the change" }).click();
  await expect(rent.getByText("The maximum must not be below the minimum.")).toBeVisible();
  await expect(minimum).toHaveValue("40");
  await minimum.fill("20");
  await rent.getByLabel("Maximum, MCI").fill("35");
  await rent.getByLabel("Applies from").fill(isoDay(IN_TEN_DAYS));
  await rent.getByRole("button", { name: "Save the change" }).click();
  await expect(rent.getByRole("status")).toHaveText(`Saved. The new value applies from ${shownDay(IN_TEN_DAYS)}.`);
  const scheduledList = rent.getByRole("list", { name: "Scheduled changes" });
  await expect(scheduledList.getByRole("listitem")).toHaveCount(1);
  await expect(scheduledList).toContainText(`From ${shownDay(IN_TEN_DAYS)}`);
  await expect(scheduledList).toContainText("20 MCI to 35 MCI");
  // Still the published range until then.
  await expect(rent.getByTestId("rent-mci-per-month-current")).toContainText("15 MCI to 30 MCI");

  const scheduled = await e2eDb().settingVersion.findFirstOrThrow({
    where: { key: "benefits.rentMciPerMonth", id: { gt: lastVersionBefore } },
    orderBy: { id: "desc" },
  });
  expect(scheduled).toMatchObject({ value: { min: 20, max: 35 }, effectiveFrom: IN_TEN_DAYS, withdrawnAt: null });
  const audit = await e2eDb().auditLog.findFirst({
    where: { action: "setting.update", entityId: "benefits.rentMciPerMonth" },
    orderBy: { id: "desc" },
  });
  expect(audit?.changes).toMatchObject({
    effectiveFrom: isoDay(IN_TEN_DAYS),
    changes: { value: { from: { min: 15, max: 30 }, to: { min: 20, max: 35 } } },
  });

  // Withdrawn before its day, it leaves the scheduled changes and stays in the history as withdrawn.
  await rent.getByRole("button", { name: `Withdraw the change from ${shownDay(IN_TEN_DAYS)}` }).click();
  await expect(scheduledList).toBeHidden();
  await expect(page.getByTestId("flash")).toHaveText("The change is withdrawn.");
  await rent.getByText(/^History/).click();
  await expect(rent.getByRole("table", { name: "Changes of this setting, newest first" })).toContainText(
    `withdrawn by ${DEMO_USERS.admin.fullName}`,
  );
  expect((await e2eDb().settingVersion.findUniqueOrThrow({ where: { id: scheduled.id } })).withdrawnAt).not.toBeNull();
  expect(await page.locator("main").innerText()).not.toMatch(INTERNAL_KEY);
  await context.close();
});

test("the administrator adds the MCI of a year; a bad amount is refused and kept", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto("/admin/settings");
  const mci = page.getByRole("region", { name: "MCI by year" });
  const form = mci.getByRole("form", { name: "Set the MCI of a year" });
  // The button is enabled once the form is hydrated; typing before that would race its default values.
  await expect(form.getByRole("button", { name: "Save the MCI" })).toBeEnabled();
  await form.getByLabel("Year").fill(String(MCI_YEAR));
  const amount = form.getByLabel("MCI, tenge");
  await amount.fill("4 700,5");
  await form.getByRole("button", { name: "Save the MCI" }).click();
  await expect(form.getByText("Enter the MCI as a whole number of tenge from 1 to 1,000,000.")).toBeVisible();
  await expect(amount).toHaveValue("4 700,5");
  await amount.fill("4 700");
  await form.getByRole("button", { name: "Save the MCI" }).click();
  await expect(form.getByRole("status")).toHaveText(`The MCI of ${MCI_YEAR} is saved.`);
  const table = mci.getByRole("table", { name: "MCI by year" });
  await expect(table.getByRole("row", { name: new RegExp(`^${MCI_YEAR} `) })).toContainText("KZT 4,700");
  await expect(table.getByRole("row", { name: new RegExp(`^${MCI_YEAR} `) })).toContainText(DEMO_USERS.admin.fullName);

  // "Edit" puts the year's figures into the form.
  await table.getByRole("button", { name: "Edit the MCI of 2026" }).click();
  await expect(form.getByLabel("Year")).toHaveValue("2026");
  await expect(amount).toHaveValue("4325");
  expect(await e2eDb().mciRate.findUniqueOrThrow({ where: { year: MCI_YEAR } })).toMatchObject({ amountTenge: 4700 });
  await context.close();
});

test("the administrator sets how many daily backups are kept, in the operations group", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto("/admin/settings");
  const kept = page.getByRole("region", { name: "Operations" }).getByRole("region", { name: "Daily backups kept" });
  await expect(kept.getByTestId("backup-daily-kept-current")).toContainText("7 backups");
  const value = kept.getByLabel("New value, backups");
  await expect(kept.getByRole("button", { name: "Save the change" })).toBeEnabled();
  await value.fill("0");
  await kept.getByRole("button", { name: "Save the change" }).click();
  await expect(kept.getByText("Enter a whole number of backups from 1 to 90.")).toBeVisible();
  await value.fill("14");
  await kept.getByLabel("Applies from").fill(isoDay(IN_TEN_DAYS));
  await kept.getByRole("button", { name: "Save the change" }).click();
  await expect(kept.getByRole("status")).toHaveText(`Saved. The new value applies from ${shownDay(IN_TEN_DAYS)}.`);
  await expect(kept.getByRole("list", { name: "Scheduled changes" })).toContainText("14 backups");
  const version = await e2eDb().settingVersion.findFirstOrThrow({
    where: { key: "backup.dailyKept", id: { gt: lastVersionBefore } },
  });
  expect(version).toMatchObject({ value: 14, effectiveFrom: IN_TEN_DAYS });
  expect(await page.locator("main").innerText()).not.toMatch(INTERNAL_KEY);
  await context.close();
});

test("the analyst has no settings: no navigation entry, and the page is not found", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }),
  ).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Programme settings")).toHaveCount(0);
  await context.close();
});
