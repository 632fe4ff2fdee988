import { expect, test, type Page } from "@playwright/test";
import { generateIin } from "@/lib/domain/iin";
import { programmeToday } from "@/lib/domain/status-validity";
import { createTestUser, e2eDb } from "./db";
import { login, signedInPage, useLanguage } from "./fixtures";

const stamp = Date.now() % 10_000;
const headIin = generateIin(new Date("1983-05-17T00:00:00Z"), "M", stamp);

const myWorkGroup = (page: Page, name: string) =>
  page.getByRole("region", { name: "My work" }).getByRole("region", { name, exact: true });

test("My work lists a new case, follows its reassignment, and a task's due date until it is done", async ({
  browser,
}) => {
  // Three people sign in and the case is registered through the whole form: a long journey on two cores.
  test.setTimeout(180_000);

  // A Pavlodar caseworker registers a family of one.
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families/new");
  await page.getByLabel("Country of origin").selectOption({ label: "China" });
  await page.getByLabel("Phone").fill("8 (701) 555-12-34");
  const head = page.getByRole("group", { name: "Member 1", exact: true });
  await head.getByLabel("Surname (Cyrillic)").fill("Сейітқали");
  await head.getByLabel("Given name (Cyrillic)").fill("Дәулет");
  await head.getByLabel("Date of birth").fill("1983-05-17");
  await head.getByLabel("Sex").selectOption("M");
  await head.getByLabel("IIN").fill(headIin);
  await head.getByLabel("Citizenship").selectOption({ label: "China" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/families\/\d+$/);
  const familyPath = new URL(page.url()).pathname;
  const caseNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();

  // My work lists it under "Documents missing", one click from the case.
  await page.goto("/");
  const missing = myWorkGroup(page, "Documents missing").getByRole("link", { name: caseNumber });
  await expect(missing).toBeVisible();
  await missing.click();
  await expect(page).toHaveURL(new RegExp(`${familyPath}$`));
  await context.close();

  // The coordinator reassigns the case to another caseworker of the region.
  const other = await createTestUser("CASEWORKER", "KZ-55");
  const coordinator = await signedInPage(browser, "coordinatorPavlodar");
  await coordinator.page.goto(familyPath);
  await coordinator.page.getByLabel("Assign to").selectOption(String(other.id));
  await coordinator.page.getByLabel("Reason (optional)").fill("Shares out the workload");
  await coordinator.page.getByRole("button", { name: "Reassign" }).click();
  await expect(coordinator.page.getByText("The case was reassigned.")).toBeVisible();
  await expect(coordinator.page.getByText("Shares out the workload")).toBeVisible();
  await coordinator.context.close();

  // It has left the first caseworker's My work…
  const first = await signedInPage(browser, "caseworkerPavlodar");
  await first.page.goto("/");
  await expect(first.page.getByRole("heading", { name: "My work" })).toBeVisible();
  await expect(first.page.getByRole("link", { name: caseNumber })).toHaveCount(0);
  await first.context.close();

  // …and reached the new one's.
  const otherContext = await browser.newContext();
  await useLanguage(otherContext, "en");
  const otherPage = await otherContext.newPage();
  await login(otherPage, other.email, other.password);
  await otherPage.goto("/");
  await myWorkGroup(otherPage, "Documents missing").getByRole("link", { name: caseNumber }).click();
  await expect(otherPage).toHaveURL(new RegExp(`${familyPath}$`));

  // A task by hand: listed with its due date on the case and in My work; once done, in the history.
  const due = new Date(programmeToday().getTime() + 3 * 86_400_000);
  const dueText = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(due);
  await otherPage.getByLabel("New task").fill("Ask for the notarised translation");
  await otherPage.getByLabel("Due date").fill(due.toISOString().slice(0, 10));
  await otherPage.getByRole("button", { name: "Add task" }).click();
  await expect(otherPage.getByText("The task was added.")).toBeVisible();
  await expect(otherPage.getByText(`Ask for the notarised translation · due ${dueText}`)).toBeVisible();

  await otherPage.goto("/");
  const myTasks = otherPage.getByRole("region", { name: "My tasks" });
  await expect(myTasks.getByText(`Ask for the notarised translation · due ${dueText}`)).toBeVisible();
  await myTasks.getByRole("link", { name: caseNumber }).click();
  await expect(otherPage).toHaveURL(new RegExp(`${familyPath}$`));

  await otherPage.getByRole("button", { name: "Mark done: Ask for the notarised translation" }).click();
  // The task leaves the open list (and its button with it) for the history.
  await expect(otherPage.getByRole("button", { name: "Mark done: Ask for the notarised translation" })).toHaveCount(0);
  const history = otherPage.getByRole("region", { name: "Status history" });
  await expect(history.getByText("Task done: Ask for the notarised translation")).toBeVisible();
  const stored = await e2eDb().caseTask.findFirstOrThrow({
    where: { family: { caseNumber }, title: "Ask for the notarised translation" },
  });
  expect(stored.doneAt).not.toBeNull();
  await otherContext.close();
});
