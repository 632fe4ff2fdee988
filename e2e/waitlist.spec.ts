import { expect, test } from "@playwright/test";
import { randomInt } from "node:crypto";
import { labourSurplusRegions } from "@/lib/domain/regions";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { signedInPage } from "./fixtures";
import { includeInQuota } from "./quota-helpers";

const PAVLODAR = "KZ-55";
const today = programmeToday();
const YEAR = today.getUTCFullYear();
// Pavlodar's settler pool of the current year: the other specs include kandas families, so filling this
// pool for a moment (and restoring its total) leaves what they rely on alone.
const POOL = { year: YEAR, regionId: PAVLODAR, pool: "SETTLER" as const };

/** An approved Pavlodar settler family of this test's own with two members (two places). */
function createSettlerFamily(surnameCyr: string, surnameLat: string, status: "APPROVED" | "QUOTA_ALLOCATED") {
  const member = (givenNameCyr: string, givenNameLat: string, sex: "M" | "F", year: number) => ({
    surnameCyr,
    givenNameCyr,
    surnameLat,
    givenNameLat,
    birthDate: new Date(Date.UTC(year, 4, 10)),
    sex,
    citizenship: "KZ",
  });
  return createPavlodarFamily(
    [member("Ерлан", "Erlan", "M", 1985), member("Әйгерім", "Aigerim", "F", 1987)],
    {
      category: "SETTLER",
      status,
      originCountry: null,
      originRegionId: labourSurplusRegions()[0]!.id,
      applicationDate: today,
      decisionNumber: `E2E-W-${randomInt(1, 999_999)}`,
      decisionDate: today,
    },
    { documents: "verified" },
  );
}

