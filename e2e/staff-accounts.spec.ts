import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import { createTestUser, e2eDb } from "./db";
import { login, signedInPage, useLanguage } from "./fixtures";

const PASSWORD = "Steppe-Falcon-Morning-7";

/** A browser of its own, in English, without a session (the person who received a link). */
async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  await useLanguage(context, "en");
  return { context, page: await context.newPage() };
}

/** The target region of every family row the person's list shows (at least one row). */
async function listedRegions(page: Page): Promise<string[]> {
  await page.goto("/families");
  const cells = page.getByRole("table", { name: /Families in your scope/ }).locator("tbody tr td:nth-child(5)");
  await expect(cells.first()).toBeVisible();
  return cells.allTextContents();
}

/** Opens a staff member's page from the list, found by the e-mail. */
async function openStaffMember(page: Page, email: string) {
  await page.goto("/admin/users");
  await page.getByLabel("Name or e-mail").fill(email);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("table", { name: "Staff accounts" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Role and region" })).toBeVisible();
}

test("an administrator creates an Akmola caseworker, who activates the account, is moved to Pavlodar and deactivated", async ({
  browser,
}) => {
  const tag = randomUUID().slice(0, 8);
  const fullName = "Серікбаев Нұрлан Асхатұлы";
  const email = `n.serikbayev-${tag}@test.nurlykosh.kz`;

  // The administrator creates the account and gets the one-time link.
  const admin = await signedInPage(browser, "admin");
  await admin.page.goto("/admin/users");
  await admin.page.getByRole("link", { name: "Add a staff member" }).click();
  await expect(admin.page.getByRole("heading", { name: "New staff account" })).toBeVisible();
  await admin.page.getByLabel("Full name (Cyrillic)").fill(fullName);
  await expect(admin.page.getByLabel("Full name (Latin, as in the passport)")).toHaveValue(
    transliterateKazakh(fullName),
  );
  await admin.page.getByLabel("E-mail").fill(email.toUpperCase());
  await admin.page.getByLabel("Phone (optional)").fill("8 701 555 12 34");
  await admin.page.getByLabel("Role", { exact: true }).selectOption({ label: "Caseworker" });
  await admin.page.getByLabel("Region", { exact: true }).selectOption({ label: "Akmola Region" });
  await admin.page.getByRole("button", { name: "Create the account" }).click();
  await expect(admin.page.getByRole("heading", { name: `The account of ${fullName} is created.` })).toBeVisible();
  const link = await admin.page.getByLabel("One-time link").inputValue();
  expect(link).toMatch(/\/activate\/[A-Za-z0-9_-]{43}$/);
  await expect(admin.page.getByText(/^Valid until /)).toBeVisible();
  await expect(admin.page.getByText(/must open it within 72 hours/)).toBeVisible();
  const created = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  expect(created).toMatchObject({ role: "CASEWORKER", regionId: "KZ-11", phone: "+77015551234", passwordHash: null });

  // The caseworker opens the link: a common password is refused, then the e-mail's name, then one is set.
  const caseworker = await freshPage(browser);
  await caseworker.page.goto(link);
  await expect(caseworker.page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await expect(caseworker.page.getByText(`Account of ${fullName}`)).toBeVisible();
  await expect(caseworker.page.getByText(email)).toHaveCount(0);
  const newPassword = caseworker.page.getByLabel("New password", { exact: true });
  const repeat = caseworker.page.getByLabel("Repeat the new password");
  await newPassword.fill("qwerty123456");
  await repeat.fill("qwerty123456");
  await caseworker.page.getByRole("button", { name: "Set the password" }).click();
  await expect(
    caseworker.page.getByText("This password is too common or too easy to guess.", { exact: false }),
  ).toBeVisible();
  await expect(newPassword).toHaveValue("qwerty123456");
  // The page does not know the e-mail; the server refuses its name.
  const withEmailName = `n.serikbayev-${tag}-Falcon`;
  await newPassword.fill(withEmailName);
  await repeat.fill(withEmailName);
  await caseworker.page.getByRole("button", { name: "Set the password" }).click();
  await expect(
    caseworker.page.getByText("The password must not contain the name of your e-mail address."),
  ).toBeVisible();
  await expect(newPassword).toHaveValue(withEmailName);
  await newPassword.fill(PASSWORD);
  await repeat.fill(PASSWORD);
  await caseworker.page.getByRole("button", { name: "Set the password" }).click();
  await expect(caseworker.page).toHaveURL(/\/login\?notice=passwordSet$/);
  await expect(caseworker.page.getByText("Your password is set.", { exact: false })).toBeVisible();

  // The link worked once.
  const reuse = await freshPage(browser);
  await reuse.page.goto(link);
  await expect(reuse.page.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await reuse.context.close();

  // Signed in, the caseworker sees Akmola only.
  await login(caseworker.page, email, PASSWORD);
  await expect(caseworker.page.getByTestId("current-user")).toContainText("Caseworker · Akmola Region");
  for (const region of await listedRegions(caseworker.page)) expect(region).toContain("Akmola Region");

  // Moved to Pavlodar, the caseworker's next page shows Pavlodar.
  await openStaffMember(admin.page, email);
  await admin.page.getByLabel("Region", { exact: true }).selectOption({ label: "Pavlodar Region" });
  await admin.page.getByRole("button", { name: "Save role and region" }).click();
  await expect(admin.page.getByText("Saved. It applies from the person's next page.")).toBeVisible();
  for (const region of await listedRegions(caseworker.page)) expect(region).toContain("Pavlodar Region");
  await expect(caseworker.page.getByTestId("current-user")).toContainText("Caseworker · Pavlodar Region");
  const moved = await e2eDb().auditLog.findFirst({
    where: { action: "user.assignment.change", entityId: String(created.id) },
  });
  expect(moved?.changes).toEqual({ changes: { regionId: { from: "KZ-11", to: "KZ-55" } } });

  // Deactivation asks for a confirmation and a reason.
  await admin.page.getByRole("button", { name: "Deactivate the account" }).click();
  await admin.page.getByRole("button", { name: "Confirm deactivation" }).click();
  await expect(admin.page.getByText("This field is required.")).toBeVisible();
  await admin.page.getByLabel("Reason for deactivation").fill("Moved to another employment centre");
  await admin.page.getByRole("button", { name: "Confirm deactivation" }).click();
  await expect(admin.page.getByTestId("deactivation-reason")).toHaveText("Moved to another employment centre");
  await expect(admin.page.getByRole("button", { name: "Reactivate the account" })).toBeVisible();

  // The caseworker is signed out, and told so at sign-in (only with the right password).
  await caseworker.page.reload();
  await expect(caseworker.page).toHaveURL(/\/login\?reason=deactivated/);
  await caseworker.page.getByLabel("E-mail").fill(email);
  await caseworker.page.getByLabel("Password").fill(PASSWORD);
  await caseworker.page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    caseworker.page.locator("#login-error").getByText("Your account has been deactivated. Contact your administrator."),
  ).toBeVisible();
  await caseworker.page.getByLabel("E-mail").fill(`nobody-${tag}@test.nurlykosh.kz`);
  await caseworker.page.getByRole("button", { name: "Sign in" }).click();
  await expect(caseworker.page.getByText("Wrong e-mail or password.")).toBeVisible();

  const deactivation = await e2eDb().auditLog.findFirst({
    where: { action: "user.deactivate", entityId: String(created.id) },
  });
  expect(deactivation?.changes).toMatchObject({
    changes: { deactivationReason: { from: null, to: "Moved to another employment centre" } },
  });
  await Promise.all([admin.context.close(), caseworker.context.close()]);
});

test("the last active administrator cannot be deactivated or demoted", async ({ browser }) => {
  const only = await createTestUser("ADMIN", null);
  // Every other administrator is set aside for this test, so that this one is the last.
  const others = await e2eDb().user.findMany({
    where: { role: "ADMIN", isActive: true, id: { not: only.id } },
    select: { id: true },
  });
  const otherIds = others.map((other) => other.id);
  await e2eDb().user.updateMany({ where: { id: { in: otherIds } }, data: { isActive: false } });
  try {
    const { context, page } = await freshPage(browser);
    await login(page, only.email, only.password);
    await page.goto(`/admin/users/${only.id}`);
    const state = page.getByRole("region", { name: "Account state" });
    await expect(state.getByText("You are the last active administrator", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Deactivate the account" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save role and region" })).toHaveCount(0);
    await context.close();
  } finally {
    await e2eDb().user.updateMany({ where: { id: { in: otherIds } }, data: { isActive: true } });
  }
});

test("a password reset ends the person's password and sessions, and its link sets a new one", async ({ browser }) => {
  const person = await createTestUser("COORDINATOR", "KZ-11");
  const user = await freshPage(browser);
  await login(user.page, person.email, person.password);

  const admin = await signedInPage(browser, "admin");
  await openStaffMember(admin.page, person.email);
  await admin.page.getByRole("button", { name: "Reset the password" }).click();
  await admin.page.getByRole("button", { name: "Yes, reset" }).click();
  await expect(admin.page.getByRole("heading", { name: "A password reset link for E2E COORDINATOR." })).toBeVisible();
  const link = await admin.page.getByLabel("One-time link").inputValue();

  await user.page.goto("/families");
  await expect(user.page).toHaveURL(/\/login\?reason=signedOut/);
  await user.page.getByLabel("E-mail").fill(person.email);
  await user.page.getByLabel("Password").fill(person.password);
  await user.page.getByRole("button", { name: "Sign in" }).click();
  await expect(user.page.getByText("Wrong e-mail or password.")).toBeVisible();

  await user.page.goto(link);
  await user.page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await user.page.getByLabel("Repeat the new password").fill(PASSWORD);
  await user.page.getByRole("button", { name: "Set the password" }).click();
  await expect(user.page).toHaveURL(/\/login\?notice=passwordSet$/);
  await login(user.page, person.email, PASSWORD);
  await Promise.all([admin.context.close(), user.context.close()]);
});

test("a person changes the own password; the other sessions end, this one goes on", async ({ browser }) => {
  const person = await createTestUser("CASEWORKER", "KZ-55");
  const office = await freshPage(browser);
  const home = await freshPage(browser);
  await login(office.page, person.email, person.password);
  await login(home.page, person.email, person.password);

  await office.page.getByRole("link", { name: "Your account" }).click();
  await expect(office.page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await office.page.getByLabel("Current password").fill("not-the-password");
  await office.page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await office.page.getByLabel("Repeat the new password").fill(PASSWORD);
  await office.page.getByRole("button", { name: "Change the password" }).click();
  await expect(office.page.getByText("The current password is wrong.")).toBeVisible();
  const throttle = await e2eDb().loginThrottle.findUnique({ where: { key: `account:${person.email}` } });
  expect(throttle?.failures).toBe(1);

  await office.page.getByLabel("Current password").fill(person.password);
  await office.page.getByRole("button", { name: "Change the password" }).click();
  await expect(office.page.getByText("Your password is changed.", { exact: false })).toBeVisible();

  await home.page.goto("/families");
  await expect(home.page).toHaveURL(/\/login\?reason=signedOut/);
  await office.page.goto("/families");
  await expect(office.page.getByRole("heading", { name: "Families" })).toBeVisible();
  await login(home.page, person.email, PASSWORD);
  await Promise.all([office.context.close(), home.context.close()]);
});

test("nothing of the staff administration reaches an analyst or a coordinator", async ({ browser }) => {
  const target = await createTestUser("CASEWORKER", "KZ-55");
  for (const account of ["analyst", "coordinatorPavlodar"] as const) {
    const { context, page } = await signedInPage(browser, account);
    await expect(
      page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Users" }),
    ).toHaveCount(0);
    for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${target.id}`]) {
      const response = await page.goto(path);
      expect(response?.status(), `${account} ${path}`).toBe(404);
    }
    // The own account is everyone's.
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
    await context.close();
  }
});
