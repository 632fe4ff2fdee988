// Bad input is never a 500 (issue 12, point 5), against the real server: a NUL in the family search,
// a NUL or a broken surrogate in any text field of the forms (typed, and sent past the browser's
// check), a server action from another origin, the public status form and the login. The one rule is
// lib/validation/storable-text.ts; the Origin check is proxy.ts (docs/decisions/012-…).
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { statusTexts } from "@/lib/public-status/texts";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { DEMO_USERS, signedInPage, useLanguage } from "./fixtures";

/** The field message of the shared rule, as messages/en/app.json words it. */
const UNSTORABLE =
  "The text contains a character that cannot be saved (a NUL character or broken encoding). Remove it and try again.";
const UNEXPECTED = /Something went wrong/;
const ERROR_PAGE = "This page could not be shown";

// A Pavlodar family of its own, so that nothing another spec does changes what this one counts.
const createBekbolatFamily = () =>
  createPavlodarFamily(
    [
      {
        surnameCyr: "Бекболат",
        givenNameCyr: "Ерлан",
        surnameLat: "Bekbolat",
        givenNameLat: "Erlan",
        birthDate: new Date(Date.UTC(1984, 4, 17)),
        sex: "M",
        citizenship: "CN",
      },
    ],
    { address: "Павлодар, Естай 5" },
  );

/** The Pavlodar caseworker on the case page of a family created for this test. */
async function openOwnFamily(browser: Browser) {
  const family = await createBekbolatFamily();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  // Typing before React has hydrated the forms would race their default values: wait for a button.
  await expect(page.getByRole("button", { name: "Add note" })).toBeEnabled();
  return { family, context, page };
}

/** The fields the forms below try to change, as stored. */
const savedFields = (familyId: number) =>
  e2eDb().family.findUniqueOrThrow({
    where: { id: familyId },
    select: {
      address: true,
      members: { select: { surnameCyr: true } },
      notes: { select: { id: true } },
      adaptationPlan: true,
    },
  });
/** Those fields as createBekbolatFamily leaves them: no note, no plan. */
const AS_CREATED = {
  address: "Павлодар, Естай 5",
  members: [{ surnameCyr: "Бекболат" }],
  notes: [],
  adaptationPlan: null,
};

/**
 * Makes the page's next server action requests carry `escape` (a JSON escape such as \u0000) inside
 * `marker`, as a client that skips the browser's check would send them. The form is filled with the
 * clean marker, so the resolver lets it through and only the server can refuse it.
 */
async function corruptActions(page: Page, marker: string, escape: string): Promise<() => Promise<void>> {
  const url = /.*/;
  await page.route(url, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const body = request.postData() ?? "";
    expect(body, "the action body carries the marker as JSON text").toContain(marker);
    await route.continue({ postData: body.replace(marker, `${marker.slice(0, 2)}${escape}${marker.slice(2)}`) });
  });
  return () => page.unroute(url);
}

