import { expect, test } from "@playwright/test";
import { signedInPage } from "./fixtures";

// The login page sends a signed-in person to `callbackUrl`, and the language switch back to `returnTo`:
// neither may ever lead to another host, however the target is written (lib/domain/redirect-target.ts).
const HOSTILE = [
  "//evil.example/",
  "/\\evil.example/",
  "/\\/evil.example/",
  "/\t/evil.example/",
  "/%09/evil.example/",
  "/%2F%2Fevil.example/",
  "/%5Cevil.example/",
  "%2F%2Fevil.example",
  "https://evil.example/",
  "https:evil.example",
  "javascript:alert(1)",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "\\\\evil.example",
];

test("a signed-in person is sent only to paths of this site after the login page", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  const origin = new URL(page.url()).origin;
  for (const target of HOSTILE) {
    const response = await page.request.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), JSON.stringify(target)).toBeGreaterThanOrEqual(300);
    expect(response.status(), JSON.stringify(target)).toBeLessThan(400);
    const location = new URL(response.headers()["location"] ?? "", origin);
    expect(location.origin, JSON.stringify(target)).toBe(origin);
  }
  // A plain path of the site is kept, query included.
  const kept = await page.request.get(`/login?callbackUrl=${encodeURIComponent("/families?status=APPROVED")}`, {
    maxRedirects: 0,
  });
  expect(new URL(kept.headers()["location"] ?? "", origin).pathname).toBe("/families");
  await context.close();
});

test("the language switch returns only to a path of this site", async ({ browser }) => {
  // Without JavaScript the switch is a plain form post, answered with a redirect whose target can be read.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const target of ["//evil.example/", "/\\evil.example/", "/\t/evil.example/", "https://evil.example/"]) {
    await page.goto("/login");
    const origin = new URL(page.url()).origin;
    // The switcher's own form, with its hidden return path replaced as a crafted form would.
    const russian = page.locator("form").filter({ has: page.getByRole("button", { name: "Русский" }) });
    await russian
      .locator('input[name="returnTo"]')
      .evaluate((input, value) => ((input as HTMLInputElement).value = value), target);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      russian.getByRole("button").click(),
    ]);
    expect(answer.status(), JSON.stringify(target)).toBe(303);
    expect(new URL(answer.headers()["location"] ?? "", origin).origin, JSON.stringify(target)).toBe(origin);
  }
  await context.close();
});
