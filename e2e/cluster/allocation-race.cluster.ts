// The quota race across two app servers: coordinators' tabs include more families than the quota has
// places at the same moment, through nginx, which spreads the requests over both servers. The
// conditional UPDATE on the primary (docs/decisions/006) lets exactly the free places through.
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "../db";
import { signedInPage } from "../fixtures";
import { createApprovedPavlodarFamily, PAVLODAR, quotaFromDb, YEAR } from "../quota-helpers";
import { UPSTREAM_HEADER } from "./cluster";

const TABS = 8;
const FREE_PLACES = 3;

test("more simultaneous inclusions than places: exactly the free places are allocated, across both servers", async ({
  browser,
}) => {
  const families = await Promise.all(Array.from({ length: TABS }, () => createApprovedPavlodarFamily(1)));
  const { context, page: first } = await signedInPage(browser, "coordinatorPavlodar");
  // Leave exactly FREE_PLACES places in this year's Pavlodar kandas quota.
  const before = await quotaFromDb(PAVLODAR, "KANDAS");
  await e2eDb().quota.update({
    where: { year_regionId_pool: { year: YEAR, regionId: PAVLODAR, pool: "KANDAS" } },
    data: { total: before.allocated + FREE_PLACES },
  });

  // Each tab opens its family and the confirmation of "Include in the quota", then all confirm at once.
  const tabs: Page[] = [first, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => context.newPage())))];
  for (const [index, tab] of tabs.entries()) {
    await tab.goto(`/families/${families[index]!.id}`);
    await tab
      .getByRole("region", { name: "Case workflow" })
      .getByRole("button", { name: "Include in the quota" })
      .click();
    await expect(
      tab.getByRole("form", { name: "Include in the quota" }).getByRole("button", { name: "Confirm" }),
    ).toBeEnabled();
  }
  const answers = await Promise.all(
    tabs.map(async (tab) => {
      const [response] = await Promise.all([
        tab.waitForResponse((r) => r.request().method() === "POST"),
        tab.getByRole("form", { name: "Include in the quota" }).getByRole("button", { name: "Confirm" }).click(),
      ]);
      return response.headers()[UPSTREAM_HEADER];
    }),
  );
  expect(new Set(answers), "the inclusions were answered by both app servers").toEqual(
    new Set(process.env.NK_CLUSTER_UPSTREAMS?.split(" ")),
  );

  // Every tab shows its outcome: included, or the refusal that the places ran out.
  const included = await Promise.all(
    tabs.map(async (tab) => {
      const status = tab.getByTestId("workflow-status");
      const refusal = tab.getByText(/Not enough places left/);
      await expect(status.filter({ hasText: "Included in the quota" }).or(refusal)).toBeVisible();
      return (await refusal.count()) === 0;
    }),
  );
  expect(included.filter(Boolean)).toHaveLength(FREE_PLACES);

  const allocations = await e2eDb().allocation.findMany({
    where: { familyId: { in: families.map((family) => family.id) } },
    select: { familyId: true, status: true, persons: true },
  });
  expect(allocations).toHaveLength(FREE_PLACES);
  expect(new Set(allocations.map((allocation) => allocation.familyId)).size).toBe(FREE_PLACES);
  expect(allocations.every((allocation) => allocation.status === "ACTIVE" && allocation.persons === 1)).toBe(true);
  const statuses = await e2eDb().family.groupBy({
    by: ["status"],
    where: { id: { in: families.map((family) => family.id) } },
    _count: true,
  });
  expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({
    QUOTA_ALLOCATED: FREE_PLACES,
    APPROVED: TABS - FREE_PLACES,
  });
  expect(await quotaFromDb(PAVLODAR, "KANDAS")).toEqual({
    total: before.allocated + FREE_PLACES,
    allocated: before.allocated + FREE_PLACES,
  });
  await context.close();
});
