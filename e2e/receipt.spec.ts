import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { toString as qrToString } from "qrcode";
import { generateIin } from "@/lib/domain/iin";
import { QR_ERROR_CORRECTION, QR_MARGIN } from "@/lib/qr-code";
import { showcaseFamily } from "@/prisma/demo-families";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { DEMO_USERS, signedInPage } from "./fixtures";

const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3100";
// No PUBLIC_BASE_URL on the e2e server: the address comes from the request, as in the embedded demo.
const LOOKUP_URL = `${BASE_URL}/status`;
/** The address the QR code holds: the lookup page with the case number filled in. */
const caseUrl = (caseNumber: string) => `${LOOKUP_URL}?case=${caseNumber}`;
const qrLabel = (caseNumber: string) => `QR code of the address ${caseUrl(caseNumber)}`;

/** Serious or critical accessibility violations of the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

async function seededPavlodarFamily() {
  const { iin } = showcaseFamily("pavlodar-registered").head;
  const head = await e2eDb().person.findUniqueOrThrow({
    where: { iin },
    select: { family: { select: { id: true, caseNumber: true } } },
  });
  return head.family;
}

/** The dark modules' path that the qrcode library itself draws for `text` with the receipt's settings. */
async function libraryDarkPath(text: string): Promise<string> {
  const svg = await qrToString(text, { type: "svg", errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_MARGIN });
  return /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? "no path in the library's SVG";
}

test("the Pavlodar caseworker prints the application receipt of a seeded Pavlodar family", async ({ browser }) => {
  const family = await seededPavlodarFamily();
  // The application at least has been handed in (the seed leaves some of a new case's documents missing).
  await e2eDb().document.updateMany({
    where: { familyId: family.id, kind: "APPLICATION", status: "MISSING" },
    data: { status: "RECEIVED" },
  });
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  await page.getByRole("link", { name: "Print the application receipt" }).click();
  await expect(page).toHaveURL(new RegExp(`/families/${family.id}/receipt$`));

  // The document, in Kazakh and Russian whatever the interface language (English here).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^Өтініштің қабылданғаны туралы қолхат\s*Расписка о приёме заявления$/,
  );
  await expect(page.getByTestId("receipt-case-number")).toHaveText(family.caseNumber);
  const receipt = page.getByRole("article");
  await expect(receipt).toContainText("Бекболатов Нұрлан Серікұлы");
  await expect(receipt).toContainText("Павлодар облысы / Павлодарская область");
  await expect(receipt).toContainText("Қандас / Кандас");
  await expect(receipt).toContainText("1414");

  // The lookup address as text, in both instructions, and as a QR code of exactly that address.
  await expect(page.getByTestId("receipt-address")).toHaveText(LOOKUP_URL);
  expect(LOOKUP_URL).toMatch(/\/status$/);
  await expect(receipt.locator('p[lang="kk"]').filter({ hasText: LOOKUP_URL })).toContainText(
    "отбасы басшысының туған күнін",
  );
  await expect(receipt.locator('p[lang="ru"]').filter({ hasText: LOOKUP_URL })).toContainText(
    "дату рождения главы семьи",
  );
  const qr = page.getByRole("img", { name: qrLabel(family.caseNumber) });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((element) => element.tagName.toLowerCase())).toBe("svg");
  const drawn = await qr.locator('path[stroke="#000000"]').getAttribute("d");
  expect(drawn).toBe(await libraryDarkPath(caseUrl(family.caseNumber)));
  expect(drawn).not.toBe(await libraryDarkPath(LOOKUP_URL));

  // The employment centre of the region, in both languages, and the documents handed in.
  const region = await e2eDb().region.findUniqueOrThrow({ where: { id: "KZ-55" } });
  await expect(receipt.locator('[lang="kk"]').filter({ hasText: region.officeAddressKk ?? "none" })).toHaveCount(1);
  await expect(receipt.locator('[lang="ru"]').filter({ hasText: region.officeAddressRu ?? "none" })).toHaveCount(1);
  await expect(receipt).toContainText(region.officePhone ?? "none");
  await expect(receipt).toContainText(`Дүйсенбі–жұма, ${region.officeHours}; түскі үзіліс ${region.officeBreak}`);
  await expect(receipt).toContainText(`Понедельник–пятница, ${region.officeHours}; обед ${region.officeBreak}`);
  const documents = receipt.getByRole("region", { name: "Қабылданған құжаттар / Принятые документы" });
  const received = await e2eDb().document.count({ where: { familyId: family.id, status: { not: "MISSING" } } });
  expect(received).toBeGreaterThan(0);
  await expect(documents.getByRole("listitem")).toHaveCount(received);
  await expect(documents.getByRole("listitem").first()).toContainText("Өтініш / Заявление");
  // Signature lines for the caseworker and the applicant, with their names.
  const signatures = page.getByTestId("receipt-signatures");
  await expect(signatures).toContainText("Маман / Специалист");
  await expect(signatures).toContainText(DEMO_USERS.caseworkerPavlodar.fullName);
  await expect(signatures).toContainText("Өтініш беруші / Заявитель");
  await expect(signatures).toContainText("Бекболатов Нұрлан Серікұлы");
  await expect(signatures.getByText("қолы / подпись")).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);

  // The view is audited: the receipt shows a name.
  const caseworker = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.caseworkerPavlodar.email } });
  const audit = await e2eDb().auditLog.findFirst({
    where: { action: "family.receipt.view", entityId: String(family.id) },
    orderBy: { id: "desc" },
  });
  expect(audit).toMatchObject({ actorId: caseworker.id, regionId: "KZ-55" });

  // Printed, only the document remains: no staff header, navigation or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await expect(page.getByTestId("current-user")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to the case" })).toBeHidden();
  await expect(page.getByTestId("receipt-case-number")).toBeVisible();
  await expect(qr).toBeVisible();

  // Everything is in the server's HTML: the receipt needs no JavaScript to be read or printed.
  const html = await (await page.request.get(`/families/${family.id}/receipt`)).text();
  expect(html).toContain(family.caseNumber);
  expect(html).toContain(`<title id="receipt-qr-title">${qrLabel(family.caseNumber)}</title>`);

  // The code's address opens the lookup with the case number filled in, and nothing else.
  await page.goto(caseUrl(family.caseNumber));
  await expect(page.getByLabel("Case number", { exact: true })).toHaveValue(family.caseNumber);
  await expect(page.getByLabel("Date of birth of the head of family", { exact: true })).toHaveValue("");
  await context.close();
});

