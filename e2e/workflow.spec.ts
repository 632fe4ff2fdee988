import { expect, test, type Page } from "@playwright/test";
import { programmeToday } from "@/lib/domain/status-validity";
import { showcaseFamily } from "@/prisma/demo-families";
import { e2eDb } from "./db";
import { createPavlodarFamily, verifyChecklist } from "./families";
import { DEMO_USERS, signedInPage } from "./fixtures";

const today = programmeToday();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The id of a seeded showcase family, found by its head's IIN. */
async function showcaseFamilyId(key: string): Promise<number> {
  const head = await e2eDb().person.findUniqueOrThrow({
    where: { iin: showcaseFamily(key).head.iin },
    select: { familyId: true },
  });
  return head.familyId;
}

/** A Pavlodar kandas family of this test's own, so that no other spec changes it meanwhile. */
const createSynaqovFamily = (status: "UNDER_REVIEW" | "APPROVED", statusValidUntil: Date | null = null) =>
  createPavlodarFamily(
    [
      {
        surnameCyr: "Сынақов",
        givenNameCyr: "Әлібек",
        surnameLat: "Synaqov",
        givenNameLat: "Alibek",
        birthDate: new Date(Date.UTC(1985, 5, 1)),
        sex: "M",
        citizenship: "CN",
      },
    ],
    { status, applicationDate: today, statusValidUntil },
    { documents: "verified" },
  );

const workflowPanel = (page: Page) => page.getByRole("region", { name: "Case workflow" });
const stepButtons = (page: Page) => workflowPanel(page).getByRole("group", { name: "Next steps" }).getByRole("button");

async function takeStep(
  page: Page,
  action: string,
  fill: (form: ReturnType<Page["getByRole"]>) => Promise<void> = async () => {},
) {
  await workflowPanel(page).getByRole("button", { name: action }).click();
  const form = page.getByRole("form", { name: action });
  await fill(form);
  await form.getByRole("button", { name: "Confirm" }).click();
  return form;
}

async function expectStatus(page: Page, status: string) {
  await expect(page.getByTestId("workflow-status")).toHaveText(status);
}

test("a Pavlodar case goes from registration to resettlement, each step by the role it belongs to", async ({
  browser,
}) => {
  const familyId = await showcaseFamilyId("pavlodar-registered");
  // The centre has received and verified the documents: this test is about who takes which step; the
  // checklist gate has its own (checklist-gate.spec.ts).
  await verifyChecklist(familyId);
  const caseworker = await signedInPage(browser, "caseworkerPavlodar");
  await caseworker.page.goto(`/families/${familyId}`);
  await expectStatus(caseworker.page, "Registered");
  await expect(stepButtons(caseworker.page)).toHaveText(["Send for review", "Record withdrawal"]);

  await takeStep(caseworker.page, "Send for review");
  await expectStatus(caseworker.page, "Under review");
  await expect(caseworker.page.getByTestId("workflow-done")).toHaveText("The case is now “Under review”.");
  // Decisions belong to the coordinator: the caseworker is not even offered them.
  await expect(stepButtons(caseworker.page)).toHaveText(["Record withdrawal"]);
  await expect(workflowPanel(caseworker.page).getByRole("button", { name: "Approve" })).toHaveCount(0);

  const coordinator = await signedInPage(browser, "coordinatorPavlodar");
  await coordinator.page.goto(`/families/${familyId}`);
  await expect(stepButtons(coordinator.page)).toHaveText(["Approve", "Reject", "Record withdrawal"]);
  const approval = await takeStep(coordinator.page, "Approve", async (form) => {
    await form.getByLabel("Decision date").fill(isoDay(today));
  });
  const decisionNumber = approval.getByLabel("Decision number");
  await expect(decisionNumber).toHaveAccessibleDescription("This field is required.");
  await expect(decisionNumber).toHaveAttribute("aria-invalid", "true");
  await expectStatus(coordinator.page, "Under review");
  await decisionNumber.fill("KS-55/2026-7001");
  await approval.getByRole("button", { name: "Confirm" }).click();
  await expectStatus(coordinator.page, "Approved");
  await expect(coordinator.page.getByTestId("workflow-valid-until")).toContainText(/valid for \d+ more days/);

  await takeStep(coordinator.page, "Include in the quota");
  await expectStatus(coordinator.page, "Included in the quota");
  const size = showcaseFamily("pavlodar-registered").size;
  await expect(coordinator.page.getByRole("region", { name: "Quota places" })).toContainText(
    `${today.getUTCFullYear()}: ${size} persons, Kandas pool — active`,
  );
  await coordinator.context.close();

  await caseworker.page.reload();
  await expect(stepButtons(caseworker.page)).toHaveText(["Record arrival", "Record withdrawal"]);
  await takeStep(caseworker.page, "Record arrival", async (form) => {
    await form.getByLabel("Arrival date").fill(isoDay(today));
  });
  await expectStatus(caseworker.page, "Resettled");

  const history = caseworker.page.getByRole("region", { name: "Status history" }).getByRole("listitem");
  const byCaseworker = DEMO_USERS.caseworkerPavlodar.fullName;
  const byCoordinator = DEMO_USERS.coordinatorPavlodar.fullName;
  await expect(history).toHaveText([
    /^Registered[^→]*$/,
    new RegExp(`^Registered → Under review.*${byCaseworker}$`),
    new RegExp(`^Under review → Approved.*${byCoordinator}$`),
    new RegExp(`^Approved → Included in the quota.*${byCoordinator}$`),
    new RegExp(`^Included in the quota → Resettled.*${byCaseworker}$`),
  ]);
  const stored = await e2eDb().family.findUniqueOrThrow({ where: { id: familyId }, include: { allocations: true } });
  expect(stored).toMatchObject({ status: "RESETTLED", decisionNumber: "KS-55/2026-7001" });
  expect(stored.allocations).toMatchObject([{ persons: size, status: "ACTIVE" }]);
  await caseworker.context.close();
});

