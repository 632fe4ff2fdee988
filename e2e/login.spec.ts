import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_USERS, useLanguage } from "./fixtures";

test("a wrong password and an unknown account get the same message", async ({ page, context }) => {
  await useLanguage(context, "en");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO_USERS.coordinatorAkmola.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();

  await page.getByLabel("E-mail").fill(`nobody-${randomUUID()}@nurlykosh.kz`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
});

test("the login form explains empty and malformed fields next to them, in the chosen language", async ({
  page,
  context,
}) => {
  await useLanguage(context, "ru");
  await page.goto("/login");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByText("Обязательное поле.")).toHaveCount(2);
  await page.getByLabel("Электронная почта").fill("not-an-email");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByText("Введите корректный адрес электронной почты.")).toBeVisible();
  await expect(page.getByLabel("Электронная почта")).toHaveValue("not-an-email");
});

test("ten wrong passwords lock the account, and then even the right password is refused", async ({ page, context }) => {
  // The e2e server trusts no proxy, so the last X-Forwarded-For entry counts as the client address;
  // a unique one keeps this test's failures away from the per-address counter of other tests.
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` });
  await useLanguage(context, "en");
  await page.goto("/login");
  const email = DEMO_USERS.throttleProbe.email;
  await page.getByLabel("E-mail").fill(email);
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(page.getByText(/Too many failed attempts\. Try again in \d+ min\./)).toBeVisible();

  await page.getByLabel("Password").fill(DEMO_USERS.throttleProbe.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
