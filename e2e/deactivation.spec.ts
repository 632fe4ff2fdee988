import { expect, test } from "@playwright/test";
import { createTestUser, e2eDb } from "./db";
import { login, signedInPage, useLanguage } from "./fixtures";

test("a user deactivated by the administrator is signed out on the next request", async ({ browser }) => {
  const caseworker = await createTestUser("CASEWORKER", "KZ-55");
  const userContext = await browser.newContext();
  await useLanguage(userContext, "en");
  const userPage = await userContext.newPage();
  await login(userPage, caseworker.email, caseworker.password);
  await userPage.goto("/families");
  await expect(userPage.getByRole("heading", { name: "Families" })).toBeVisible();

  const admin = await signedInPage(browser, "admin");
  await admin.page.goto(`/admin/users/${caseworker.id}`);
  await admin.page.getByRole("button", { name: "Deactivate the account" }).click();
  await admin.page.getByLabel("Reason for deactivation").fill("Left the employment centre");
  await admin.page.getByRole("button", { name: "Confirm deactivation" }).click();
  await expect(admin.page.getByTestId("deactivation-reason")).toHaveText("Left the employment centre");

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login\?reason=deactivated/);
  await expect(userPage.getByText("Your account has been deactivated. Contact your administrator.")).toBeVisible();
  // The cookie is gone too: the old session cannot come back.
  await userPage.goto("/families");
  await expect(userPage).toHaveURL(/\/login\?callbackUrl=/);

  const audit = await e2eDb().auditLog.findFirst({
    where: { action: "user.deactivate", entityId: String(caseworker.id) },
  });
  expect(audit?.actorRole).toBe("ADMIN");

  await admin.context.close();
  await userContext.close();
});

test("a deactivated person is told so at sign-in; a wrong password for the account gets the ordinary message", async ({
  page,
  context,
}) => {
  const analyst = await createTestUser("ANALYST", null);
  await e2eDb().user.update({ where: { id: analyst.id }, data: { isActive: false } });
  await useLanguage(context, "en");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(analyst.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  await page.getByLabel("Password").fill(analyst.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Your account has been deactivated. Contact your administrator.")).toBeVisible();
  await expect(page.getByText("Wrong e-mail or password.")).toHaveCount(0);
});
