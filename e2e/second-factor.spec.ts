import { expect, test, type Page } from "@playwright/test";
import { createTestUser, e2eDb } from "./db";
import { login, signedInPage, useLanguage } from "./fixtures";
import { freshTotpCode } from "./totp";

/** The e-mail and password step of the login form. */
async function enterPassword(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

test("a coordinator sets up the second factor at the first sign-in, then signs in with a code and with a recovery code once", async ({
  page,
  context,
}) => {
  const coordinator = await createTestUser("COORDINATOR", "KZ-55", undefined, { secondFactor: false });
  await useLanguage(context, "en");

  // The first sign-in leads to the enrolment page, and nothing else opens until it is done.
  await enterPassword(page, coordinator);
  await expect(page).toHaveURL(/\/account\/second-factor$/);
  await expect(page.getByRole("heading", { name: "Second factor" })).toBeVisible();
  await expect(page.getByText("Your role requires a second factor")).toBeVisible();
  await page.goto("/families");
  await expect(page).toHaveURL(/\/account\/second-factor$/);

  // "Scanning": the key as the page shows it for typing into an app, and the QR code of the same key.
  await expect(page.getByRole("img", { name: "QR code of the key for your authenticator app" })).toBeVisible();
  const secret = (await page.getByRole("textbox", { name: "Key" }).inputValue()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const enrolment = await freshTotpCode(secret, null);
  await page.getByLabel("Code from the app").fill(enrolment.code);
  await page.getByRole("button", { name: "Turn on the second factor" }).click();

  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await list.getByRole("listitem").allInnerTexts();
  for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute("download", /recovery-codes/);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  const stored = await e2eDb().user.findUniqueOrThrow({ where: { id: coordinator.id } });
  expect(stored.mfaSecret).not.toContain(secret);
  expect(await e2eDb().recoveryCode.count({ where: { userId: coordinator.id, usedAt: null } })).toBe(10);

  // The key is never shown again.
  await page.goto("/account/second-factor");
  await expect(page.getByText(/The second factor is on since/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Key" })).toHaveCount(0);
  await signOut(page);

  // Password, then a code of the app; the password field is gone by then.
  await enterPassword(page, coordinator);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  const wrong = (await freshTotpCode(secret, enrolment.step)).code === "000000" ? "111111" : "000000";
  await page.getByLabel("Code", { exact: true }).fill(wrong);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Wrong code, or it has been used already.")).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill((await freshTotpCode(secret, enrolment.step)).code);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("current-user")).toContainText("E2E COORDINATOR");
  await signOut(page);

  // A recovery code instead of the app's code, once.
  const [recoveryCode] = recoveryCodes;
  await enterPassword(page, coordinator);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCode!.toUpperCase());
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("current-user")).toContainText("E2E COORDINATOR");
  await signOut(page);

  await enterPassword(page, coordinator);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCode!);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Wrong recovery code, or it has been used already.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);

  const audit = await e2eDb().auditLog.findMany({
    where: { entityId: String(coordinator.id), action: { startsWith: "auth." } },
    orderBy: { id: "asc" },
    select: { action: true, changes: true },
  });
  expect(audit.map((entry) => entry.action)).toEqual(
    expect.arrayContaining(["auth.mfa.enrol", "auth.mfa.recoveryCodeUsed", "auth.login.failed"]),
  );
  const failures = audit.filter((entry) => entry.action === "auth.login.failed").map((entry) => entry.changes);
  expect(failures).toEqual([
    expect.objectContaining({ reason: "wrong-code" }),
    expect.objectContaining({ reason: "wrong-recovery-code" }),
  ]);
});

test("an analyst signs in with the password alone and is never asked to set up a second factor", async ({
  page,
  context,
}) => {
  const analyst = await createTestUser("ANALYST", null);
  expect(analyst.totpSecret).toBeNull();
  await useLanguage(context, "en");
  await enterPassword(page, analyst);
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await page.goto("/reports/overview");
  await expect(page).toHaveURL(/\/reports\/overview/);
});

test("an administrator resets a coordinator's lost second factor: the coordinator's session ends and the next sign-in enrols again", async ({
  browser,
}) => {
  const coordinator = await createTestUser("COORDINATOR", "KZ-11");
  const phone = await browser.newContext();
  await useLanguage(phone, "en");
  const coordinatorPage = await phone.newPage();
  await login(coordinatorPage, coordinator.email, coordinator.password);

  const admin = await signedInPage(browser, "admin");
  await admin.page.goto(`/admin/users/${coordinator.id}`);
  const security = admin.page.getByRole("region", { name: "Sign-in" });
  await security.getByRole("button", { name: "Reset second factor of E2E COORDINATOR" }).click();
  await security.getByRole("button", { name: "Yes, reset" }).click();
  await expect(security.getByText("The second factor has been reset.")).toBeVisible();

  await coordinatorPage.goto("/families");
  await expect(coordinatorPage).toHaveURL(/\/login\?reason=signedOut/);
  await enterPassword(coordinatorPage, coordinator);
  await expect(coordinatorPage).toHaveURL(/\/account\/second-factor$/);
  const reset = await e2eDb().auditLog.findFirst({
    where: { action: "auth.mfa.reset", entityId: String(coordinator.id) },
  });
  expect(reset?.actorRole).toBe("ADMIN");
  await Promise.all([phone.close(), admin.context.close()]);
});
