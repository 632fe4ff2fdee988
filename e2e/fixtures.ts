import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-users";
import { currentTotpCode, ensureSecondFactor } from "./db";

export type DemoAccount = keyof typeof DEMO_USERS;

/** Sets the interface language before the first page loads (the app remembers it in a cookie). */
export async function useLanguage(context: BrowserContext, locale: "kk" | "ru" | "en"): Promise<void> {
  const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3100";
  await context.addCookies([{ name: "NK_LOCALE", value: locale, url: baseURL }]);
}

/**
 * Signs in through the real login form and waits for the staff shell. When the account has a second
 * factor, the form asks for the code next: it is computed from the account's key like a phone app does.
 */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const shell = page.getByRole("navigation", { name: "Main navigation" });
  const codeField = page.getByLabel("Code", { exact: true });
  // The first sign-in on a fresh server also compiles its routes: more than the usual wait.
  await expect(shell.or(codeField)).toBeVisible({ timeout: 20_000 });
  if (await codeField.isVisible()) {
    await codeField.fill(await currentTotpCode(email));
    await page.getByRole("button", { name: "Confirm" }).click();
  }
  await expect(shell).toBeVisible();
}

/** A fresh browser context in English, signed in as one of the demo accounts. */
export async function signedInPage(
  browser: Browser,
  account: DemoAccount,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await useLanguage(context, "en");
  const page = await context.newPage();
  await ensureSecondFactor(DEMO_USERS[account].email);
  await login(page, DEMO_USERS[account].email);
  return { context, page };
}

export { DEMO_PASSWORD, DEMO_USERS };
