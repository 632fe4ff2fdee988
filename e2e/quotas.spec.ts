import { expect, test } from "@playwright/test";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";
import {
  PAVLODAR,
  YEAR,
  createApprovedPavlodarFamily,
  includeInQuota,
  quotaFromDb,
  quotaRowFigures,
  submitAmendment,
  uniqueReference,
} from "./quota-helpers";

const pavlodarKandasQuota = () => quotaFromDb(PAVLODAR, "KANDAS");

test("the administrator amends a quota upward, sees it in the history, and cannot go below allocated", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Quotas" }).click();
  await expect(page.getByRole("heading", { name: "Quotas", level: 1 })).toBeVisible();
  await page.getByLabel("Year").selectOption(String(YEAR));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${YEAR}`));

  const before = await pavlodarKandasQuota();
  expect((await quotaRowFigures(page, PAVLODAR, "KANDAS")).total).toBe(before.total);

  const reference = uniqueReference("E2E-AM");
  const newTotal = before.total + 5;
  const form = await submitAmendment(page, { region: "Pavlodar Region", pool: "Kandas", total: newTotal, reference });
  await expect(form.getByRole("status")).toHaveText(
    `Amendment recorded: Pavlodar Region, Kandas, ${before.total} → ${newTotal}.`,
  );

  await expect(page.getByTestId(`quota-${PAVLODAR}-KANDAS`).getByRole("cell").nth(1)).toHaveText(String(newTotal));
  const historyRow = page
    .getByRole("table", { name: `Quota changes of ${YEAR}, oldest first` })
    .getByRole("row")
    .filter({ hasText: reference });
  await expect(historyRow).toHaveCount(1);
  await expect(historyRow).toContainText(DEMO_USERS.admin.fullName);
  await expect(historyRow).toContainText("Pavlodar Region");
  await expect(historyRow).toContainText("(amendment)");
  await expect(historyRow).toContainText(`${before.total} → ${newTotal}`);
  expect((await pavlodarKandasQuota()).total).toBe(newTotal);

  // Below what is already allocated: refused with the figures next to the field, the input kept.
  const { allocated } = await pavlodarKandasQuota();
  expect(allocated).toBeGreaterThan(0);
  const tooFew = allocated - 1;
  const refusedReference = uniqueReference("E2E-AM");
  await submitAmendment(page, {
    region: "Pavlodar Region",
    pool: "Kandas",
    total: tooFew,
    reference: refusedReference,
  });
  const totalField = form.getByLabel("New quota (persons)");
  await expect(totalField).toHaveAttribute("aria-invalid", "true");
  await expect(totalField).toHaveAccessibleDescription(
    new RegExp(`^\\d+ places are already allocated; the new quota \\(${tooFew}\\) cannot be lower\\.$`),
  );
  const description = await form.locator("#amend-total-error").innerText();
  expect(Number(description.match(/^(\d+)/)?.[1])).toBeGreaterThanOrEqual(allocated);
  await expect(form.getByRole("status")).toContainText(
    new RegExp(`The quota cannot be set below the places already allocated: \\d+ allocated, ${tooFew} requested\\.`),
  );
  await expect(totalField).toHaveValue(String(tooFew));
  await expect(form.getByLabel("Order reference")).toHaveValue(refusedReference);
  expect((await pavlodarKandasQuota()).total).toBe(newTotal);
  expect(await e2eDb().quotaOrder.count({ where: { reference: refusedReference } })).toBe(0);
  await context.close();
});

test("a Pavlodar coordinator sees only Pavlodar quotas and the remaining places drop after an inclusion", async ({
  browser,
}) => {
  const family = await createApprovedPavlodarFamily();
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/quotas?year=${YEAR}`);
  const quotaTable = page.getByRole("table", { name: `Quotas of ${YEAR} by region and pool` });
  await expect(quotaTable.locator("tbody").getByRole("rowheader")).toHaveText(["Pavlodar Region", "Pavlodar Region"]);
  await expect(page.getByRole("form", { name: "Amend a quota" })).toHaveCount(0);
  const { remaining: remainingBefore } = await quotaRowFigures(page, PAVLODAR, "KANDAS");
  expect(remainingBefore).toBeGreaterThan(0);

  await includeInQuota(page, family.id);

  await page.goto(`/quotas?year=${YEAR}`);
  const { remaining: remainingAfter } = await quotaRowFigures(page, PAVLODAR, "KANDAS");
  expect(remainingAfter).toBe(remainingBefore - 1);
  const allocation = await e2eDb().allocation.findFirstOrThrow({ where: { familyId: family.id } });
  expect(allocation).toMatchObject({ status: "ACTIVE", persons: 1, year: YEAR });
  await context.close();
});