test("a receipt of a family that has handed nothing in says so", async ({ browser }) => {
  const family = await createPavlodarFamily([
    {
      surnameCyr: "Қолхатов",
      givenNameCyr: "Ерасыл",
      surnameLat: "Kolkhatov",
      givenNameLat: "Erasyl",
      sex: "M",
      birthDate: new Date(Date.UTC(1979, 2, 4)),
      citizenship: "CN",
    },
  ]);
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}/receipt`);
  const documents = page.getByRole("region", { name: "Қабылданған құжаттар / Принятые документы" });
  await expect(documents).toContainText("Құжаттар әлі қабылданған жоқ. / Документы пока не приняты.");
  await expect(documents.getByRole("listitem")).toHaveCount(0);
  await context.close();
});

test("an Akmola caseworker gets 'not found' for a Pavlodar family's receipt", async ({ browser }) => {
  const family = await seededPavlodarFamily();
  const { context, page } = await signedInPage(browser, "caseworkerAkmola");
  const response = await page.goto(`/families/${family.id}/receipt`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Case not found" })).toBeVisible();
  await expect(page.getByText(family.caseNumber)).toHaveCount(0);
  await expect(page.getByText("Бекболатов")).toHaveCount(0);
  await context.close();
});

test("right after registration the new family's case page offers its receipt", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families/new");
  await page.getByLabel("Country of origin").selectOption({ label: "Mongolia" });
  const head = page.getByRole("group", { name: "Member 1", exact: true });
  await head.getByLabel("Surname (Cyrillic)").fill("Түбіртекбаев");
  await head.getByLabel("Given name (Cyrillic)").fill("Жәнібек");
  await head.getByLabel("Relationship to the head").selectOption({ label: "Head of family" });
  await head.getByLabel("Date of birth").fill("1984-11-05");
  await head.getByLabel("Sex").selectOption("M");
  await head.getByLabel("IIN").fill(generateIin(new Date(Date.UTC(1984, 10, 5)), "M", Date.now() % 10_000));
  await head.getByLabel("Citizenship").selectOption({ label: "Mongolia" });
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(/\/families\/\d+$/);
  const caseNumber = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  expect(caseNumber).toMatch(/^NK-\d{4}-\d{6}$/);
  await page.getByRole("link", { name: "Print the application receipt" }).click();
  await expect(page.getByTestId("receipt-case-number")).toHaveText(caseNumber);
  await expect(page.getByRole("article")).toContainText("Түбіртекбаев Жәнібек");
  await context.close();
});