test("a NUL in the family search answers 200 with no results and a message at the search box", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  for (const [query, shown] of [
    ["%00", "\uFFFD"],
    ["a%00b", "a\uFFFDb"],
  ] as const) {
    const response = await page.goto(`/families?q=${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { name: "Families", level: 1 })).toBeVisible();
    await expect(page.getByText(ERROR_PAGE)).toHaveCount(0);
    const search = page.getByRole("searchbox", { name: "Search families" });
    await expect(search).toHaveAccessibleDescription(new RegExp(`^${UNSTORABLE.replace(/[.()]/g, "\\$&")}`));
    await expect(search).toHaveValue(shown);
    await expect(page.getByText("No families match this search and these filters.")).toBeVisible();
  }
  // Control: the same page with a query it can search has no such message.
  await page.goto("/families?q=Bekbolat");
  await expect(page.getByText(UNSTORABLE)).toHaveCount(0);
  await context.close();
});

test("a NUL typed into a note, the plan, the address and a member's name is a field error there, the input is kept, nothing is saved", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { family, context, page } = await openOwnFamily(browser);

  // Chromium keeps a NUL in a field's value, so the form's own (shared) schema is what answers here.
  const note = page.getByLabel("New note");
  await note.fill("Called the\u0000 family");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(note).toHaveAccessibleDescription(UNSTORABLE);
  await expect(note).toHaveValue("Called the\u0000 family");

  const plan = page.getByRole("form", { name: "Adaptation plan" });
  await plan.getByLabel("Transport").fill("Train");
  await plan.getByLabel("Housing").fill("Rented\u0000 flat");
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(plan.getByLabel("Housing")).toHaveAccessibleDescription(UNSTORABLE);
  await expect(plan.getByLabel("Housing")).toHaveValue("Rented\u0000 flat");
  await expect(plan.getByLabel("Transport")).not.toHaveAccessibleDescription(UNSTORABLE);

  await page.goto(`/families/${family.id}/edit`);
  await expect(page.getByRole("button", { name: "Save" })).toBeEnabled();
  const member = page.getByRole("group", { name: "Member 1", exact: true });
  await page.getByLabel("Address").fill("Павлодар,\u0000 Естай 7");
  await member.getByLabel("Surname (Cyrillic)").fill("Бек\u0000болат");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Address")).toHaveAccessibleDescription(UNSTORABLE);
  // A NUL also breaks "Cyrillic letters only"; the shared message is the one shown.
  await expect(member.getByLabel("Surname (Cyrillic)")).toHaveAccessibleDescription(UNSTORABLE);
  await expect(page.getByLabel("Address")).toHaveValue("Павлодар,\u0000 Естай 7");
  await expect(page).toHaveURL(new RegExp(`/families/${family.id}/edit$`));
  await expect(page.getByText(UNEXPECTED)).toHaveCount(0);

  expect(await savedFields(family.id)).toEqual(AS_CREATED);
  await context.close();
});

test("the server refuses a NUL or a broken surrogate sent past the browser's check with the same field error, never 'unexpected'", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { family, context, page } = await openOwnFamily(browser);

  // The note, once with a NUL and once with a lone high surrogate (which no keyboard can type).
  const note = page.getByLabel("New note");
  for (const escape of ["\\u0000", "\\ud800"]) {
    const stop = await corruptActions(page, "Probe note", escape);
    await note.fill("Probe note");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(note, escape).toHaveAccessibleDescription(UNSTORABLE);
    await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
    await expect(note).toHaveValue("Probe note");
    await stop();
  }

  const plan = page.getByRole("form", { name: "Adaptation plan" });
  const stopPlan = await corruptActions(page, "Probe transport", "\\u0000");
  await plan.getByLabel("Transport").fill("Probe transport");
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(plan.getByLabel("Transport")).toHaveAccessibleDescription(UNSTORABLE);
  await expect(plan.getByLabel("Transport")).toHaveValue("Probe transport");
  await stopPlan();

  await page.goto(`/families/${family.id}/edit`);
  await expect(page.getByRole("button", { name: "Save" })).toBeEnabled();
  const member = page.getByRole("group", { name: "Member 1", exact: true });
  for (const [marker, field] of [
    ["Павлодар, Пробная 1", page.getByLabel("Address")],
    ["Тексерұлы", member.getByLabel("Surname (Cyrillic)")],
  ] as const) {
    const stop = await corruptActions(page, marker, "\\u0000");
    await field.fill(marker);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(field, marker).toHaveAccessibleDescription(UNSTORABLE);
    await expect(field).toHaveValue(marker);
    await expect(page).toHaveURL(new RegExp(`/families/${family.id}/edit$`));
    await stop();
  }
  await expect(page.getByText(UNEXPECTED)).toHaveCount(0);

  expect(await savedFields(family.id)).toEqual(AS_CREATED);
  await context.close();
});

test("a server action from another origin is refused with 403 and does nothing; the same request from this origin works", async ({
  browser,
}) => {
  const { family, context, page } = await openOwnFamily(browser);

  // A real submit of the note form, watched on its way out: the action id, headers and body to replay.
  const marker = `Replay ${randomBytes(4).toString("hex")}`;
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"])),
    (async () => {
      await page.getByLabel("New note").fill(marker);
      await page.getByRole("button", { name: "Add note" }).click();
    })(),
  ]);
  await expect(page.getByText("Note added.")).toBeVisible();
  const actionId = request.headers()["next-action"] ?? "";
  const headers = {
    "next-action": actionId,
    "next-router-state-tree": request.headers()["next-router-state-tree"] ?? "",
    "content-type": request.headers()["content-type"] ?? "text/plain;charset=UTF-8",
    accept: "text/x-component",
  };
  const body = request.postData() ?? "";
  const ownOrigin = new URL(page.url()).origin;
  const replay = (origin: string | null, text: string) =>
    page.request.post(request.url(), {
      headers: { ...headers, ...(origin !== null && { origin }) },
      data: body.replace(marker, text),
      maxRedirects: 0,
    });
  const savedNotes = async (text: string) => e2eDb().note.count({ where: { familyId: family.id, body: text } });

  // Control: the replay is a valid action request when it comes from this origin.
  const same = await replay(ownOrigin, `${marker} same origin`);
  expect(same.status()).toBe(200);
  expect(await savedNotes(`${marker} same origin`)).toBe(1);

  for (const origin of ["https://evil.example", "null", "not a url", `${ownOrigin}.evil.example`, "http://localhost"]) {
    const response = await replay(origin, `${marker} ${origin}`);
    expect(response.status(), origin).toBe(403);
    expect(await savedNotes(`${marker} ${origin}`), origin).toBe(0);
  }

  // Without Origin Next runs the action, and so does the proxy: browsers always send Origin with a POST,
  // so such a request does not come from a victim's browser (decision 012).
  const none = await replay(null, `${marker} no origin`);
  expect(none.status()).toBe(200);
  expect(await savedNotes(`${marker} no origin`)).toBe(1);

  // The no-JavaScript form of a server action (multipart, no Next-Action header), from another site.
  const mpa = await page.request.post(request.url(), {
    headers: { origin: "https://evil.example" },
    multipart: { [`$ACTION_ID_${actionId}`]: "", familyId: String(family.id), body: `${marker} mpa` },
    maxRedirects: 0,
  });
  expect(mpa.status()).toBe(403);
  expect(await savedNotes(`${marker} mpa`)).toBe(0);
  await context.close();
});

test("the public status form with a NUL gets the uniform miss; the same details without it find the case", async ({
  page,
  context,
}) => {
  await useLanguage(context, "en");
  const family = await createBekbolatFamily();
  const lookUp = (form: Record<string, string>) =>
    page.request.post("/status", {
      form: { ...form, lang: "en" },
      headers: { "x-forwarded-for": `2001:db8::${randomBytes(2).toString("hex")}` },
      maxRedirects: 0,
    });
  const miss = statusTexts("en").t("status.miss");

  const found = await lookUp({ caseNumber: family.caseNumber, birthDate: "1984-05-17" });
  expect(found.status()).toBe(200);
  expect(await found.text()).not.toContain(miss);

  const forms: Record<string, string>[] = [
    { caseNumber: `${family.caseNumber}\u0000`, birthDate: "1984-05-17" },
    { caseNumber: family.caseNumber, birthDate: "1984-05-17\u0000" },
    { caseNumber: family.caseNumber, iin: "\u0000" },
  ];
  for (const form of forms) {
    const response = await lookUp(form);
    expect(response.status(), JSON.stringify(form)).toBe(200);
    expect(await response.text(), JSON.stringify(form)).toContain(miss);
  }

  // Typed into the page's own form. The page's Referrer-Policy is no-referrer, so Chromium posts it with
  // `Origin: null`: the proxy's Origin check must let this form through (lib/domain/request-origin.ts).
  await page.goto("/status");
  await page.getByLabel("Case number").fill(`${family.caseNumber}\u0000`);
  await page.getByLabel("Date of birth of the head of family").fill("1984-05-17");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Check status" }).click(),
  ]);
  expect(response.status()).toBe(200);
  await expect(page.getByText(miss)).toBeVisible();
});

test("the login with a NUL: a field message in the form, 401 from the server, never a 500", async ({
  page,
  context,
}) => {
  await useLanguage(context, "en");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(`${DEMO_USERS.caseworkerPavlodar.email}\u0000`);
  await page.getByLabel("Password").fill("Demo-2026!\u0000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("E-mail")).toHaveAccessibleDescription(UNSTORABLE);
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(UNSTORABLE);
  await expect(page).toHaveURL(/\/login/);

  // The same credentials sent to next-auth directly, past the form.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const [email, password] of [
    [`${DEMO_USERS.caseworkerPavlodar.email}\u0000`, "Demo-2026!"],
    [DEMO_USERS.caseworkerPavlodar.email, "Demo-2026!\u0000"],
    ["\u0000", "\u0000"],
  ]) {
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: email ?? "", password: password ?? "", json: "true" },
      headers: { "x-forwarded-for": `198.51.100.${1 + ((randomBytes(1)[0] ?? 0) % 250)}` },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(email)).toBe(401);
    expect(((await response.json()) as { url: string }).url).toContain("error=invalid");
  }
});

test("report filters and an upload's file name with a NUL never fail", async ({ browser }) => {
  const analyst = await signedInPage(browser, "analyst");
  for (const path of [
    "/reports/overview?year=%00&region=%00&category=%00",
    "/reports/support?year=2026%00&region=KZ-55%00",
    "/reports/quotas?year=%00",
  ]) {
    const response = await analyst.page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(analyst.page.getByText(ERROR_PAGE)).toHaveCount(0);
  }
  const exported = await analyst.page.request.get(
    "/reports/overview/export?format=csv&year=%00&region=%00&category=%00",
  );
  expect(exported.status()).toBe(200);
  await analyst.context.close();

  // The upload route refuses a crafted file name with the shared rule's message and stores nothing.
  const family = await createBekbolatFamily();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  // Opening the case file creates its document checklist.
  await page.goto(`/families/${family.id}`);
  const document = await e2eDb().document.findFirstOrThrow({
    where: { familyId: family.id, kind: "APPLICATION" },
    select: { id: true },
  });
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
  const upload = await page.request.post(`/families/${family.id}/files`, {
    multipart: {
      documentId: String(document.id),
      file: { name: "scan\u0000.png", mimeType: "image/png", buffer: png },
    },
  });
  expect(upload.status()).toBe(400);
  expect(await upload.json()).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be saved/) });
  expect(await e2eDb().documentFile.count({ where: { documentId: document.id } })).toBe(0);
  await context.close();
});
