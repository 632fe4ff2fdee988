// Every staff page, as each role that reaches it, and the family's /status page (form, miss and
// result) have no serious or critical axe violations. One sign-in per role: argon2id costs time.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { signedInPage, type DemoAccount } from "./fixtures";

const PAVLODAR = "KZ-55";

// A role's walk opens up to fifteen pages and analyses each: more than the default minute on two cores.
test.describe.configure({ timeout: 240_000 });

/** The serious and critical violations on the page as it is now, one line each, for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

/** Opens each path and collects its violations, so one run lists every page that fails. */
async function checkPages(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    const response = await page.goto(path);
    expect.soft(response?.status(), `${path} answers`).toBe(200);
    expect.soft(await seriousViolations(page), `axe on ${path}`).toEqual([]);
  }
}

/** A Pavlodar family that has a member besides the head, a decision and a place, where the demo data has one. */
async function pavlodarFamilyId(): Promise<number> {
  const family = await e2eDb().family.findFirstOrThrow({
    where: { targetRegionId: PAVLODAR, status: { in: ["QUOTA_ALLOCATED", "APPROVED", "UNDER_REVIEW", "REGISTERED"] } },
    orderBy: [{ status: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return family.id;
}

const ROLE_PAGES: Record<Exclude<DemoAccount, "throttleProbe" | "admin">, string[]> = {
  caseworkerPavlodar: ["/", "/families", "/families/expiring", "/families/new", "/account"],
  coordinatorPavlodar: [
    "/",
    "/quotas",
    "/quotas/waitlist",
    "/transfers",
    "/reports/overview",
    "/reports/processing",
    "/reports/quotas",
    `/reports/quotas/${PAVLODAR}`,
    "/reports/support",
    "/reports/expiry",
    "/admin/audit",
  ],
  analyst: ["/", "/quotas", "/reports/overview", "/reports/processing", "/reports/quotas", "/reports/support"],
  coordinatorAkmola: ["/"],
  caseworkerAkmola: ["/"],
};

for (const [account, paths] of Object.entries(ROLE_PAGES) as [keyof typeof ROLE_PAGES, string[]][]) {
  test(`${account}: the pages of the role have no serious or critical axe violations`, async ({ browser }) => {
    const { context, page } = await signedInPage(browser, account);
    await checkPages(page, paths);
    await context.close();
  });
}

test("caseworker: a case, its edit form and its receipt have no serious or critical axe violations", async ({
  browser,
}) => {
  const familyId = await pavlodarFamilyId();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await checkPages(page, [`/families/${familyId}`, `/families/${familyId}/edit`, `/families/${familyId}/receipt`]);
  await context.close();
});

test("administrator: every page of the ministry has no serious or critical axe violations", async ({ browser }) => {
  const staffMember = await e2eDb().user.findFirstOrThrow({ where: { regionId: PAVLODAR }, select: { id: true } });
  const { context, page } = await signedInPage(browser, "admin");
  await checkPages(page, [
    "/",
    "/families",
    "/quotas",
    "/quotas/orders/new",
    "/quotas/waitlist",
    "/transfers",
    "/reports/overview",
    "/reports/quotas",
    "/admin/users",
    "/admin/users/new",
    `/admin/users/${staffMember.id}`,
    "/admin/settings",
    "/admin/audit",
    "/account",
  ]);
  await context.close();
});

test("a family: the sign-in page and /status, its miss and its result have no serious or critical axe violations", async ({
  page,
}) => {
  const family = await e2eDb().family.findFirstOrThrow({
    where: { status: "UNDER_REVIEW", members: { some: { isHead: true } } },
    select: { caseNumber: true, members: { where: { isHead: true }, select: { birthDate: true } } },
  });
  const birthDate = family.members[0]?.birthDate.toISOString().slice(0, 10) ?? "";
  await page.context().addCookies([{ name: "NK_LOCALE", value: "en", url: process.env.E2E_BASE_URL ?? "" }]);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `2001:db8::a11:${randomBytes(2).toString("hex")}` });
  await checkPages(page, ["/login", "/status"]);

  await page.getByLabel("Case number", { exact: true }).fill(family.caseNumber);
  await page.getByLabel("Date of birth of the head of family", { exact: true }).fill("1900-01-01");
  await page.getByRole("button", { name: "Check status" }).click();
  await expect(page.getByText("We found no case with this number")).toBeVisible();
  expect.soft(await seriousViolations(page), "axe on the miss").toEqual([]);

  await page.getByLabel("Case number", { exact: true }).fill(family.caseNumber);
  await page.getByLabel("Date of birth of the head of family", { exact: true }).fill(birthDate);
  await page.getByRole("button", { name: "Check status" }).click();
  await expect(page.getByText(family.caseNumber)).toBeVisible();
  expect.soft(await seriousViolations(page), "axe on the result").toEqual([]);
});
