import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, signedInPage, useLanguage, type DemoAccount } from "./fixtures";

// The throttle probe exists only to be locked by the login spec.
type RoleAccount = Exclude<DemoAccount, "throttleProbe">;

const EXPECTED_NAVIGATION: Record<RoleAccount, string[]> = {
  admin: [
    "Overview",
    "Families",
    "Expiring statuses",
    "Quotas",
    "Transfers",
    "Reports",
    "Users",
    "Settings",
    "Audit log",
  ],
  analyst: ["Overview", "Quotas", "Reports"],
  coordinatorPavlodar: ["Overview", "Families", "Expiring statuses", "Quotas", "Transfers", "Reports", "Audit log"],
  caseworkerPavlodar: ["Overview", "Families", "Expiring statuses"],
  coordinatorAkmola: ["Overview", "Families", "Expiring statuses", "Quotas", "Transfers", "Reports", "Audit log"],
  caseworkerAkmola: ["Overview", "Families", "Expiring statuses"],
};

const EXPECTED_SHELL: Record<RoleAccount, RegExp> = {
  admin: /Administrator · All regions/,
  analyst: /Analyst · All regions/,
  coordinatorPavlodar: /Regional coordinator · Pavlodar Region/,
  caseworkerPavlodar: /Caseworker · Pavlodar Region/,
  coordinatorAkmola: /Regional coordinator · Akmola Region/,
  caseworkerAkmola: /Caseworker · Akmola Region/,
};

for (const account of Object.keys(EXPECTED_NAVIGATION) as RoleAccount[]) {
  test(`${account} signs in and sees the own navigation, role and region`, async ({ browser }) => {
    const { context, page } = await signedInPage(browser, account);
    const navigation = page.getByRole("navigation", { name: "Main navigation" });
    await expect(navigation.getByRole("link")).toHaveText(EXPECTED_NAVIGATION[account]);
    await expect(page.getByTestId("current-user")).toHaveText(EXPECTED_SHELL[account]);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await context.close();
  });
}

test("the analyst sees national numbers but no family list", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "analyst");
  await expect(page.getByRole("table", { name: "Families by case status" })).toBeVisible();
  const response = await page.goto("/families");
  expect(response?.status()).toBe(404);
  await context.close();
});

test("a regional user cannot open the administrators' pages", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await context.close();
});

test("an anonymous visitor is sent to the login page and back after signing in", async ({ page, context }) => {
  await useLanguage(context, "en");
  await page.goto("/families?status=REGISTERED");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("E-mail").fill(DEMO_USERS.caseworkerPavlodar.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/families\?status=REGISTERED$/);
  await expect(page.getByLabel("Status")).toHaveValue("REGISTERED");
});

test("the interface speaks Kazakh by default and remembers a switch to Russian", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Қызметкерлердің кіруі" })).toBeVisible();
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { name: "Вход для сотрудников" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Вход для сотрудников" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
});

test("security headers are sent with every page", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a forged x-middleware-subrequest header does not skip the proxy", async ({ request }) => {
  const response = await request.get("/families", {
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/login?callbackUrl=");
});
