import { expect, test, type Page } from "@playwright/test";
import { randomInt } from "node:crypto";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";

const PAVLODAR = "KZ-55";
const today = programmeToday();
const YEAR = today.getUTCFullYear();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function pavlodarKandasQuota() {
  return e2eDb().quota.findUniqueOrThrow({
    where: { year_regionId_pool: { year: YEAR, regionId: PAVLODAR, pool: "KANDAS" } },
    select: { total: true, allocated: true },
  });
}

/** The figures of one quota row as the page shows them: quota, allocated, remaining. */
async function rowFigures(page: Page, regionId: string, pool: "KANDAS" | "SETTLER") {
  const cells = await page.getByTestId(`quota-${regionId}-${pool}`).getByRole("cell").allInnerTexts();
  return cells.slice(1).map((text) => Number(text.replace(/\D/g, "")));
}

/** An approved Pavlodar kandas family of this test's own with a status valid for months. */
async function createApprovedPavlodarFamily() {
  const caseworker = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.caseworkerPavlodar.email } });
  return e2eDb().family.create({
    data: {
      caseNumber: formatCaseNumber(2099, randomInt(1, 999_999)),
      category: "KANDAS",
      status: "APPROVED",
      originCountry: "MN",
      targetRegionId: PAVLODAR,
      applicationDate: today,
      statusValidUntil: new Date(today.getTime() + 200 * 86_400_000),
      decisionNumber: `E2E-Q-${randomInt(1, 999_999)}`,
      createdById: caseworker.id,
      updatedById: caseworker.id,
      members: {
        create: {
          position: 1,
          isHead: true,
          relationship: "HEAD",
          surnameCyr: "Квотаев",
          givenNameCyr: "Ерлан",
          surnameLat: "Kvotaev",
          givenNameLat: "Erlan",
          birthDate: new Date(Date.UTC(1980, 2, 3)),
          sex: "M",
          citizenship: "MN",
        },
      },
      events: { create: [{ toStatus: "REGISTERED", actorId: caseworker.id }] },
    },
  });
}

test("the administrator amends a quota upward, sees it in the history, and cannot go below allocated", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "admin");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Quotas" }).click();
  await expect(page.getByRole("heading", { name: "Quotas", level: 1 })).toBeVisible();
  await page.getByLabel("Year").selectOption(String(YEAR));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${YEAR}`));

  const before = await pavlodarKandasQuota();
  const [shownTotal] = await rowFigures(page, PAVLODAR, "KANDAS");
  expect(shownTotal).toBe(before.total);

  const form = page.getByRole("form", { name: "Amend a quota" });
  const reference = `E2E-AM-${randomInt(100_000, 999_999)}`;
  const newTotal = before.total + 5;
  await form.getByLabel("Region").selectOption({ label: "Pavlodar Region" });
  await form.getByLabel("Pool").selectOption({ label: "Kandas" });
  await form.getByLabel("New quota (persons)").fill(String(newTotal));
  await form.getByLabel("Order reference").fill(reference);
  await form.getByLabel("Order date").fill(isoDay(today));
  await form.getByRole("button", { name: "Record the amendment" }).click();
  await expect(form.getByRole("status")).toHaveText(`Amendment recorded: Pavlodar Region, Kandas, ${before.total} → ${newTotal}.`);

  await expect(page.getByTestId(`quota-${PAVLODAR}-KANDAS`).getByRole("cell").nth(1)).toHaveText(String(newTotal));
  const historyRow = page.getByRole("table", { name: `Quota changes of ${YEAR}, oldest first` }).getByRole("row").filter({ hasText: reference });
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
  const refusedReference = `E2E-AM-${randomInt(100_000, 999_999)}`;
  await form.getByLabel("Region").selectOption({ label: "Pavlodar Region" });
  await form.getByLabel("Pool").selectOption({ label: "Kandas" });
  await form.getByLabel("New quota (persons)").fill(String(tooFew));
  await form.getByLabel("Order reference").fill(refusedReference);
  await form.getByRole("button", { name: "Record the amendment" }).click();
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

test("a Pavlodar coordinator sees only Pavlodar quotas and the remaining places drop after an inclusion", async ({ browser }) => {
  const family = await createApprovedPavlodarFamily();
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/quotas?year=${YEAR}`);
  const quotaTable = page.getByRole("table", { name: `Quotas of ${YEAR} by region and pool` });
  await expect(quotaTable.getByRole("rowheader")).toHaveText(["Pavlodar Region", "Pavlodar Region"]);
  await expect(page.getByRole("form", { name: "Amend a quota" })).toHaveCount(0);
  const [, , remainingBefore] = await rowFigures(page, PAVLODAR, "KANDAS");
  expect(remainingBefore).toBeGreaterThan(0);

  await page.goto(`/families/${family.id}`);
  const workflow = page.getByRole("region", { name: "Case workflow" });
  await workflow.getByRole("button", { name: "Include in the quota" }).click();
  await page.getByRole("form", { name: "Include in the quota" }).getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("workflow-status")).toHaveText("Included in the quota");

  await page.goto(`/quotas?year=${YEAR}`);
  const [, , remainingAfter] = await rowFigures(page, PAVLODAR, "KANDAS");
  expect(remainingAfter).toBeLessThan(remainingBefore!);
  const allocation = await e2eDb().allocation.findFirstOrThrow({ where: { familyId: family.id } });
  expect(allocation).toMatchObject({ status: "ACTIVE", persons: 1, year: YEAR });
  await context.close();
});

test("a caseworker cannot open the quotas page", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  const response = await page.goto("/quotas");
  expect(response?.status()).toBe(404);
  await context.close();
});