test("a form opened on an outdated case is refused, names who changed it and when, and keeps the input", async ({
  browser,
}) => {
  const family = await createSynaqovFamily("UNDER_REVIEW");
  const coordinator = await signedInPage(browser, "coordinatorPavlodar");
  await coordinator.page.goto(`/families/${family.id}`);
  await workflowPanel(coordinator.page).getByRole("button", { name: "Reject" }).click();
  const rejection = coordinator.page.getByRole("form", { name: "Reject" });
  const reason = "Ұлтын растайтын құжат ұсынылмады";
  await rejection.getByLabel("Reason").fill(reason);

  const caseworker = await signedInPage(browser, "caseworkerPavlodar");
  await caseworker.page.goto(`/families/${family.id}`);
  await takeStep(caseworker.page, "Record withdrawal", async (form) => {
    await form.getByLabel("Reason").fill("Отбасы басқа өңірге көшуді жөн көрді");
  });
  await expectStatus(caseworker.page, "Withdrawn");
  await caseworker.context.close();

  await rejection.getByRole("button", { name: "Confirm" }).click();
  await expect(rejection.getByRole("alert")).toContainText(
    `${DEMO_USERS.caseworkerPavlodar.fullName} changed this case on`,
  );
  await expect(rejection.getByLabel("Reason")).toHaveValue(reason);
  await expectStatus(coordinator.page, "Under review");
  expect(await e2eDb().family.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({
    status: "WITHDRAWN",
    version: 2,
  });

  await rejection.getByRole("button", { name: "Show the current case" }).click();
  await expectStatus(coordinator.page, "Withdrawn");
  await expect(workflowPanel(coordinator.page)).toContainText("The case is finished");
  await coordinator.context.close();
});

test("expiring and expired kandas statuses are listed and marked", async ({ browser }) => {
  const expired = await createSynaqovFamily("APPROVED", new Date(today.getTime() - 3 * 86_400_000));
  const expiring = await createSynaqovFamily("APPROVED", new Date(today.getTime() + 12 * 86_400_000));
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Expiring statuses" })
    .click();
  await expect(page.getByRole("heading", { name: "Expiring statuses", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Kandas statuses ending soonest first" });
  await expect(table.getByRole("row").filter({ hasText: expired.caseNumber })).toContainText("Expired");
  await expect(table.getByRole("row").filter({ hasText: expired.caseNumber })).toContainText("expired 3 days ago");
  await expect(table.getByRole("row").filter({ hasText: expiring.caseNumber })).toContainText("expires in 12 days");

  await table.getByRole("link", { name: expiring.caseNumber }).click();
  await expect(page.getByTestId("workflow-valid-until")).toContainText("expires in 12 days");
  await context.close();
});