test("a coordinator puts a family on the waitlist, and allocates it from there once places are released", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const original = await e2eDb().quota.findUniqueOrThrow({
    where: { year_regionId_pool: POOL },
    select: { id: true, total: true, allocated: true },
  });
  const waiting = await createSettlerFamily("Күтуов", "Kutuov", "APPROVED");
  const holder = await createSettlerFamily("Орынов", "Orynov", "APPROVED");
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  try {
    // While places are free, the family is to be allocated rather than wait: the refusal says so.
    await page.goto(`/families/${waiting.id}`);
    const panel = page.getByRole("region", { name: "Waitlist" });
    await expect(panel.getByTestId("waitlist-place")).toHaveText(
      "The family is not on the waitlist. Put it there when its pool has no room for it.",
    );
    await panel.getByRole("button", { name: "Put on the waitlist" }).click();
    const free = (original.total - original.allocated).toLocaleString("en-US");
    await expect(panel.getByTestId("waitlist-case-message")).toHaveText(
      `${free} places are still free in the Settler quota for ${YEAR} (the family needs 2) — allocate instead.`,
    );
    expect(await e2eDb().waitlistEntry.count({ where: { familyId: waiting.id } })).toBe(0);

    // The holder takes the last two places of a pool made full for this test.
    await e2eDb().$executeRaw`UPDATE "quota" SET "total" = "allocated" + 2 WHERE "id" = ${original.id}`;
    await includeInQuota(page, holder.id);

    // Now the pool is full: the family joins the waitlist, last in its queue.
    await page.goto(`/families/${waiting.id}`);
    await panel.getByRole("button", { name: "Put on the waitlist" }).click();
    await expect(panel.getByTestId("waitlist-case-message")).toHaveText("The family is on the waitlist.");
    await expect(panel.getByTestId("waitlist-place")).toHaveText(
      new RegExp(`^On the waitlist for ${YEAR} since .+: position (\\d+) of \\1\\.$`),
    );
    await expect(panel.getByRole("button", { name: "Remove from the waitlist" })).toBeVisible();
    const entry = await e2eDb().waitlistEntry.findUniqueOrThrow({
      where: { familyId_year: { familyId: waiting.id, year: YEAR } },
    });
    expect(entry.year).toBe(YEAR);

    // The holder withdraws: its two places are released.
    await page.goto(`/families/${holder.id}`);
    await page
      .getByRole("region", { name: "Case workflow" })
      .getByRole("button", { name: "Record withdrawal" })
      .click();
    const withdrawal = page.getByRole("form", { name: "Record withdrawal" });
    await withdrawal.getByLabel("Reason").fill("The family decided to stay.");
    await withdrawal.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("workflow-status")).toHaveText("Withdrawn");

    // From the quotas page to the pool's waitlist: the family now fits.
    await page.goto(`/quotas?year=${YEAR}`);
    await page.getByRole("link", { name: "Waitlist: Pavlodar Region, Settler" }).click();
    await expect(page.getByRole("heading", { name: "Waitlist", level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/quotas/waitlist\\?year=${YEAR}&region=${PAVLODAR}&pool=SETTLER`));
    const quotaNow = await e2eDb().quota.findUniqueOrThrow({ where: { id: original.id } });
    expect(quotaNow.total - quotaNow.allocated).toBe(2);
    await expect(page.getByTestId("waitlist-figures")).toHaveText(
      `Quota ${quotaNow.total.toLocaleString("en-US")} · allocated ${quotaNow.allocated.toLocaleString("en-US")} · remaining 2`,
    );
    const table = page.getByRole("table", { name: `Families waiting: Settler, Pavlodar Region, ${YEAR}` });
    const row = table.getByTestId(`waitlist-row-${waiting.id}`);
    await expect(row.getByRole("link", { name: waiting.caseNumber })).toHaveAttribute(
      "href",
      `/families/${waiting.id}`,
    );
    await expect(row).toContainText("Күтуов Ерлан");
    await expect(row.getByRole("cell").nth(4)).toHaveText("2");
    await expect(row).toContainText("Fits now");

    await row.getByRole("button", { name: "Allocate" }).click();
    await expect(page.getByTestId("waitlist-message")).toHaveText(`${waiting.caseNumber} was included in the quota.`);
    await expect(table.getByTestId(`waitlist-row-${waiting.id}`)).toHaveCount(0);

    await page.goto(`/families/${waiting.id}`);
    await expect(page.getByTestId("workflow-status")).toHaveText("Included in the quota");
    await expect(page.getByRole("region", { name: "Waitlist" })).toHaveCount(0);
    const allocation = await e2eDb().allocation.findFirstOrThrow({ where: { familyId: waiting.id } });
    expect(allocation).toMatchObject({ status: "ACTIVE", persons: 2, year: YEAR });
    const after = await e2eDb().quota.findUniqueOrThrow({ where: { id: original.id } });
    expect(after.allocated).toBe(after.total);
    expect(await e2eDb().auditLog.count({ where: { action: "quota.waitlist.add", entityId: String(entry.id) } })).toBe(
      1,
    );
  } finally {
    // Give the pool its total back; this test's allocated family keeps its two places, as other specs' do.
    await e2eDb().quota.update({ where: { id: original.id }, data: { total: original.total } });
    await context.close();
  }
});

test("a caseworker cannot open the waitlist, and an Akmola coordinator cannot open Pavlodar's", async ({ browser }) => {
  const caseworker = await signedInPage(browser, "caseworkerPavlodar");
  expect((await caseworker.page.goto(`/quotas/waitlist?year=${YEAR}&region=${PAVLODAR}&pool=KANDAS`))?.status()).toBe(
    404,
  );
  await caseworker.context.close();

  const akmola = await signedInPage(browser, "coordinatorAkmola");
  await akmola.page.goto(`/quotas/waitlist?year=${YEAR}&region=${PAVLODAR}&pool=KANDAS`);
  // A coordinator always sees the own region's list, whatever the URL asks for.
  await expect(
    akmola.page.getByRole("table", { name: `Families waiting: Kandas, Akmola Region, ${YEAR}` }),
  ).toBeVisible();
  await akmola.context.close();
});
