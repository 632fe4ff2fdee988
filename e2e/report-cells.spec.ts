import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./fixtures";

const YEAR = 2026;
const PAVLODAR = "KZ-55";

/** The serious and critical accessibility violations of the page as it is now (rule id and the elements). */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
}

for (const account of ["analyst", "admin"] as const) {
  test(`the quota pages and the processing report have no serious accessibility violations (${account})`, async ({
    browser,
  }) => {
    const { context, page } = await signedInPage(browser, account);
    const pages = [
      `/quotas?year=${YEAR}`,
      `/reports/quotas?year=${YEAR}`,
      `/reports/processing?year=${YEAR}`,
      // The drill-down lists families: the administrator's only (an analyst gets the not-found page).
      ...(account === "admin" ? [`/reports/quotas/${PAVLODAR}?year=${YEAR}`] : []),
    ];
    for (const path of pages) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
    if (account === "analyst") {
      expect((await page.goto(`/reports/quotas/${PAVLODAR}?year=${YEAR}`))?.status()).toBe(404);
    }
    await context.close();
  });
}

test("the quota charts are named images with legends in the interface language, and wide tables take the focus", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await page.goto(`/reports/quotas?year=${YEAR}`);
  const chart = page.getByRole("img", {
    name: `Chart: Kandas: quota by region, ${YEAR}. The same figures are in the table below it.`,
  });
  await expect(chart).toBeVisible();
  // The legend names the series in the interface language, with no "… legend icon" of the chart library.
  await expect(chart.locator("li")).toHaveText(["Quota", "Allocated (persons)", "Arrived (persons)"]);
  await expect(page.locator("[aria-label$='legend icon']")).toHaveCount(0);
  // Nothing inside a chart is reached with Tab.
  await expect(chart.locator("a[href], button, [tabindex]:not([tabindex^='-'])")).toHaveCount(0);
  // The wide table is a region named like the table that the keyboard reaches.
  const region = page.getByRole("region", { name: `Kandas: quota by region, ${YEAR}` });
  await expect(region).toHaveAttribute("tabindex", "0");
  await region.focus();
  await expect(region).toBeFocused();

  // The Quotas page names the order in force for the year with its number and date.
  await page.goto(`/quotas?year=${YEAR}`);
  await expect(page.getByTestId("order-in-force")).toHaveText(
    /^Order in force for 2026: № 14 of Jan 15, 2026(\.|, last amended by .+ of .+ \(\d+ amendments?\)\.)$/,
  );
  await expect(page.getByRole("table", { name: `Quota changes of ${YEAR}, oldest first` })).toContainText(
    "№ 14 of Jan 15, 2026 (order)",
  );
  await page.goto(`/quotas?year=2031`);
  await expect(page.getByTestId("order-in-force")).toHaveText("There is no quota order for 2031.");
  await context.close();
});
