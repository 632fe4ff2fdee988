import { expect, test, type Page } from "@playwright/test";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { signedInPage } from "./fixtures";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A Pavlodar kandas family of this test's own, with nothing of its checklist received yet. */
const createFamilyWithoutDocuments = (status: "REGISTERED" | "UNDER_REVIEW") =>
  createPavlodarFamily(
    [
      {
        surnameCyr: "Құжатсыз",
        givenNameCyr: "Ерболат",
        surnameLat: "Qujatsyz",
        givenNameLat: "Yerbolat",
        birthDate: new Date(Date.UTC(1982, 2, 9)),
        sex: "M",
        citizenship: "CN",
      },
    ],
    { status, applicationDate: programmeToday() },
  );

const workflowPanel = (page: Page) => page.getByRole("region", { name: "Case workflow" });
const overrideField = "Reason to take this step without the missing documents";

test("a caseworker sees what is missing before sending for review, is refused, and cannot override", async ({
  browser,
}) => {
  const family = await createFamilyWithoutDocuments("REGISTERED");
  const { page, context } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);

  // Before any button is pressed.
  const missing = workflowPanel(page).getByRole("region", { name: "Missing before “Send for review”" });
  await expect(missing.getByRole("listitem")).toHaveText([
    "Application — not received",
    "Autobiography — not received",
    "Identity document: Құжатсыз Ерболат — not received",
    "Notarised translation of the identity document: Құжатсыз Ерболат — not received",
  ]);

  await workflowPanel(page).getByRole("button", { name: "Send for review" }).click();
  const form = page.getByRole("form", { name: "Send for review" });
  await expect(form.getByLabel(overrideField)).toHaveCount(0);
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(form.getByRole("alert")).toContainText(
    "This step needs documents that are missing: Application — not received, Autobiography — not received",
  );
  await expect(page.getByTestId("workflow-status")).toHaveText("Registered");
  expect(await e2eDb().family.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({
    status: "REGISTERED",
    version: 1,
  });
  await context.close();
});

test("a coordinator's approval is refused with the missing documents, then allowed with an override reason shown in the history", async ({
  browser,
}) => {
  const family = await createFamilyWithoutDocuments("UNDER_REVIEW");
  const { page, context } = await signedInPage(browser, "coordinatorPavlodar");
  await page.goto(`/families/${family.id}`);
  await expect(workflowPanel(page).getByRole("region", { name: "Missing before “Approve”" })).toContainText(
    "Application — not verified",
  );

  await workflowPanel(page).getByRole("button", { name: "Approve" }).click();
  const form = page.getByRole("form", { name: "Approve" });
  await form.getByLabel("Decision number").fill("KS-55/2026-9015");
  await form.getByLabel("Decision date").fill(isoDay(programmeToday()));
  await form.getByRole("button", { name: "Confirm" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("This step needs documents that are missing:");
  for (const item of [
    "Application — not verified",
    "Autobiography — not verified",
    "Identity document — not verified",
    "Notarised translation of the identity document — not verified",
  ])
    await expect(alert).toContainText(item);
  await expect(page.getByTestId("workflow-status")).toHaveText("Under review");

  const reason = "The akimat's commission decided on the originals at the hearing";
  await form.getByLabel(overrideField).fill(reason);
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("workflow-status")).toHaveText("Approved");

  const override = page
    .getByRole("region", { name: "Status history" })
    .getByRole("listitem")
    .filter({ hasText: "Under review → Approved" })
    .getByTestId("checklist-override");
  await expect(override).toContainText(`Taken without the required documents. Reason: ${reason}`);
  await expect(override).toContainText("Missing at the time: Application — not verified");

  const audit = await e2eDb().auditLog.findFirstOrThrow({
    where: { action: "family.transition.override", entityId: String(family.id) },
  });
  expect(audit.changes).toMatchObject({ to: "APPROVED", reason });
  await context.close();
});
