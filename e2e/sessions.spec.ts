import { expect, test, type Browser } from "@playwright/test";
import { createTestUser, e2eDb } from "./db";
import { login, useLanguage } from "./fixtures";

/** A new browser signed in as `user`, in English. */
const SIGNED_OUT = "Your session has ended. Sign in again to continue.";

async function signedIn(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  await useLanguage(context, "en");
  const page = await context.newPage();
  await login(page, user.email, user.password);
  return { context, page };
}

test("a copy of the cookie sent after signing out is treated as signed out", async ({ browser }) => {
  const user = await createTestUser("CASEWORKER", "KZ-55");
  const { context, page } = await signedIn(browser, user);
  const copied = await context.cookies();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  // Someone who kept the cookie (a shared computer, a stolen copy) replays it in another browser.
  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayed = await replay.newPage();
  await replayed.goto("/families");
  await expect(replayed).toHaveURL(/\/login\?reason=signedOut/);
  await expect(replayed.getByText(SIGNED_OUT)).toBeVisible();
  // next-auth's own session endpoint neither shows nor renews the ended session, and deletes the cookie.
  const replay2 = await browser.newContext();
  await replay2.addCookies(copied);
  const session = await replay2.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"]).toMatch(/next-auth\.session-token=;/);
  const ended = await e2eDb().auditLog.count({ where: { action: "auth.logout", entityId: String(user.id) } });
  expect(ended).toBe(1);
  await Promise.all([context.close(), replay.close(), replay2.close()]);
});

test("signing out everywhere ends the person's session in the other browser too", async ({ browser }) => {
  const user = await createTestUser("COORDINATOR", "KZ-11");
  const office = await signedIn(browser, user);
  const home = await signedIn(browser, user);

  await office.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(office.page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await home.page.goto("/families");
  await expect(home.page).toHaveURL(/\/login\?reason=signedOut/);
  // Signing in again works, with a new session.
  await login(home.page, user.email, user.password);
  await expect(home.page.getByTestId("current-user")).toContainText("E2E COORDINATOR");
  await Promise.all([office.context.close(), home.context.close()]);
});

test("a session left idle sends the person to sign in with a message, and back to the page after", async ({
  browser,
}) => {
  const user = await createTestUser("CASEWORKER", "KZ-55");
  const { context, page } = await signedIn(browser, user);
  await page.goto("/families?status=REGISTERED");
  await e2eDb().staffSession.updateMany({
    where: { userId: user.id },
    data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
  });

  await page.reload();
  await expect(page).toHaveURL(/\/login\?reason=idle&callbackUrl=%2Ffamilies%3Fstatus%3DREGISTERED/);
  await expect(page.getByText("You were signed out because the session was left without activity.")).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/families\?status=REGISTERED$/);
  await context.close();
});

test("a session past its absolute lifetime ends however busy it was", async ({ browser }) => {
  const user = await createTestUser("ANALYST", null);
  const { context, page } = await signedIn(browser, user);
  await e2eDb().staffSession.updateMany({
    where: { userId: user.id },
    data: { startedAt: new Date(Date.now() - 8 * 60 * 60_000) },
  });
  await page.goto("/reports/overview");
  await expect(page).toHaveURL(/\/login\?reason=expired&callbackUrl=%2Freports%2Foverview/);
  await expect(page.getByText("Your session reached its time limit and ended.")).toBeVisible();
  await context.close();
});
