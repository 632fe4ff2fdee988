import { expect, test, type Locator, type Page } from "@playwright/test";
import { generateIin } from "@/lib/domain/iin";
import { showcaseFamily } from "@/prisma/demo-families";
import { createTestUser, e2eDb } from "./db";
import { verifyChecklist } from "./families";
import { login, signedInPage, useLanguage } from "./fixtures";

type Person = { surname: string; given: string; birthDate: string; sex: "M" | "F"; relationship: string; iin: string };

const stamp = Date.now() % 100_000;
function person(
  surname: string,
  given: string,
  birthDate: string,
  sex: "M" | "F",
  relationship: string,
  serial: number,
): Person {
  return {
    surname,
    given,
    birthDate,
    sex,
    relationship,
    iin: generateIin(new Date(`${birthDate}T00:00:00Z`), sex, (stamp + serial) % 10_000),
  };
}

// Names unlikely in the seed, so the duplicate check stays quiet for this household.
const household: Person[] = [
  person("Жанұзақов", "Бейбарыс", "1979-04-12", "M", "Head of family", 1),
  person("Жанұзақова", "Айгүл", "1982-09-30", "F", "Spouse", 2),
  person("Жанұзақов", "Ерасыл", "2006-01-15", "M", "Child", 3),
  person("Жанұзақова", "Дильназ", "2010-07-08", "F", "Child", 4),
  person("Жанұзақова", "Күлпаш", "1951-03-21", "F", "Parent", 5),
];

async function fillMember(member: Locator, data: Person) {
  await member.getByLabel("Surname (Cyrillic)").fill(data.surname);
  await member.getByLabel("Given name (Cyrillic)").fill(data.given);
  await member.getByLabel("Relationship to the head").selectOption({ label: data.relationship });
  await member.getByLabel("Date of birth").fill(data.birthDate);
  await member.getByLabel("Sex").selectOption(data.sex);
  await member.getByLabel("IIN").fill(data.iin);
  await member.getByLabel("Citizenship").selectOption({ label: "China" });
}

async function caseIdOf(key: string): Promise<number> {
  const head = await e2eDb().person.findUniqueOrThrow({
    where: { iin: showcaseFamily(key).head.iin },
    select: { familyId: true },
  });
  return head.familyId;
}

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082",
  "hex",
);

async function takeStep(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => {}) {
  await page.getByRole("region", { name: "Case workflow" }).getByRole("button", { name: action }).click();
  const form = page.getByRole("form", { name: action });
  await fill(form);
  await form.getByRole("button", { name: "Confirm" }).click();
}

const memberGroup = (page: Page, number: number) => page.getByRole("group", { name: `Member ${number}`, exact: true });

