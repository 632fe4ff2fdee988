import { expect, test } from "@playwright/test";
import { signedInPage } from "./fixtures";

test("a Pavlodar caseworker sees only Pavlodar families, and an Akmola family's URL is not found", async ({
  browser,
}) => {
  const akmola = await signedInPage(browser, "caseworkerAkmola");
  await akmola.page.goto("/families");
  // The first case of the list (the headers' links sort it).
  const akmolaLink = akmola.page
    .getByRole("table", { name: /Families in your scope/ })
    .locator("tbody")
    .getByRole("link")
    .first();
  const akmolaCaseNumber = (await akmolaLink.textContent())?.trim() ?? "";
  const akmolaFamilyUrl = (await akmolaLink.getAttribute("href")) ?? "";
  expect(akmolaFamilyUrl).toMatch(/^\/families\/\d+$/);
  await akmola.context.close();

  const pavlodar = await signedInPage(browser, "caseworkerPavlodar");
  const { page } = pavlodar;
  await page.goto("/families");
  const table = page.getByRole("table", { name: /Families in your scope/ });
  const regionCells = table.locator("tbody tr td:nth-child(5)");
  expect(await regionCells.count()).toBeGreaterThan(0);
  for (const cell of await regionCells.all()) await expect(cell).toContainText("Pavlodar Region");
  await expect(table).not.toContainText(akmolaCaseNumber);

  // Forcing the other region through the filter shows nothing either.
  await page.goto("/families?region=KZ-11");
  await expect(page.getByText("No families match these filters.")).toBeVisible();

  const response = await page.goto(akmolaFamilyUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Case not found" })).toBeVisible();
  await expect(page.getByText(akmolaCaseNumber)).toHaveCount(0);
  await pavlodar.context.close();
});

test("a caseworker opens an own family and sees its members and status history", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families");
  await page
    .getByRole("table", { name: /Families in your scope/ })
    .locator("tbody")
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^NK-\d{4}-\d{6}$/);
  await expect(page.getByRole("heading", { name: /Family members \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Head of family" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status history" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Registered" }).first()).toBeVisible();
  await context.close();
});

test("the family list pages with a cursor in the URL, and the link shows the same page again", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families");
  const firstPageCases = await page.locator("tbody tr td:first-child").allTextContents();
  await page.getByRole("link", { name: "Next page »" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  const secondPageCases = await page.locator("tbody tr td:first-child").allTextContents();
  expect(secondPageCases.length).toBeGreaterThan(0);
  expect(secondPageCases.some((caseNumber) => firstPageCases.includes(caseNumber))).toBe(false);
  await page.reload();
  expect(await page.locator("tbody tr td:first-child").allTextContents()).toEqual(secondPageCases);
  await context.close();
});

test("filters live in the URL", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto("/families");
  await page.getByLabel("Category").selectOption("SETTLER");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/category=SETTLER/);
  const categories = await page.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(categories.length).toBeGreaterThan(0);
  expect(new Set(categories)).toEqual(new Set(["Settler"]));
  await context.close();
});
