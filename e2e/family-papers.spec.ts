// The printable case summary and decision letter (issue 15): in Kazakh or Russian as chosen on the page,
// whatever the interface language; the letter only for a case with a decision; every view audited;
// another region gets "not found"; no serious accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { createPavlodarFamily, type E2ePerson } from "./families";
import { DEMO_USERS, signedInPage } from "./fixtures";

const HEAD: E2ePerson = {
  surnameCyr: "Анықтамаев",
  givenNameCyr: "Берік",
  surnameLat: "Anyktamaev",
  givenNameLat: "Berik",
  sex: "M",
  birthDate: new Date(Date.UTC(1981, 6, 9)),
  citizenship: "CN",
};
const SPOUSE: E2ePerson = {
  surnameCyr: "Анықтамаева",
  givenNameCyr: "Гүлнар",
  surnameLat: "Anyktamaeva",
  givenNameLat: "Gulnar",
  sex: "F",
  birthDate: new Date(Date.UTC(1984, 1, 20)),
  citizenship: "CN",
};

/** Serious or critical accessibility violations of the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

async function lastAudit(action: string, familyId: number) {
  return e2eDb().auditLog.findFirst({ where: { action, entityId: String(familyId) }, orderBy: { id: "desc" } });
}

test("the caseworker prints the case summary in Kazakh, then in Russian, from the case page", async ({ browser }) => {
  const family = await createPavlodarFamily(
    [HEAD, SPOUSE],
    {
      status: "APPROVED",
      decisionNumber: "№ 55-0917",
      decisionDate: new Date(Date.UTC(2026, 9, 20)),
      address: "г. Павлодар, ул. Торайгырова, 64, кв. 3",
    },
    { documents: "verified" },
  );
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  await page.getByRole("link", { name: "Print the case summary" }).click();
  await expect(page).toHaveURL(new RegExp(`/families/${family.id}/summary$`));

  // An English interface prints in Kazakh, the state language, until Russian is chosen.
  const summary = page.getByRole("article");
  await expect(summary).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Іс бойынша анықтама ${family.caseNumber}`);
  await expect(summary).toContainText("Мақұлданды");
  await expect(summary).toContainText("№ 55-0917 · 20.10.2026");
  const members = summary.getByRole("table").first();
  await expect(members.getByRole("row")).toHaveCount(3);
  await expect(members.getByRole("row").nth(1)).toContainText("Анықтамаев Берік");
  await expect(members.getByRole("row").nth(1)).toContainText("09.07.1981");
  await expect(members.getByRole("row").nth(2)).toContainText("Анықтамаева Гүлнар");
  await expect(summary.getByRole("region", { name: "Құжаттар" }).getByRole("row")).toHaveCount(1 + 2 + 2 * 2 + 1);
  await expect(summary).toContainText("Павлодар қ., Академик Сәтбаев к-сі, 136");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(new RegExp(`/families/${family.id}/summary\\?lang=ru$`));
  await expect(summary).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Сводка по делу ${family.caseNumber}`);
  await expect(summary).toContainText("Одобрено");
  await expect(summary).toContainText("г. Павлодар, ул. Торайгырова, 64, кв. 3");
  await expect(summary).toContainText("Понедельник–пятница, 09:00–18:30; обед 13:00–14:30");
  await expect(summary).toContainText(DEMO_USERS.caseworkerPavlodar.fullName);
  // The interface stays in English around the paper.
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const caseworker = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.caseworkerPavlodar.email } });
  expect(await lastAudit("family.summary.view", family.id)).toMatchObject({
    actorId: caseworker.id,
    regionId: "KZ-55",
  });

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

test("the decision letter states an approval with its number and date, in Russian or Kazakh", async ({ browser }) => {
  const family = await createPavlodarFamily([HEAD, SPOUSE], {
    status: "APPROVED",
    decisionNumber: "№ 55-1021",
    decisionDate: new Date(Date.UTC(2026, 10, 3)),
  });
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  await page.getByRole("link", { name: "Print the decision letter" }).click();
  await page.getByRole("link", { name: "Русский" }).click();

  const letter = page.getByRole("article");
  await expect(letter).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Уведомление о решении");
  await expect(page.getByTestId("letter-text")).toHaveText(
    `Заявление вашей семьи (дело ${family.caseNumber}) о переселении в регион «Павлодарская область» по категории «Кандас» одобрено.`,
  );
  for (const fact of ["Одобрено", "№ 55-1021", "03.11.2026", "Анықтамаев Берік (2 человека)", "Кандас"])
    await expect(letter.getByRole("definition").filter({ hasText: fact })).toHaveCount(1);
  await expect(letter).toContainText("+7 7182 32-54-71");
  await expect(page.getByTestId("letter-signatures")).toContainText("Руководитель центра занятости");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Қазақша" }).click();
  await expect(letter).toHaveAttribute("lang", "kk");
  await expect(page.getByTestId("letter-text")).toContainText("мақұлданды");
  await expect(letter.getByRole("definition").filter({ hasText: "Мақұлданды" })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await lastAudit("family.decision-letter.view", family.id)).toMatchObject({ regionId: "KZ-55" });
  await context.close();
});

test("the decision letter of a refusal gives its date and reason; a case without a decision has none", async ({
  browser,
}) => {
  const coordinator = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.coordinatorPavlodar.email } });
  const refused = await createPavlodarFamily([HEAD], { status: "REJECTED" });
  await e2eDb().caseEvent.create({
    data: {
      familyId: refused.id,
      fromStatus: "UNDER_REVIEW",
      toStatus: "REJECTED",
      actorId: coordinator.id,
      at: new Date("2026-11-10T05:00:00Z"),
      reason: "Казахская национальность не подтверждена",
    },
  });
  const pending = await createPavlodarFamily([HEAD], { status: "UNDER_REVIEW" });

  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${refused.id}/decision-letter?lang=ru`);
  await expect(page.getByTestId("letter-text")).toContainText("отказано");
  const letter = page.getByRole("article");
  await expect(letter.getByRole("definition").filter({ hasText: "Отказано" })).toHaveCount(1);
  await expect(letter.getByRole("definition").filter({ hasText: "не присвоен" })).toHaveCount(1);
  await expect(letter.getByRole("definition").filter({ hasText: "10.11.2026" })).toHaveCount(1);
  await expect(letter).toContainText("Основание: Казахская национальность не подтверждена");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/families/${pending.id}`);
  await expect(page.getByRole("link", { name: "Print the case summary" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Print the decision letter" })).toHaveCount(0);
  const response = await page.goto(`/families/${pending.id}/decision-letter`);
  expect(response?.status()).toBe(404);
  await context.close();
});

test("an Akmola caseworker gets 'not found' for a Pavlodar family's summary and decision letter", async ({
  browser,
}) => {
  const family = await createPavlodarFamily([HEAD], {
    status: "APPROVED",
    decisionNumber: "№ 55-1100",
    decisionDate: new Date(Date.UTC(2026, 10, 5)),
  });
  const { context, page } = await signedInPage(browser, "caseworkerAkmola");
  for (const paper of ["summary", "decision-letter"]) {
    const response = await page.goto(`/families/${family.id}/${paper}?lang=ru`);
    expect(response?.status(), paper).toBe(404);
    await expect(page.getByRole("heading", { name: "Case not found" })).toBeVisible();
    await expect(page.getByText(family.caseNumber)).toHaveCount(0);
    await expect(page.getByText("Анықтамаев")).toHaveCount(0);
  }
  expect(await lastAudit("family.summary.view.denied", family.id)).not.toBeNull();
  await context.close();
});
