import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { signedInPage } from "./fixtures";

// The case page (issue 15): its section navigation, a document's state following an upload and a
// withdrawal, the places left on inclusion, dates that default to today, and the citizenship step.
const today = programmeToday();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const shortDate = (date: Date) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(date);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);

/** A Pavlodar kandas family of this spec's own. */
const createFamily = (
  fields: Parameters<typeof createPavlodarFamily>[1] = {},
  documents: "none" | "verified" = "none",
) =>
  createPavlodarFamily(
    [
      {
        surnameCyr: "Бөлімов",
        givenNameCyr: "Асқар",
        surnameLat: "Bolimov",
        givenNameLat: "Askar",
        birthDate: new Date(Date.UTC(1979, 6, 14)),
        sex: "M",
        citizenship: "MN",
      },
    ],
    fields,
    { documents },
  );

const workflowPanel = (page: Page) => page.getByRole("region", { name: "Case workflow" });

/** No serious or critical accessibility violation on the page as it stands. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(grave.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual(
    [],
  );
}

test("the section navigation reaches each section by keyboard and by address", async ({ browser }) => {
  const family = await createFamily();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  const sections = page.getByRole("navigation", { name: "Sections of the case" });
  await expect(sections.getByRole("link")).toHaveText([
    "Case",
    "Workflow",
    "Caseworker and tasks",
    "Documents",
    "Adaptation plan",
    "Support",
    "Notes",
    "Members",
    "History",
  ]);
  await expectAccessible(page);

  // Every link leads to a section heading of the page.
  for (const link of await sections.getByRole("link").all()) {
    const target = (await link.getAttribute("href"))!;
    expect(target).toMatch(/^#[a-z-]+$/);
    await expect(page.locator(`h2${target}`)).toHaveCount(1);
  }

  const documents = sections.getByRole("link", { name: "Documents" });
  await documents.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/families/${family.id}#documents$`));
  await expect(page.getByRole("heading", { name: "Documents", level: 2 })).toBeInViewport();
  await expect(documents).toHaveAttribute("aria-current", "location");
  // The navigation stays in view while the page scrolls.
  await expect(sections).toBeInViewport();

  await page.goto(`/families/${family.id}#history`);
  await expect(page.getByRole("heading", { name: "Status history", level: 2 })).toBeInViewport();
  await expect(sections.getByRole("link", { name: "History" })).toHaveAttribute("aria-current", "location");
  await expect(page.getByRole("heading", { name: "Case workflow", level: 2 })).not.toBeInViewport();
  await context.close();
});

test("an upload and a withdrawal change the document's state and the checklist without a reload", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const family = await createFamily();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}#documents`);
  const documents = page.getByRole("region", { name: "Documents" });
  const status = documents.getByLabel("Status: Application", { exact: true });
  const missingBeforeReview = workflowPanel(page).getByRole("region", { name: "Missing before “Send for review”" });
  await expect(status).toHaveValue("MISSING");
  await expect(missingBeforeReview).toContainText("Application — not received");
  await expect(documents).toContainText(/0 of \d+ received/);

  // Nothing reloads the page from here on: a full load would reset this marker.
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  await documents
    .getByLabel("File for Application", { exact: true })
    .setInputFiles({ name: "application.png", mimeType: "image/png", buffer: png() });
  await documents.getByRole("button", { name: "Upload file: Application", exact: true }).click();
  await expect(documents.getByRole("link", { name: "application.png" })).toBeVisible();
  await expect(status).toHaveValue("RECEIVED");
  await expect(missingBeforeReview).not.toContainText("Application — not received");
  await expect(documents).toContainText(/1 of \d+ received/);

  // Withdraw it with a reason: the file stays listed as withdrawn, the item is missing again.
  await documents.getByRole("button", { name: "Withdraw application.png" }).click();
  const reason = documents.getByLabel("Reason for withdrawing application.png");
  await documents.getByRole("button", { name: "Withdraw the file" }).click();
  await expect(reason).toHaveAccessibleDescription("This field is required.");
  await reason.fill("The family brought another applicant's form");
  await documents.getByRole("button", { name: "Withdraw the file" }).click();
  const file = documents.getByRole("listitem").filter({ has: page.getByRole("link", { name: "application.png" }) });
  await expect(file).toContainText("The family brought another applicant's form");
  await expect(file).toContainText(/^application\.png.*Withdrawn/s);
  await expect(file.getByRole("button", { name: "Withdraw application.png" })).toHaveCount(0);
  await expect(status).toHaveValue("MISSING");
  await expect(missingBeforeReview).toContainText("Application — not received");
  expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

  const stored = await e2eDb().documentFile.findFirstOrThrow({
    where: { document: { familyId: family.id, kind: "APPLICATION" } },
    select: { withdrawnAt: true, withdrawalReason: true, document: { select: { status: true } } },
  });
  expect(stored).toMatchObject({
    withdrawalReason: "The family brought another applicant's form",
    document: { status: "MISSING" },
  });
  expect(stored.withdrawnAt).not.toBeNull();
  await expectAccessible(page);
  await context.close();
});

test("the inclusion shows the places left in the pool and the decision date defaults to today", async ({ browser }) => {
  const reviewed = await createFamily({ status: "UNDER_REVIEW" }, "verified");
  const approved = await createFamily(
    {
      status: "APPROVED",
      decisionNumber: "ПВ-77",
      decisionDate: today,
      statusValidUntil: new Date(today.getTime() + 300 * 86_400_000),
      version: 2,
    },
    "verified",
  );
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");

  await page.goto(`/families/${reviewed.id}`);
  await workflowPanel(page).getByRole("button", { name: "Approve" }).click();
  await expect(workflowPanel(page).getByLabel("Decision date")).toHaveValue(isoDay(today));

  await page.goto(`/families/${approved.id}`);
  const quota = await e2eDb().quota.findUniqueOrThrow({
    where: { year_regionId_pool: { year: today.getUTCFullYear(), regionId: "KZ-55", pool: "KANDAS" } },
  });
  await workflowPanel(page).getByRole("button", { name: "Include in the quota" }).click();
  const form = workflowPanel(page).getByRole("form", { name: "Include in the quota" });
  await expect(form).toContainText(
    `Kandas quota ${today.getUTCFullYear()} of the region: ${quota.total - quota.allocated} of ${quota.total} places left; the family needs 1.`,
  );
  await expectAccessible(page);
  await context.close();
});

test("citizenship or a residence permit closes an arrived kandas case; nothing follows", async ({ browser }) => {
  const family = await createFamily(
    {
      status: "RESETTLED",
      decisionNumber: "ПВ-78",
      decisionDate: new Date(today.getTime() - 400 * 86_400_000),
      statusValidUntil: new Date(today.getTime() + 30 * 86_400_000),
      arrivalDate: new Date(today.getTime() - 60 * 86_400_000),
      version: 4,
    },
    "verified",
  );
  const caseworker = await signedInPage(browser, "caseworkerPavlodar");
  await caseworker.page.goto(`/families/${family.id}`);
  await expect(workflowPanel(caseworker.page).getByRole("button", { name: "Record support provided" })).toBeVisible();
  await expect(workflowPanel(caseworker.page).getByRole("button", { name: "Close the case" })).toHaveCount(0);
  await caseworker.context.close();

  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/families/${family.id}`);
  await workflowPanel(page).getByRole("button", { name: "Close the case" }).click();
  const form = workflowPanel(page).getByRole("form", { name: "Close the case" });
  await expect(form.getByLabel("Date of issue")).toHaveValue(isoDay(today));
  await expect(form.getByRole("radio", { name: "Citizenship of Kazakhstan" })).toBeChecked();
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(form.getByLabel("Document number")).toHaveAccessibleDescription("This field is required.");

  await form.getByRole("radio", { name: "Residence permit" }).check();
  await form.getByLabel("Document number").fill("ВНЖ 012345678");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("workflow-done")).toHaveText("The case is now “Closed”.");
  await expect(workflowPanel(page)).toContainText("The case is finished; its status no longer changes.");
  await expect(workflowPanel(page).getByRole("group", { name: "Next steps" })).toHaveCount(0);
  const history = page.getByRole("region", { name: "Status history" });
  const closing = history.getByRole("listitem").filter({ hasText: "Resettled → Closed" });
  await expect(closing).toContainText(`Residence permit no. ВНЖ 012345678 of ${shortDate(today)}`);

  const event = await e2eDb().caseEvent.findFirstOrThrow({
    where: { familyId: family.id, toStatus: "CLOSED" },
    select: { data: true },
  });
  expect(event.data).toMatchObject({ settlementDocument: "RESIDENCE_PERMIT", settlementNumber: "ВНЖ 012345678" });
  await context.close();
});
