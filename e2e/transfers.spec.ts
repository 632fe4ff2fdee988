import { expect, test } from "@playwright/test";
import { createPavlodarFamily } from "./families";
import { signedInPage } from "./fixtures";

const REASON = "Глава семьи получил работу в Кокшетау";

test("a transfer Pavlodar → Akmola: proposed by Pavlodar, accepted by Akmola, after which the case belongs to Akmola", async ({
  browser,
}) => {
  const family = await createPavlodarFamily([
    {
      surnameCyr: "Ауыстырылған",
      givenNameCyr: "Ерлан",
      surnameLat: "Auystyrylgan",
      givenNameLat: "Erlan",
      sex: "M",
      birthDate: new Date(Date.UTC(1985, 3, 12)),
      citizenship: "CN",
    },
  ]);
  const caseUrl = `/families/${family.id}`;

  // The Pavlodar coordinator proposes the transfer from the case page.
  const source = await signedInPage(browser, "coordinatorPavlodar");
  await source.page.goto(caseUrl);
  const proposal = source.page.getByRole("form", { name: "Propose transfer" });
  await proposal.getByLabel("Target region").selectOption({ label: "Akmola Region" });
  await proposal.getByLabel("Target district").selectOption({ label: "Akkol District" });
  await proposal.getByLabel("Reason for the transfer").fill(REASON);
  await proposal.getByRole("button", { name: "Propose transfer" }).click();
  // The form gives way to the pending transfer (its success message goes with it once the page refreshes).
  await expect(source.page.getByTestId("transfer-pending")).toHaveText(
    "A transfer to Akmola Region is awaiting the decision of that region's coordinator.",
  );
  // A second transfer cannot be proposed while this one is open.
  await expect(source.page.getByRole("form", { name: "Propose transfer" })).toHaveCount(0);

  // The Akmola coordinator sees the request on /transfers and accepts it.
  const target = await signedInPage(browser, "coordinatorAkmola");
  await target.page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Transfers" })
    .click();
  const row = target.page.getByTestId(`transfer-row-${family.caseNumber}`);
  await expect(row).toContainText("Pavlodar Region → Akmola Region, Akkol District");
  await expect(row).toContainText("Awaiting the target region");
  await expect(row).toContainText(REASON);
  await row.getByRole("button", { name: `Accept transfer of ${family.caseNumber}` }).click();
  await expect(target.page.getByTestId("flash")).toHaveText(
    `The transfer of ${family.caseNumber} was accepted; the case is now in your region.`,
  );
  await expect(row).toContainText("Accepted");
  await expect(row.getByRole("link", { name: family.caseNumber })).toBeVisible();
  await target.context.close();

  // The source coordinator still reads the transfer record, but no longer reaches the case.
  await source.page.goto("/transfers");
  const sourceRow = source.page.getByTestId(`transfer-row-${family.caseNumber}`);
  await expect(sourceRow).toContainText("Accepted");
  await expect(sourceRow.getByRole("link", { name: family.caseNumber })).toHaveCount(0);
  await source.context.close();

  // The Pavlodar caseworker gets 404 on the case.
  const pavlodar = await signedInPage(browser, "caseworkerPavlodar");
  const refused = await pavlodar.page.goto(caseUrl);
  expect(refused?.status()).toBe(404);
  await expect(pavlodar.page.getByRole("heading", { name: "Case not found" })).toBeVisible();
  await pavlodar.context.close();

  // The Akmola caseworker sees the case, its region and its history with the transfer.
  const akmola = await signedInPage(browser, "caseworkerAkmola");
  const opened = await akmola.page.goto(caseUrl);
  expect(opened?.status()).toBe(200);
  await expect(akmola.page.getByRole("heading", { level: 1 })).toHaveText(family.caseNumber);
  await expect(akmola.page.getByText("Akmola Region, Akkol District").first()).toBeVisible();
  await expect(akmola.page.getByRole("listitem").filter({ hasText: "Registered" }).first()).toBeVisible();
  const history = akmola.page.getByRole("region", { name: "Transfers" });
  await expect(history).toContainText("Pavlodar Region → Akmola Region, Akkol District · Accepted");
  await expect(history).toContainText(REASON);
  await expect(history.getByRole("form", { name: "Propose transfer" })).toHaveCount(0);
  await akmola.context.close();
});
