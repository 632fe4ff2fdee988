import { expect, test, type Page } from "@playwright/test";
import { showcaseFamily } from "@/prisma/demo-families";
import { e2eDb } from "./db";
import { signedInPage } from "./fixtures";

/** The case number of a seeded showcase family, found by its head's IIN. */
async function caseNumberOf(key: string): Promise<string> {
  const head = await e2eDb().person.findUniqueOrThrow({
    where: { iin: showcaseFamily(key).head.iin },
    select: { family: { select: { caseNumber: true } } },
  });
  return head.family.caseNumber;
}

async function searchFor(page: Page, query: string) {
  const box = page.getByRole("searchbox", { name: "Search families" });
  await box.fill(query);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query).replaceAll("%20", "(\\+|%20)")}`));
  await expect(box).toHaveValue(query);
}

test("a Pavlodar caseworker finds families by a Latin name with a typo and by Russian letters, but not Akmola's", async ({
  browser,
}) => {
  const [bekbolatov, ordabayev, akmolaCase] = await Promise.all([
    caseNumberOf("pavlodar-registered"),
    caseNumberOf("pavlodar-under-review"),
    caseNumberOf("akmola-approved"),
  ]);
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families");
  const table = page.getByRole("table", { name: /Families in your scope/ });

  // Бекболатов Нұрлан is Bekbolatov Nurlan in his passport; typed with a slip of the finger.
  await searchFor(page, "Bekbolatow Nurlan");
  await expect(page.getByRole("heading", { name: "Search results for “Bekbolatow Nurlan”" })).toBeVisible();
  await expect(table.getByRole("link", { name: bekbolatov })).toBeVisible();
  await expect(table).toContainText("Бекболатов Нұрлан");

  // He came from China: the origin filter keeps him, Mongolia does not.
  await page.getByLabel("Came from").selectOption({ label: "China" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/origin=CN/);
  await expect(table.getByRole("link", { name: bekbolatov })).toBeVisible();
  await page.getByLabel("Came from").selectOption({ label: "Mongolia" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/origin=MN/);
  await expect(page.getByText("No families match this search and these filters.")).toBeVisible();
  await page.getByLabel("Came from").selectOption({ label: "Any" });

  // Ордабаев Ғалым typed on a Russian keyboard, without the Kazakh letter ғ.
  await searchFor(page, "Ордабаев Галым");
  await expect(table.getByRole("link", { name: ordabayev })).toBeVisible();
  await expect(table).not.toContainText(bekbolatov);

  // The search keeps the filters: the same query among settlers finds nothing (he is a kandas).
  await page.getByLabel("Category").selectOption("SETTLER");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/category=SETTLER/);
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByText("No families match this search and these filters.")).toBeVisible();

  // Another region's case number, typed exactly, finds nothing for a Pavlodar caseworker.
  await page.goto("/families");
  await searchFor(page, akmolaCase);
  await expect(page.getByText("No families match this search and these filters.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("link", { name: akmolaCase })).toHaveCount(0);

  // Clearing the search shows the whole list again.
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(table).toBeVisible();
  await context.close();
});

test("the Akmola caseworker finds the same case number in the own region", async ({ browser }) => {
  const akmolaCase = await caseNumberOf("akmola-approved");
  const { context, page } = await signedInPage(browser, "caseworkerAkmola");
  await page.goto("/families");
  await searchFor(page, akmolaCase.toLowerCase());
  await expect(
    page.getByRole("table", { name: /Families in your scope/ }).getByRole("link", { name: akmolaCase }),
  ).toBeVisible();
  await context.close();
});
