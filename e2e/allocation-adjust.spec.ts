import { expect, test, type Page } from "@playwright/test";
import { randomInt } from "node:crypto";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { DEMO_USERS, signedInPage } from "./fixtures";

const PAVLODAR = "KZ-55";
const today = programmeToday();
const YEAR = today.getUTCFullYear();

/** Remaining places of the Pavlodar kandas quota as /quotas shows them (quota, allocated, remaining). */
async function shownRemaining(page: Page): Promise<number> {
  await page.goto(`/quotas?year=${YEAR}`);
  const cells = await page.getByTestId(`quota-${PAVLODAR}-KANDAS`).getByRole("cell").allInnerTexts();
  return Number(cells[3]?.replace(/\D/g, ""));
}

/**
 * A Pavlodar kandas family of this test's own, already included in the quota: three members, an ACTIVE
 * allocation of three persons in the current year's seeded quota, whose allocated places grow by three
 * in the same transaction (only if they fit), as allocateQuotaPlaces would leave it.
 */
async function createAllocatedPavlodarFamily() {
  const caseworker = await e2eDb().user.findUniqueOrThrow({
    where: { email: DEMO_USERS.caseworkerPavlodar.email },
    select: { id: true },
  });
  const member = (position: number, givenNameCyr: string, givenNameLat: string) => ({
    position,
    isHead: position === 1,
    relationship: position === 1 ? ("HEAD" as const) : ("CHILD" as const),
    surnameCyr: "Орынбасаров",
    givenNameCyr,
    surnameLat: "Orynbasarov",
    givenNameLat,
    birthDate: new Date(Date.UTC(1978 + position * 7, 4, 9)),
    sex: "M" as const,
    citizenship: "MN",
  });
  return e2eDb().$transaction(async (tx) => {
    const quota = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "quota" SET "allocated" = "allocated" + 3, "updatedAt" = now()
       WHERE "year" = ${YEAR} AND "regionId" = ${PAVLODAR} AND "pool" = 'KANDAS'::"Pool" AND "allocated" + 3 <= "total"
      RETURNING "id"`;
    if (!quota[0]) throw new Error(`the seeded Pavlodar kandas quota of ${YEAR} has no 3 places left`);
    return tx.family.create({
      data: {
        caseNumber: formatCaseNumber(2097, randomInt(1, 999_999)),
        category: "KANDAS",
        status: "QUOTA_ALLOCATED",
        originCountry: "MN",
        targetRegionId: PAVLODAR,
        applicationDate: today,
        decisionNumber: `E2E-ADJ-${randomInt(1, 999_999)}`,
        decisionDate: today,
        statusValidUntil: new Date(today.getTime() + 200 * 86_400_000),
        createdById: caseworker.id,
        updatedById: caseworker.id,
        members: {
          create: [member(1, "Батыр", "Batyr"), member(2, "Ержан", "Yerzhan"), member(3, "Нұрсұлтан", "Nursultan")],
        },
        events: { create: [{ toStatus: "REGISTERED", actorId: caseworker.id }] },
        allocations: { create: { quotaId: quota[0].id, year: YEAR, persons: 3, createdById: caseworker.id } },
      },
      select: { id: true },
    });
  });
}

test("the Pavlodar coordinator lowers the members arriving: the family's places drop and the quota's remaining places rise", async ({
  browser,
}) => {
  const family = await createAllocatedPavlodarFamily();
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  const remainingBefore = await shownRemaining(page);

  await page.goto(`/families/${family.id}`);
  const allocation = page.getByRole("region", { name: "Quota places" }).getByRole("listitem");
  await expect(allocation).toHaveText(`${YEAR}: 3 persons, Kandas pool — active`);

  const plan = page.getByRole("form", { name: "Adaptation plan" });
  await plan.getByLabel("Members arriving (of 3)").fill("1");
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(plan.getByText("Plan saved.")).toBeVisible();

  await page.reload();
  await expect(allocation).toHaveText(new RegExp(`^${YEAR}: 1 persons?, Kandas pool — active$`));
  expect(await e2eDb().allocation.findFirstOrThrow({ where: { familyId: family.id } })).toMatchObject({
    status: "ACTIVE",
    persons: 1,
    year: YEAR,
  });

  expect(await shownRemaining(page)).toBe(remainingBefore + 2);
  await context.close();
});
