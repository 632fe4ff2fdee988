// The audit viewer in the browser: the administrator reads who opened a case and downloads it, a
// coordinator reads the own region's entries only, and analysts and caseworkers find no such page.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { DEMO_USERS, signedInPage } from "./fixtures";

const TABLE = "Audit log entries, newest first";

test("the administrator opens a case, then its access history shows the view with the name, and downloads it", async ({
  browser,
}) => {
  const family = await createPavlodarFamily([
    {
      surnameCyr: "Аудитов",
      givenNameCyr: "Ержан",
      surnameLat: "Auditov",
      givenNameLat: "Yerzhan",
      sex: "M",
      birthDate: new Date(Date.UTC(1980, 4, 12)),
      citizenship: "CN",
    },
  ]);
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto(`/families/${family.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(family.caseNumber);
  await page.getByRole("link", { name: "Access history" }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?case=${family.caseNumber}$`));
  await expect(page.getByLabel("Case number")).toHaveValue(family.caseNumber);
  const view = page
    .getByRole("table", { name: TABLE })
    .getByRole("row")
    .filter({ hasText: "View of a family's record" });
  await expect(view).toHaveCount(1);
  await expect(view).toContainText(DEMO_USERS.admin.fullName);
  await expect(view).toContainText("Administrator");
  await expect(view).toContainText("Pavlodar Region");
  await expect(view).toContainText("Succeeded");
  await expect(view.getByRole("link", { name: family.caseNumber })).toHaveAttribute("href", `/families/${family.id}`);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(family.caseNumber);
  expect(csv).toContain(DEMO_USERS.admin.fullName);
  const admin = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
  const exported = await e2eDb().auditLog.findFirstOrThrow({
    where: { action: "audit.export", actorId: admin.id },
    orderBy: { id: "desc" },
  });
  expect(exported.changes).toMatchObject({ filters: { case: family.caseNumber } });
  await context.close();
});

test("a coordinator reads the own region's entries and its staff's sign-ins, not another region's", async ({
  browser,
}) => {
  // A sign-in of each region's caseworker, so that both exist in the log.
  for (const account of ["caseworkerPavlodar", "caseworkerAkmola"] as const) {
    const { context } = await signedInPage(browser, account);
    await context.close();
  }
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByText(/^Entries of Pavlodar Region/)).toBeVisible();

  await page.getByRole("combobox", { name: "Action", exact: true }).selectOption({ label: "Sign-in" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=auth\.login/);
  const table = page.getByRole("table", { name: TABLE });
  await expect(table).toContainText(DEMO_USERS.caseworkerPavlodar.fullName);
  await expect(table).not.toContainText(DEMO_USERS.caseworkerAkmola.fullName);

  await page.goto("/admin/audit");
  const regions = page.getByRole("table", { name: TABLE }).locator("tbody tr td:nth-child(5)");
  expect(await regions.count()).toBeGreaterThan(0);
  for (const cell of await regions.all()) await expect(cell).toHaveText(/^(Pavlodar Region|—)$/);
  await context.close();
});

test("an analyst and a caseworker find no audit log, not even its export", async ({ browser }) => {
  for (const account of ["analyst", "caseworkerAkmola"] as const) {
    const { context, page } = await signedInPage(browser, account);
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Audit log" }),
    ).toHaveCount(0);
    expect((await page.goto("/admin/audit"))?.status()).toBe(404);
    expect((await page.request.get("/admin/audit/export")).status()).toBe(404);
    await context.close();
  }
});

test("a hand-edited filter is answered with a message at its field, not an error", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "admin");
  const response = await page.goto("/admin/audit?person=%00&from=2026-02-30");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Enter an e-mail address or a staff number.")).toBeVisible();
  await expect(page.getByText("Enter a date between 2000 and 2999.")).toBeVisible();
  await expect(page.getByLabel("Person", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-02-30");
  await expect(page.getByText("Nothing is listed until the filters marked above are corrected.")).toBeVisible();
  await page.goto("/admin/audit?from=2026-12-08&to=2026-12-01");
  await expect(page.getByText("The last day comes before the first.")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-12-01");
  const exported = await page.request.get("/admin/audit/export?case=NK-1");
  expect(exported.status()).toBe(400);
  expect(exported.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await exported.text()).toBe("Enter a case number such as NK-2026-000123.");
  await context.close();
});
