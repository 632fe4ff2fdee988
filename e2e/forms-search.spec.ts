import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { showcaseFamily } from "@/prisma/demo-families";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { signedInPage } from "./fixtures";

/** The serious and critical accessibility violations of the page as it is now (rule id and the elements). */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(" ")) }));
}

const errorSummary = (page: Page) => page.getByRole("alert").filter({ has: page.getByRole("heading") });

test("the family form marks its required fields and, sent empty, lists the problems at its top with links to the fields", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families/new");
  const head = page.getByRole("group", { name: "Member 1", exact: true });
  await expect(page.getByText("Fields marked * are required.")).toBeVisible();
  // The mark is not part of the name: the fields keep their labels and say "required" through aria-required.
  await expect(page.getByLabel("Country of origin", { exact: true })).toHaveAttribute("aria-required", "true");
  await expect(head.getByLabel("Surname (Cyrillic)", { exact: true })).toHaveAttribute("aria-required", "true");
  await expect(head.getByLabel("Patronymic (Cyrillic)", { exact: true })).not.toHaveAttribute("aria-required");
  await expect(page.getByLabel("Phone", { exact: true })).not.toHaveAttribute("aria-required");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Address", { exact: true }).fill("Павлодар, Ломов 3");
  await head.getByLabel("Given name (Cyrillic)", { exact: true }).fill("Бейбарыс");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "There are 5 problems" })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Member 1, Surname (Cyrillic): This field is required.",
    "Member 1, Surname (Latin): This field is required.",
    "Member 1, Date of birth: This field is required.",
    "Member 1, Sex: This field is required.",
    "Member 1, Citizenship: This field is required.",
  ]);
  expect(await seriousViolations(page)).toEqual([]);

  await summary.getByRole("link", { name: "Member 1, Surname (Cyrillic): This field is required." }).click();
  await expect(head.getByLabel("Surname (Cyrillic)", { exact: true })).toBeFocused();
  await summary.getByRole("link", { name: "Member 1, Date of birth: This field is required." }).click();
  await expect(head.getByLabel("Date of birth", { exact: true })).toBeFocused();

  // What was typed stays, and the summary follows the corrections.
  await expect(page.getByLabel("Address", { exact: true })).toHaveValue("Павлодар, Ломов 3");
  await expect(head.getByLabel("Given name (Cyrillic)", { exact: true })).toHaveValue("Бейбарыс");
  await expect(head.getByLabel("Given name (Latin)", { exact: true })).toHaveValue("Beibarys");
  await head.getByLabel("Surname (Cyrillic)", { exact: true }).fill("Жанұзақов");
  await expect(summary.getByRole("heading", { name: "There are 4 problems" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Surname \(Cyrillic\)/ })).toHaveCount(0);
  await context.close();
});

test("the new staff account form, sent empty, lists its problems; a link focuses the field and the typed phone stays", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.goto("/admin/users/new");
  await expect(page.getByLabel("Role", { exact: true })).toHaveAttribute("aria-required", "true");
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveAttribute("aria-required", "true");
  await expect(page.getByLabel("Phone (optional)", { exact: true })).not.toHaveAttribute("aria-required");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Phone (optional)", { exact: true }).fill("8 701 555 12 34");
  await page.getByRole("button", { name: "Create the account" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "There are 4 problems" })).toBeVisible();
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "E-mail: This field is required." }).click();
  await expect(page.getByLabel("E-mail", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Phone (optional)", { exact: true })).toHaveValue("8 701 555 12 34");
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("the family search says how many families it found", async ({ browser }) => {
  const head = await e2eDb().person.findUniqueOrThrow({
    where: { iin: showcaseFamily("pavlodar-registered").head.iin },
    select: { family: { select: { caseNumber: true } } },
  });
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  const box = page.getByRole("searchbox", { name: "Search families" });

  await page.goto("/families");
  await box.fill(head.family.caseNumber);
  await box.press("Enter");
  await expect(page.getByText("1 family found", { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await box.fill("Щщщщзыхова");
  await box.press("Enter");
  await expect(page.getByText("No families found", { exact: true })).toBeVisible();

  // The whole list of the region: more than a page, counted to the end or said to be more than the cap.
  await page.goto("/families");
  await expect(page.getByText(/^(\d[\d,]* families found|More than 1,000 families found)$/)).toBeVisible();
  await context.close();
});

test("the family search sorts by the head's name in Kazakh order, both ways, and keeps the order through the filters", async ({
  browser,
}) => {
  const surname = { surnameCyr: "Сұрыпталған", surnameLat: "Suryptalgan" };
  const born = new Date(Date.UTC(1980, 0, 1));
  // Registered out of alphabetical order; Kazakh puts Ә after А, Ғ after Г, Қ after К.
  for (const given of [
    { givenNameCyr: "Қайрат", givenNameLat: "Kairat" },
    { givenNameCyr: "Арман", givenNameLat: "Arman" },
    { givenNameCyr: "Ғалым", givenNameLat: "Galym" },
    { givenNameCyr: "Әсем", givenNameLat: "Asem" },
  ]) {
    await createPavlodarFamily([{ ...surname, ...given, sex: "M", birthDate: born, citizenship: "CN" }]);
  }
  const inKazakhOrder = ["Арман", "Әсем", "Ғалым", "Қайрат"].map((given) => `${surname.surnameCyr} ${given}`);
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  const box = page.getByRole("searchbox", { name: "Search families" });
  const table = page.getByRole("table");
  const headColumn = page.getByRole("columnheader", { name: /^Head of family/ });
  const headNames = async () =>
    (await table.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((text) => text.split("\n")[0]!.trim());

  await page.goto("/families");
  await box.fill(surname.surnameCyr);
  await box.press("Enter");
  await expect(page.getByText("4 families found", { exact: true })).toBeVisible();
  await expect(headColumn).not.toHaveAttribute("aria-sort");

  await headColumn.getByRole("link", { name: "Head of family, sort ascending" }).click();
  await expect(headColumn).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=surname&dir=asc/);
  expect(await headNames()).toEqual(inKazakhOrder);
  expect(await seriousViolations(page)).toEqual([]);

  await headColumn.getByRole("link", { name: "Head of family, sort descending" }).click();
  await expect(headColumn).toHaveAttribute("aria-sort", "descending");
  expect(await headNames()).toEqual([...inKazakhOrder].reverse());

  // A filter applied to the sorted list keeps its order.
  await page.getByLabel("Status").selectOption({ label: "Registered" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=REGISTERED/);
  await expect(headColumn).toHaveAttribute("aria-sort", "descending");
  expect(await headNames()).toEqual([...inKazakhOrder].reverse());
  await context.close();
});
