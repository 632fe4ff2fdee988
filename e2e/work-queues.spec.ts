// Work queues (issue 15): support payments due in My work, transfer requests on the coordinator's home,
// withdrawing one's own transfer proposal, and moving a leaving caseworker's cases from the staff page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { programmeToday } from "@/lib/domain/status-validity";
import { createTestUser, e2eDb } from "./db";
import { createPavlodarFamily, type E2ePerson } from "./families";
import { DEMO_USERS, signedInPage } from "./fixtures";

const person = (surnameLat: string): E2ePerson => ({
  surnameCyr: "Тексеров",
  givenNameCyr: "Асқар",
  surnameLat,
  givenNameLat: "Askar",
  sex: "M",
  birthDate: new Date(Date.UTC(1984, 2, 3)),
  citizenship: "CN",
});

const daysAgo = (days: number) => new Date(programmeToday().getTime() - days * 86_400_000);

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function userId(email: string) {
  return (await e2eDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

test("My work lists the support payments due, overdue first, each one click from the case", async ({ browser }) => {
  const caseworkerId = await userId(DEMO_USERS.caseworkerPavlodar.email);
  const recent = await createPavlodarFamily([person("Recent")], {
    status: "RESETTLED",
    arrivalDate: daysAgo(2),
    assignedToId: caseworkerId,
  });
  const earlier = await createPavlodarFamily([person("Earlier")], {
    status: "RESETTLED",
    arrivalDate: daysAgo(20),
    assignedToId: caseworkerId,
  });
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/");
  const group = page
    .getByRole("region", { name: "My work" })
    .getByRole("region", { name: "Support payments due", exact: true });
  const items = group.getByRole("listitem");
  const line = (caseNumber: string) => items.filter({ hasText: caseNumber });
  await expect(line(recent.caseNumber)).toContainText("Relocation subsidy");
  await expect(line(recent.caseNumber)).toContainText("overdue");
  const order = await items.allTextContents();
  const index = (caseNumber: string) => order.findIndex((text) => text.includes(caseNumber));
  expect(index(earlier.caseNumber)).toBeGreaterThanOrEqual(0);
  expect(index(earlier.caseNumber)).toBeLessThan(index(recent.caseNumber));
  await expectNoSeriousViolations(page);
  await group.getByRole("link", { name: recent.caseNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/families/${recent.id}$`));
  await context.close();
});

test("a transfer request shows on both coordinators' homes, and its proposer withdraws it", async ({ browser }) => {
  test.setTimeout(120_000);
  const family = await createPavlodarFamily([person("Withdrawn")], {
    status: "APPROVED",
    decisionNumber: "D-1",
    decisionDate: daysAgo(30),
  });

  const source = await signedInPage(browser, "coordinatorPavlodar");
  await source.page.goto(`/families/${family.id}`);
  const proposal = source.page.getByRole("form", { name: "Propose transfer" });
  await proposal.getByLabel("Target region").selectOption({ label: "Akmola Region" });
  await proposal.getByLabel("Target district").selectOption({ label: "Akkol District" });
  await proposal.getByLabel("Reason for the transfer").fill("Работа в Кокшетау");
  await proposal.getByRole("button", { name: "Propose transfer" }).click();
  await expect(source.page.getByTestId("transfer-pending")).toBeVisible();
  const transfer = await e2eDb().familyTransfer.findFirstOrThrow({ where: { familyId: family.id } });

  // The target coordinator finds it waiting for a decision, one click from the transfer.
  const target = await signedInPage(browser, "coordinatorAkmola");
  await target.page.goto("/");
  const requests = target.page.getByRole("region", { name: "Transfer requests" });
  const incoming = requests.getByRole("list", { name: "Waiting for our decision" });
  await expect(incoming.getByRole("listitem").filter({ hasText: family.caseNumber })).toContainText(
    "Pavlodar Region → Akmola Region",
  );
  await expectNoSeriousViolations(target.page);
  await incoming.getByRole("link", { name: family.caseNumber }).click();
  await expect(target.page).toHaveURL(new RegExp(`/transfers#transfer-${transfer.id}$`));
  await expect(target.page.getByRole("button", { name: `Accept transfer of ${family.caseNumber}` })).toBeVisible();

  // The source coordinator finds it pending, one click from the case, and withdraws it there.
  await source.page.goto("/");
  const outgoing = source.page
    .getByRole("region", { name: "Transfer requests" })
    .getByRole("list", { name: "Proposed by our region, awaiting the other region" });
  await outgoing.getByRole("link", { name: family.caseNumber }).click();
  await expect(source.page).toHaveURL(new RegExp(`/families/${family.id}#case-transfers$`));
  await source.page.getByRole("button", { name: `Withdraw the transfer of ${family.caseNumber}` }).click();
  await expect(source.page.getByTestId("flash")).toHaveText(`The transfer of ${family.caseNumber} was withdrawn.`);
  const history = source.page.getByRole("region", { name: "Transfers" });
  await expect(history).toContainText("Pavlodar Region → Akmola Region, Akkol District · Withdrawn by the proposer");
  await expect(source.page.getByRole("form", { name: "Propose transfer" })).toBeVisible();
  await expectNoSeriousViolations(source.page);
  await source.context.close();

  // The target region reads it withdrawn and can no longer accept it; its home no longer lists it.
  await target.page.goto("/transfers");
  const row = target.page.getByTestId(`transfer-row-${family.caseNumber}`);
  await expect(row).toContainText("Withdrawn by the proposer");
  await expect(row.getByRole("button", { name: `Accept transfer of ${family.caseNumber}` })).toHaveCount(0);
  await target.page.goto("/");
  await expect(target.page.getByRole("region", { name: "Transfer requests" })).not.toContainText(family.caseNumber);
  await target.context.close();
  const audited = await e2eDb().auditLog.findMany({
    where: { action: "family.transfer.withdraw", entityId: String(family.id) },
    select: { regionId: true },
  });
  expect(audited.map((entry) => entry.regionId).sort()).toEqual(["KZ-11", "KZ-55"]);
});

test("the administrator moves a leaving caseworker's open cases from the staff member's page", async ({ browser }) => {
  const leaving = await createTestUser("CASEWORKER", "KZ-55");
  const successor = await createTestUser("CASEWORKER", "KZ-55");
  await e2eDb().user.update({ where: { id: successor.id }, data: { fullName: "E2E Successor" } });
  const first = await createPavlodarFamily([person("Leaving")], { assignedToId: leaving.id });
  const second = await createPavlodarFamily([person("Leaving")], { assignedToId: leaving.id });

  const admin = await signedInPage(browser, "admin");
  await admin.page.goto(`/admin/users/${leaving.id}`);
  const cases = admin.page.getByRole("region", { name: "Assigned cases" });
  await expect(cases).toContainText("Open cases assigned to E2E CASEWORKER: 2.");
  await expectNoSeriousViolations(admin.page);
  await cases.getByLabel("Move to").selectOption({ label: "E2E Successor" });
  await cases.getByLabel("Reason (optional)").fill("Left the centre");
  await cases.getByRole("button", { name: "Move all open cases" }).click();
  await expect(admin.page.getByTestId("flash")).toHaveText("2 cases were moved.");
  await expect(cases).toContainText("Open cases assigned to E2E CASEWORKER: 0.");
  const moved = await e2eDb().family.findMany({
    where: { id: { in: [first.id, second.id] } },
    select: { assignedToId: true },
  });
  expect(moved).toEqual([{ assignedToId: successor.id }, { assignedToId: successor.id }]);
  expect(
    await e2eDb().caseAssignment.count({
      where: { familyId: { in: [first.id, second.id] }, toUserId: successor.id, reason: "Left the centre" },
    }),
  ).toBe(2);
  await admin.context.close();
});

test("a done task stands in the case history between the status changes, by the day it was done", async ({
  browser,
}) => {
  const caseworkerId = await userId(DEMO_USERS.caseworkerPavlodar.email);
  const family = await createPavlodarFamily([person("Timeline")], { status: "UNDER_REVIEW" });
  await e2eDb().caseEvent.updateMany({ where: { familyId: family.id }, data: { at: daysAgo(3) } });
  await e2eDb().caseEvent.create({
    data: {
      familyId: family.id,
      fromStatus: "REGISTERED",
      toStatus: "UNDER_REVIEW",
      actorId: caseworkerId,
      at: daysAgo(1),
    },
  });
  await e2eDb().caseTask.create({
    data: {
      familyId: family.id,
      title: "Call the family about the translation",
      dueDate: daysAgo(2),
      createdById: caseworkerId,
      assigneeId: caseworkerId,
      doneAt: daysAgo(2),
      doneById: caseworkerId,
    },
  });
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  const entries = page.getByRole("region", { name: "Status history" }).getByRole("listitem");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("Registered");
  await expect(entries.nth(1)).toContainText("Task done: Call the family about the translation");
  await expect(entries.nth(2)).toContainText("Registered → Under review");
  await expectNoSeriousViolations(page);
  await context.close();
});

test("the navigation marks the current page, and a skip link is the first thing the keyboard reaches", async ({
  browser,
}) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families/expiring");
  const navigation = page.getByRole("navigation", { name: "Main navigation" });
  await expect(navigation.getByRole("link", { name: "Expiring statuses" })).toHaveAttribute("aria-current", "page");
  await expect(navigation.getByRole("link", { name: "Families" })).not.toHaveAttribute("aria-current", "page");
  await expect(navigation.locator('[aria-current="page"]')).toHaveCount(1);

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expectNoSeriousViolations(page);

  await page.goto("/families?q=nothing");
  await expect(navigation.getByRole("link", { name: "Families" })).toHaveAttribute("aria-current", "page");
  await page.goto("/account");
  await expect(navigation.locator('[aria-current="page"]')).toHaveCount(0);
  await context.close();
});

test("a search by the spouse's name lists the family and says which member matched", async ({ browser }) => {
  const family = await createPavlodarFamily([
    person("Head"),
    {
      surnameCyr: "Жолдасбекова",
      givenNameCyr: "Гүлнұр",
      surnameLat: "Zholdasbekova",
      givenNameLat: "Gulnur",
      sex: "F",
      birthDate: new Date(Date.UTC(1986, 6, 9)),
      citizenship: "CN",
    },
  ]);
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families?q=${encodeURIComponent("Zholdasbekova Gulnur")}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: family.caseNumber }) });
  await expect(row).toContainText("Тексеров Асқар");
  await expect(row).toContainText("Found by the member Жолдасбекова Гүлнұр (Zholdasbekova Gulnur)");
  await expectNoSeriousViolations(page);
  await context.close();
});