test("the administrator enters a future year's order; invalid cells, a bad year and a second order are refused", async ({
  browser,
}) => {
  const orderYear = YEAR + 3; // never seeded; the previous year (YEAR + 2) has no quotas either
  const { context, page } = await signedInPage(browser, "admin");

  // From /quotas: next year's form offers the current year's totals as a starting point.
  await page.goto(`/quotas?year=${YEAR}`);
  await page.getByRole("link", { name: "Enter a year's order" }).click();
  await expect(page.getByRole("heading", { name: "Enter a year's quota order", level: 1 })).toBeVisible();
  let form = page.getByRole("form", { name: "Enter a year's quota order" });
  await expect(form.getByLabel("Year")).toHaveValue(String(YEAR + 1));
  const cell = (region: string, pool: "Kandas" | "Settler") =>
    form.getByRole("textbox", { name: `${region} ${pool}`, exact: true });
  await form.getByRole("button", { name: `Copy the totals of ${YEAR}` }).click();
  const current = await e2eDb().quota.groupBy({ by: ["pool"], where: { year: YEAR }, _sum: { total: true } });
  const currentSum = (pool: "KANDAS" | "SETTLER") => current.find((row) => row.pool === pool)?._sum.total ?? 0;
  await expect(cell("Pavlodar Region", "Kandas")).toHaveValue(String((await pavlodarKandasQuota()).total));
  await expect(form.getByTestId("order-total-KANDAS")).toHaveText(currentSum("KANDAS").toLocaleString("en-US"));
  await expect(form.getByTestId("order-total-SETTLER")).toHaveText(currentSum("SETTLER").toLocaleString("en-US"));

  // The year's own form: nothing to copy, totals per pool follow the typing.
  await page.goto(`/quotas/orders/new?year=${orderYear}`);
  form = page.getByRole("form", { name: "Enter a year's quota order" });
  await expect(form.getByLabel("Year")).toHaveValue(String(orderYear));
  await expect(form.getByRole("button", { name: /^Copy the totals of/ })).toHaveCount(0);
  const reference = uniqueReference("E2E-ORDER");
  await form.getByLabel("Order reference").fill(reference);
  await cell("Pavlodar Region", "Kandas").fill("120");
  await cell("Pavlodar Region", "Settler").fill("300");
  await cell("Akmola Region", "Kandas").fill("45");
  await expect(form.getByTestId("order-total-KANDAS")).toHaveText("165");
  await expect(form.getByTestId("order-total-SETTLER")).toHaveText("300");

  // Letters, a negative total and a year out of range: each field says what is wrong, nothing is stored.
  const totalMessage = "Enter a whole number of persons, 0 or more.";
  await cell("North Kazakhstan Region", "Kandas").fill("abc");
  await cell("Kostanay Region", "Settler").fill("-5");
  await form.getByLabel("Year").fill("1990");
  await form.getByRole("button", { name: "Record the order" }).click();
  for (const invalid of [cell("North Kazakhstan Region", "Kandas"), cell("Kostanay Region", "Settler")]) {
    await expect(invalid).toHaveAttribute("aria-invalid", "true");
    await expect(invalid).toHaveAccessibleDescription(totalMessage);
  }
  await expect(cell("Pavlodar Region", "Kandas")).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Year")).toHaveAccessibleDescription("Enter a year between 1991 and 2100.");
  await expect(form.getByTestId("order-total-KANDAS")).toHaveText("165");
  expect(await e2eDb().quotaOrder.count({ where: { reference } })).toBe(0);

  await cell("North Kazakhstan Region", "Kandas").fill("");
  await cell("Kostanay Region", "Settler").fill("");
  await form.getByLabel("Year").fill(String(orderYear));
  await form.getByRole("button", { name: "Record the order" }).click();
  await expect(page).toHaveURL(new RegExp(`/quotas\\?year=${orderYear}$`));
  expect(await quotaRowFigures(page, PAVLODAR, "KANDAS")).toEqual({ total: 120, allocated: 0, remaining: 120 });
  expect(await quotaRowFigures(page, PAVLODAR, "SETTLER")).toEqual({ total: 300, allocated: 0, remaining: 300 });
  expect(await quotaRowFigures(page, "KZ-11", "KANDAS")).toEqual({ total: 45, allocated: 0, remaining: 45 });
  const quotaTable = page.getByRole("table", { name: `Quotas of ${orderYear} by region and pool` });
  await expect(quotaTable.locator("tbody tr")).toHaveCount(3);
  const history = page
    .getByRole("table", { name: `Quota changes of ${orderYear}, oldest first` })
    .getByRole("row")
    .filter({ hasText: reference });
  await expect(history).toHaveCount(3);
  await expect(history.filter({ hasText: "(order)" })).toHaveCount(3);
  const stored = await e2eDb().quotaOrder.findFirstOrThrow({
    where: { year: orderYear, reference },
    select: {
      isAmendment: true,
      quotas: {
        select: { regionId: true, pool: true, total: true, allocated: true },
        orderBy: [{ regionId: "asc" }, { pool: "asc" }],
      },
    },
  });
  expect(stored).toEqual({
    isAmendment: false,
    quotas: [
      { regionId: "KZ-11", pool: "KANDAS", total: 45, allocated: 0 },
      { regionId: PAVLODAR, pool: "KANDAS", total: 120, allocated: 0 },
      { regionId: PAVLODAR, pool: "SETTLER", total: 300, allocated: 0 },
    ],
  });

  // A second order for the same year: refused with the first order's reference, the input kept.
  await page.goto(`/quotas/orders/new?year=${orderYear}`);
  const existsMessage = `${orderYear} already has order ${reference}: amend it on the quotas page.`;
  await expect(page.getByText(existsMessage)).toBeVisible();
  form = page.getByRole("form", { name: "Enter a year's quota order" });
  const secondReference = uniqueReference("E2E-ORDER");
  await form.getByLabel("Order reference").fill(secondReference);
  await cell("Pavlodar Region", "Kandas").fill("999");
  await form.getByRole("button", { name: "Record the order" }).click();
  await expect(form.getByRole("status")).toContainText(existsMessage);
  await expect(form.getByLabel("Year")).toHaveAccessibleDescription(`${orderYear} already has a quota order.`);
  await expect(form.getByLabel("Order reference")).toHaveValue(secondReference);
  await expect(cell("Pavlodar Region", "Kandas")).toHaveValue("999");
  expect(await e2eDb().quotaOrder.count({ where: { reference: secondReference } })).toBe(0);
  expect((await quotaFromDb(PAVLODAR, "KANDAS", orderYear)).total).toBe(120);
  await form
    .getByRole("status")
    .getByRole("link", { name: `Open the quotas of ${orderYear}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/quotas\\?year=${orderYear}$`));
  await context.close();
});

test("only the administrator may open the order form", async ({ browser }) => {
  for (const account of ["coordinatorPavlodar", "analyst"] as const) {
    const { context, page } = await signedInPage(browser, account);
    expect((await page.goto(`/quotas/orders/new?year=${YEAR + 3}`))?.status(), account).toBe(404);
    await page.goto(`/quotas?year=${YEAR}`);
    await expect(page.getByRole("link", { name: "Enter a year's order" })).toHaveCount(0);
    await context.close();
  }
});

test("a caseworker cannot open the quotas page", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  const response = await page.goto("/quotas");
  expect(response?.status()).toBe(404);
  await context.close();
});
