import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { DEMO_USERS, signedInPage } from "./fixtures";

// Families of this spec's own, so that nothing another spec does to the demo families changes the checks.
const today = programmeToday();
const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const shortDate = (date: Date) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(date);
const tenge = (amount: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: "KZT", maximumFractionDigits: 0 }).format(amount);

const createSeitkaliFamily = (fields: Parameters<typeof createPavlodarFamily>[1] = {}) =>
  createPavlodarFamily(
    [
      {
        surnameCyr: "Сейітқали",
        givenNameCyr: "Ержан",
        surnameLat: "Seitkali",
        givenNameLat: "Yerzhan",
        birthDate: new Date(Date.UTC(1984, 3, 9)),
        sex: "M",
        citizenship: "MN",
      },
    ],
    fields,
  );

const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);

test("a coordinator extends a kandas status up to the limit; a further extension is refused", async ({ browser }) => {
  test.setTimeout(90_000);
  const family = await createSeitkaliFamily({
    status: "APPROVED",
    decisionNumber: "ПВ-100",
    decisionDate: inDays(-300),
    statusValidUntil: inDays(20),
    version: 2,
  });
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/families/${family.id}`);
  const validity = page.getByRole("region", { name: "Validity of the kandas status" });
  await expect(validity).toContainText(`Valid until ${shortDate(inDays(20))}.`);
  await expect(validity).toContainText("Extensions: 0 of 2");

  const extend = async (number: string, validUntil: Date) => {
    await validity.getByLabel("Decision number").fill(number);
    await validity.getByLabel("Decision date").fill(isoDay(today));
    await validity.getByLabel("New last valid day").fill(isoDay(validUntil));
    await validity.getByRole("button", { name: "Extend the status" }).click();
  };

  await extend("ПВ-201", inDays(200));
  await expect(validity.getByText("The status was extended.")).toBeVisible();
  await expect(validity).toContainText(`Valid until ${shortDate(inDays(200))}.`);
  await expect(validity).toContainText("Extensions: 1 of 2");
  await expect(validity.getByRole("list", { name: "Extensions of the status" })).toContainText(
    `Extended from ${shortDate(inDays(20))} to ${shortDate(inDays(200))} by decision ПВ-201`,
  );
  const stored = await e2eDb().family.findUniqueOrThrow({ where: { id: family.id } });
  expect(stored).toMatchObject({ status: "APPROVED", statusValidUntil: inDays(200) });

  await extend("ПВ-202", inDays(380));
  await expect(validity).toContainText("Extensions: 2 of 2");
  await expect(validity).toContainText(`Valid until ${shortDate(inDays(380))}.`);

  await extend("ПВ-203", inDays(500));
  await expect(
    validity.getByText(
      "The status has already been extended the maximum number of times (2). It cannot be extended again.",
    ),
  ).toBeVisible();
  await expect(validity.getByLabel("Decision number")).toHaveValue("ПВ-203");
  expect(await e2eDb().statusExtension.count({ where: { familyId: family.id } })).toBe(2);
  await context.close();
});

test("a reversed payment no longer counts as paid, and a replaced document keeps both files", async ({ browser }) => {
  test.setTimeout(90_000);
  const family = await createSeitkaliFamily();
  const caseworker = await e2eDb().user.findUniqueOrThrow({ where: { email: DEMO_USERS.caseworkerPavlodar.email } });
  await e2eDb().payment.create({
    data: {
      familyId: family.id,
      kind: "RELOCATION_SUBSIDY",
      amountTenge: 250_000,
      paidOn: today,
      recordedById: caseworker.id,
    },
  });
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);

  const support = page.getByRole("region", { name: "Support" });
  const relocationPaid = support
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: /^Relocation subsidy/ }) })
    .getByRole("cell")
    .nth(1);
  await expect(relocationPaid).toHaveText(tenge(250_000));
  await support.getByRole("button", { name: `Reverse the payment: ${tenge(250_000)}, ${shortDate(today)}` }).click();
  await support.getByLabel("Reason for the reversal").fill("Paid to the wrong account");
  await support.getByRole("button", { name: "Confirm the reversal" }).click();
  // The row itself confirms it: the button gives way to the reversal with its reason.
  await expect(relocationPaid).toHaveText(tenge(0));
  const payments = support.getByRole("table", { name: "Payments" });
  await expect(payments.getByRole("cell", { name: tenge(250_000) })).toBeVisible();
  await expect(payments).toContainText("Paid to the wrong account");
  await expect(payments.getByRole("button", { name: /^Reverse the payment/ })).toHaveCount(0);

  // Replace the application's scan: the earlier file stays listed, marked as replaced.
  const documents = page.getByRole("region", { name: "Documents" });
  await documents
    .getByLabel("File for Application", { exact: true })
    .setInputFiles({ name: "application.png", mimeType: "image/png", buffer: png() });
  await documents.getByRole("button", { name: "Upload file: Application", exact: true }).click();
  await expect(documents.getByRole("link", { name: "application.png" })).toBeVisible();
  await documents
    .getByLabel("What the new file of Application is", { exact: true })
    .selectOption({ label: "Replaces application.png" });
  await documents
    .getByLabel("File for Application", { exact: true })
    .setInputFiles({ name: "application-signed.png", mimeType: "image/png", buffer: png() });
  await documents.getByRole("button", { name: "Upload file: Application", exact: true }).click();
  await expect(documents.getByRole("link", { name: "application-signed.png" })).toBeVisible();
  const earlier = documents.getByRole("listitem").filter({ has: page.getByRole("link", { name: "application.png" }) });
  await expect(earlier).toContainText("Replaced");
  const later = documents
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "application-signed.png" }) });
  await expect(later).not.toContainText("Replaced");
  const files = await e2eDb().documentFile.findMany({
    where: { document: { familyId: family.id, kind: "APPLICATION" } },
    orderBy: { id: "asc" },
    select: { fileName: true, replacedAt: true },
  });
  expect(files.map((file) => [file.fileName, file.replacedAt !== null])).toEqual([
    ["application.png", true],
    ["application-signed.png", false],
  ]);
  await context.close();
});

test("a coordinator expires the lapsed kandas statuses; a status still valid stays approved", async ({ browser }) => {
  const lapsed = await createSeitkaliFamily({
    status: "APPROVED",
    decisionNumber: "ПВ-310",
    decisionDate: inDays(-400),
    statusValidUntil: inDays(-1),
    version: 2,
  });
  const valid = await createSeitkaliFamily({
    status: "APPROVED",
    decisionNumber: "ПВ-311",
    decisionDate: inDays(-10),
    statusValidUntil: inDays(100),
    version: 2,
  });
  const { context, page } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto("/families/expiring");
  await page.getByRole("button", { name: "Expire the lapsed statuses" }).click();
  await expect(page.getByTestId("expire-lapsed-message")).toHaveText(/marked expired\.$/);

  const statusOf = async (familyId: number) =>
    (await e2eDb().family.findUniqueOrThrow({ where: { id: familyId }, select: { status: true } })).status;
  expect(await statusOf(lapsed.id)).toBe("EXPIRED");
  expect(await statusOf(valid.id)).toBe("APPROVED");
  const audit = await e2eDb().auditLog.findFirstOrThrow({
    where: { action: "family.expire_lapsed", actor: { email: DEMO_USERS.coordinatorPavlodar.email } },
    orderBy: { id: "desc" },
  });
  expect((audit.changes as { expired: number[] }).expired).toContain(lapsed.id);
  await context.close();
});

test("a caseworker sees expiring statuses but cannot expire them", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto("/families/expiring");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Expire the lapsed statuses" })).toHaveCount(0);
  await context.close();
});
