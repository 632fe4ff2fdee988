import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";
import { signedInPage } from "./fixtures";

// A family of its own, so the checks do not depend on what other specs do to the demo families.
const kurmangali = (givenNameCyr: string, givenNameLat: string, sex: "M" | "F", year: number) => ({
  surnameCyr: "Құрманғали",
  givenNameCyr,
  surnameLat: "Kurmangali",
  givenNameLat,
  birthDate: new Date(Date.UTC(year, 2, 14)),
  sex,
  citizenship: "CN",
});
const createKurmangaliFamily = () =>
  createPavlodarFamily([kurmangali("Ерлан", "Erlan", "M", 1986), kurmangali("Әсем", "Asem", "F", 1987)]);

// A small but real PNG header followed by random bytes: recognised by content, unique per run.
const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]);

test("a Pavlodar caseworker works on the case file; an Akmola caseworker cannot download its files", async ({
  browser,
}) => {
  // Two sign-ins and five forms in one journey: 15–25 s here, too close to the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const family = await createKurmangaliFamily();
  const { context, page } = await signedInPage(browser, "caseworkerPavlodar");
  await page.goto(`/families/${family.id}`);
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();

  // Mark the application received.
  await page.getByLabel("Status: Application", { exact: true }).selectOption("RECEIVED");
  await page.getByRole("button", { name: "Save status: Application", exact: true }).click();
  await expect(page.getByText("Status saved.")).toBeVisible();
  const application = await e2eDb().document.findFirstOrThrow({ where: { familyId: family.id, kind: "APPLICATION" } });
  expect(application.status).toBe("RECEIVED");
  // A caseworker cannot choose VERIFIED.
  await expect(
    page.getByLabel("Status: Application", { exact: true }).locator("option[value=VERIFIED]"),
  ).toBeDisabled();

  // Upload a PNG to the head's identity document and download it back byte for byte.
  const identity = "Identity document: Құрманғали Ерлан";
  await page
    .getByLabel(`File for ${identity}`, { exact: true })
    .setInputFiles({ name: "passport scan.png", mimeType: "image/png", buffer: pngBytes });
  await page.getByRole("button", { name: `Upload file: ${identity}`, exact: true }).click();
  await expect(page.getByText("File uploaded.")).toBeVisible();
  const link = page.getByRole("link", { name: "passport scan.png" });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("passport scan.png");
  expect((await readFile(await download.path())).equals(pngBytes)).toBe(true);
  const fileUrl = (await link.getAttribute("href")) ?? "";
  expect(fileUrl).toMatch(new RegExp(`^/families/${family.id}/files/\\d+$`));
  const response = await page.request.get(fileUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="passport scan\.png"/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["cache-control"]).toContain("no-store");

  // A text file renamed .pdf is refused with a message, and the form keeps the chosen file.
  const fileInput = page.getByLabel("File for Application", { exact: true });
  await fileInput.setInputFiles({
    name: "statement.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("This is plain text, not a PDF."),
  });
  await page.getByRole("button", { name: "Upload file: Application", exact: true }).click();
  await expect(page.getByText("Only PDF, JPEG and PNG files are accepted.", { exact: false })).toBeVisible();
  await expect(fileInput).toHaveValue(/statement\.pdf$/);
  expect(await e2eDb().documentFile.count({ where: { documentId: application.id } })).toBe(0);

  // Too large: refused by the server before it is stored, with a translated 413 (the form checks first too).
  const tooLarge = await page.request.post(`/families/${family.id}/files`, {
    multipart: {
      documentId: String(application.id),
      file: {
        name: "big.png",
        mimeType: "image/png",
        buffer: Buffer.concat([pngBytes, Buffer.alloc(5 * 1024 * 1024)]),
      },
    },
  });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.json()).toEqual({ ok: false, message: "The file is too large: at most 5 MB." });

  // Adaptation plan.
  const plan = page.getByRole("form", { name: "Adaptation plan" });
  await plan.getByLabel("Planned arrival date").fill("2026-12-15");
  await plan.getByLabel("Transport").fill("Train Ürümqi – Almaty – Pavlodar");
  await plan.getByLabel("Members arriving (of 2)").fill("3");
  await plan.getByLabel("Housing").fill("Rented flat in Pavlodar, Toraighyrov St.");
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(plan.getByText("Enter a number from 1 up to the family's size.")).toBeVisible();
  await plan.getByLabel("Members arriving (of 2)").fill("2");
  await plan.getByLabel("Job").fill("Welder at the Pavlodar petrochemical plant");
  await plan.getByRole("button", { name: "Save plan" }).click();
  await expect(plan.getByText("Plan saved.")).toBeVisible();
  const savedPlan = await e2eDb().adaptationPlan.findUniqueOrThrow({ where: { familyId: family.id } });
  expect(savedPlan).toMatchObject({ membersArriving: 2, transport: "Train Ürümqi – Almaty – Pavlodar" });

  // Support: the relocation entitlement for two members; more than that is refused without a note.
  await page.reload();
  const support = page.getByRole("region", { name: "Support" });
  await expect(support.getByRole("rowheader", { name: "Relocation subsidy for 2 members who move" })).toBeVisible();
  await support.getByLabel("Kind of support").selectOption("RELOCATION_SUBSIDY");
  await support.getByLabel("Amount (tenge)").fill("99000000");
  await support.getByRole("button", { name: "Record payment" }).click();
  await expect(support.getByText(/more than the remaining relocation subsidy/)).toBeVisible();
  await support.getByLabel("Amount (tenge)").fill("300000");
  await support.getByRole("button", { name: "Record payment" }).click();
  await expect(support.getByText("Payment recorded.")).toBeVisible();
  await expect(
    support.getByRole("table", { name: "Payments" }).getByRole("cell", { name: "Relocation subsidy" }),
  ).toBeVisible();
  expect(
    await e2eDb().payment.findMany({ where: { familyId: family.id }, select: { kind: true, amountTenge: true } }),
  ).toEqual([{ kind: "RELOCATION_SUBSIDY", amountTenge: 300_000 }]);

  // A note with markup is shown as text and never runs.
  const noteText = `Called the family <script>window.__caseFileXss = 1</script><b>bold?</b>`;
  await page.getByLabel("New note").fill(noteText);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Note added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Notes" }).getByText(noteText, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __caseFileXss?: number }).__caseFileXss)).toBeUndefined();
  await page.reload();
  await expect(page.getByRole("list", { name: "Notes" }).getByText(noteText, { exact: true })).toBeVisible();
  expect(await page.locator("b", { hasText: "bold?" }).count()).toBe(0);
  await context.close();

  // Another region: the download URL is simply not found.
  const akmola = await signedInPage(browser, "caseworkerAkmola");
  const denied = await akmola.page.request.get(fileUrl);
  expect(denied.status()).toBe(404);
  expect(await denied.text()).not.toContain("PNG");
  await akmola.context.close();
});