test("a Pavlodar caseworker registers a family of five, finds it, takes it to resettlement with the coordinator; Akmola cannot open it", async ({
  browser,
}) => {
  // The whole journey of one case, field by field, takes a while on two cores.
  test.setTimeout(240_000);
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families");
  await page.getByRole("link", { name: "Register a family" }).click();
  await expect(page.getByRole("heading", { name: "Register a family" })).toBeVisible();

  await page.getByLabel("Country of origin").selectOption({ label: "China" });
  await page.getByLabel("Phone").fill("8 (701) 555-44-33");

  // The head: Latin spelling suggested from the Cyrillic; a mistyped IIN.
  const head = household[0]!;
  await fillMember(memberGroup(page, 1), {
    ...head,
    iin: `${head.iin.slice(0, 11)}${(Number(head.iin[11]) + 1) % 10}`,
  });
  await expect(memberGroup(page, 1).getByLabel("Surname (Latin)")).toHaveValue(/^Zhanuzakov$/);

  // Six members on the way, one of them removed again.
  const members = page.getByRole("group", { name: /^Member \d+$/ });
  for (let count = 2; count <= 6; count++) {
    await page.getByRole("button", { name: "Add a member" }).click();
    // Adding focuses the new member's first field, which moves the button: wait before the next click.
    await expect(members).toHaveCount(count);
  }
  await fillMember(memberGroup(page, 2), household[1]!);
  await fillMember(memberGroup(page, 3), household[2]!);
  await memberGroup(page, 4).getByLabel("Surname (Cyrillic)").fill("Қате");
  await page.getByRole("button", { name: "Remove member 4" }).click();
  await expect(members).toHaveCount(5);
  await fillMember(memberGroup(page, 4), household[3]!);
  await fillMember(memberGroup(page, 5), household[4]!);

  await page.getByRole("button", { name: "Save" }).click();
  const iinError = memberGroup(page, 1).getByText("The check digit of this IIN is wrong — check for a typo.");
  await expect(iinError).toBeVisible();
  await expect(page).toHaveURL(/\/families\/new$/);
  await expect(memberGroup(page, 5).getByLabel("Given name (Cyrillic)")).toHaveValue("Күлпаш");

  await memberGroup(page, 1).getByLabel("IIN").fill(head.iin);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/families\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^NK-\d{4}-\d{6}$/);
  await expect(page.getByRole("heading", { name: "Family members (5)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Жанұзақов Бейбарыс\s*Zhanuzakov Beibarys/ })).toBeVisible();
  const familyUrl = new URL(page.url()).pathname;

  const stored = await e2eDb().family.findFirstOrThrow({
    where: { members: { some: { iin: head.iin } } },
    include: { members: true, events: true },
  });
  expect(stored.targetRegionId).toBe("KZ-55");
  expect(stored.contactPhone).toBe("+77015554433");
  expect(stored.members).toHaveLength(5);
  expect(stored.events.map((event) => event.toStatus)).toEqual(["REGISTERED"]);
  const caseNumber = stored.caseNumber;

  // Found again by a Latin spelling with a typo.
  await page.goto("/families");
  const search = page.getByRole("searchbox", { name: "Search families" });
  await search.fill("Zhanuzakof Beibarys");
  await search.press("Enter");
  await expect(page.getByRole("link", { name: caseNumber })).toBeVisible();
  await page.getByRole("link", { name: caseNumber }).click();

  // A scanned application, uploaded and listed.
  await page
    .getByLabel("File for Application", { exact: true })
    .setInputFiles({ name: "application.png", mimeType: "image/png", buffer: PNG_BYTES });
  await page.getByRole("button", { name: "Upload file: Application", exact: true }).click();
  await expect(page.getByText("File uploaded.")).toBeVisible();
  await expect(page.getByRole("link", { name: "application.png" })).toBeVisible();

  // The centre receives and verifies the other documents (the checklist gate requires them before each
  // step; checklist-gate.spec.ts drives that part), then the caseworker's steps, the coordinator's
  // decision and quota, then the arrival.
  await verifyChecklist(stored.id);
  await page.reload();
  await takeStep(page, "Send for review");
  await expect(page.getByTestId("workflow-status")).toHaveText("Under review");
  await expect(
    page.getByRole("region", { name: "Case workflow" }).getByRole("button", { name: "Approve" }),
  ).toHaveCount(0);

  const coordinator = await signedInPage(browser, "coordinatorPavlodar");
  await coordinator.page.goto(familyUrl);
  await takeStep(coordinator.page, "Approve", async (form) => {
    await form.getByLabel("Decision number").fill("KS-55/2026-0412");
    await form.getByLabel("Decision date").fill(new Date().toISOString().slice(0, 10));
  });
  await expect(coordinator.page.getByTestId("workflow-status")).toHaveText("Approved");
  await takeStep(coordinator.page, "Include in the quota");
  await expect(coordinator.page.getByTestId("workflow-status")).toHaveText("Included in the quota");
  await coordinator.context.close();

  await page.reload();
  await takeStep(page, "Record arrival", async (form) => {
    await form.getByLabel("Arrival date").fill(new Date().toISOString().slice(0, 10));
  });
  await expect(page.getByTestId("workflow-status")).toHaveText("Resettled");
  const resettled = await e2eDb().family.findUniqueOrThrow({
    where: { id: stored.id },
    include: { allocations: true, events: true },
  });
  expect(resettled.status).toBe("RESETTLED");
  expect(resettled.allocations).toMatchObject([{ persons: 5, status: "ACTIVE" }]);
  expect(resettled.events.map((event) => event.toStatus)).toEqual([
    "REGISTERED",
    "UNDER_REVIEW",
    "APPROVED",
    "QUOTA_ALLOCATED",
    "RESETTLED",
  ]);
  await context.close();

  const akmola = await signedInPage(browser, "caseworkerAkmola");
  const response = await akmola.page.goto(familyUrl);
  expect(response?.status()).toBe(404);
  const editResponse = await akmola.page.goto(`${familyUrl}/edit`);
  expect(editResponse?.status()).toBe(404);
  await akmola.context.close();
});

test("a second editor's save is refused with who and when, and keeps what was typed", async ({ browser }) => {
  const familyId = await caseIdOf("pavlodar-approved");
  const first = await signedInPage(browser, "coordinatorPavlodar");
  const second = await signedInPage(browser, "caseworkerPavlodar");
  await first.page.goto(`/families/${familyId}/edit`);
  await second.page.goto(`/families/${familyId}/edit`);

  await first.page.getByLabel("Address").fill("Павлодар, Торайғыров көшесі 64");
  await first.page.getByRole("button", { name: "Save" }).click();
  await expect(first.page).toHaveURL(new RegExp(`/families/${familyId}$`));

  await second.page.getByLabel("Address").fill("Екібастұз, Машхүр Жүсіп 12");
  await second.page.getByRole("button", { name: "Save" }).click();
  await expect(second.page.getByText(/Not saved: Оспанов Асхат Нұрланұлы changed this family at/)).toBeVisible();
  await expect(second.page.getByLabel("Address")).toHaveValue("Екібастұз, Машхүр Жүсіп 12");
  await expect(second.page).toHaveURL(new RegExp(`/families/${familyId}/edit$`));

  const stored = await e2eDb().family.findUniqueOrThrow({ where: { id: familyId } });
  expect(stored.address).toBe("Павлодар, Торайғыров көшесі 64");
  await first.context.close();
  await second.context.close();
});

test("a session that times out while the form is open brings the user back to the form with the input", async ({
  browser,
}) => {
  const user = await createTestUser("CASEWORKER", "KZ-55");
  const context = await browser.newContext();
  await useLanguage(context, "en");
  const page = await context.newPage();
  await login(page, user.email, user.password);
  await page.goto("/families/new");
  await page.getByLabel("Country of origin").selectOption({ label: "Mongolia" });
  await fillMember(memberGroup(page, 1), person("Сессияұлы", "Нұрбол", "1990-02-02", "M", "Head of family", 77));
  await page.getByLabel("Address").fill("Павлодар, Ломов 3");
  // The caseworker went to lunch: no request for longer than the idle timeout (30 minutes by default).
  await e2eDb().staffSession.updateMany({
    where: { userId: user.id },
    data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
  });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/login\?reason=sessionEnded&callbackUrl=%2Ffamilies%2Fnew/);
  await expect(page.getByText("Your session ended while you were working.")).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/families\/new$/);
  await expect(page.getByText("What you typed before signing in again has been restored.")).toBeVisible();
  await expect(memberGroup(page, 1).getByLabel("Surname (Cyrillic)")).toHaveValue("Сессияұлы");
  await expect(page.getByLabel("Address")).toHaveValue("Павлодар, Ломов 3");
  await context.close();
});
