// Steps and readings shared by the quota specs (quotas.spec.ts, quota-journey.spec.ts).
import { expect, type Locator, type Page } from "@playwright/test";
import { randomInt } from "node:crypto";
import { quotaYearFor } from "@/lib/domain/quota";
import { programmeToday } from "@/lib/domain/status-validity";
import { e2eDb } from "./db";
import { createPavlodarFamily } from "./families";

export const PAVLODAR = "KZ-55";
export const today = programmeToday();
/** The current quota year: the seed's order covers it (see the note on issue 4 about the calendar year). */
export const YEAR = quotaYearFor(today);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** An order reference nobody else uses (references are unique per year). */
export const uniqueReference = (prefix: string) => `${prefix}-${randomInt(100_000, 999_999)}`;

type Pool = "KANDAS" | "SETTLER";

/** A quota's figures as the database holds them. */
export async function quotaFromDb(regionId: string, pool: Pool, year: number = YEAR) {
  return e2eDb().quota.findUniqueOrThrow({
    where: { year_regionId_pool: { year, regionId, pool } },
    select: { total: true, allocated: true },
  });
}

const MEMBERS = [
  { surnameCyr: "Квотаев", givenNameCyr: "Ерлан", surnameLat: "Kvotaev", givenNameLat: "Erlan", birthYear: 1980 },
  { surnameCyr: "Квотаева", givenNameCyr: "Әсел", surnameLat: "Kvotaeva", givenNameLat: "Asel", birthYear: 1983 },
  { surnameCyr: "Квотаев", givenNameCyr: "Нұрлан", surnameLat: "Kvotaev", givenNameLat: "Nurlan", birthYear: 2010 },
  { surnameCyr: "Квотаева", givenNameCyr: "Дана", surnameLat: "Kvotaeva", givenNameLat: "Dana", birthYear: 2014 },
] as const;

/** An approved Pavlodar kandas family of the test's own (1–4 members) with a status valid for months. */
export function createApprovedPavlodarFamily(memberCount: 1 | 2 | 3 | 4 = 1) {
  // Head, wife, son, daughter.
  const people = MEMBERS.slice(0, memberCount).map(({ birthYear, ...names }, index) => ({
    ...names,
    relationship: index === 1 ? ("SPOUSE" as const) : ("CHILD" as const),
    sex: index % 2 === 0 ? ("M" as const) : ("F" as const),
    birthDate: new Date(Date.UTC(birthYear, 2, 3)),
    citizenship: "MN",
  }));
  return createPavlodarFamily(
    people,
    {
      status: "APPROVED",
      originCountry: "MN",
      applicationDate: today,
      statusValidUntil: new Date(today.getTime() + 200 * 86_400_000),
      decisionNumber: `E2E-Q-${randomInt(1, 999_999)}`,
    },
    { documents: "verified" },
  );
}

/** A figure as a page prints it ("1,234", "95.3"); "—" (no figure) is null, anything else stays text. */
export function figure(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "—") return null;
  const value = Number(trimmed.replace(/,/g, ""));
  return trimmed !== "" && Number.isFinite(value) ? value : trimmed;
}

/**
 * A table's rows (body, then footer), each cell keyed by the text of its column header, so that a test
 * reads a column by its name wherever it stands. The first cell is the row header.
 */
export async function readTable(table: Locator): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
  const headers = (await table.locator("thead th").allInnerTexts()).map((text) => text.trim());
  const cells = await table
    .locator("tbody tr, tfoot tr")
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll("th, td")).map((cell) => (cell.textContent ?? "").trim())),
    );
  return {
    headers,
    rows: cells.map((row) => Object.fromEntries(row.map((text, index) => [headers[index] ?? `#${index}`, text]))),
  };
}

/** Quota, allocated and remaining of one row of /quotas, read by column name. */
export async function quotaRowFigures(page: Page, regionId: string, pool: Pool) {
  const table = page.getByRole("table", { name: /^Quotas of \d{4} by region and pool$/ });
  const headers = (await table.locator("thead th").allInnerTexts()).map((text) => text.trim());
  const cells = await page.getByTestId(`quota-${regionId}-${pool}`).locator("th, td").allInnerTexts();
  const column = (name: string) => Number(cells[headers.indexOf(name)]?.replace(/\D/g, "") ?? NaN);
  return { total: column("Quota"), allocated: column("Allocated"), remaining: column("Remaining") };
}

/** Fills and sends the administrator's amendment form on /quotas; returns the form for its messages. */
export async function submitAmendment(
  page: Page,
  change: { region: string; pool: string; total: number; reference: string },
) {
  const form = page.getByRole("form", { name: "Amend a quota" });
  await form.getByLabel("Region").selectOption({ label: change.region });
  await form.getByLabel("Pool").selectOption({ label: change.pool });
  await form.getByLabel("New quota (persons)").fill(String(change.total));
  await form.getByLabel("Order reference").fill(change.reference);
  await form.getByLabel("Order date").fill(isoDay(today));
  await form.getByRole("button", { name: "Record the amendment" }).click();
  return form;
}

/** Includes a family in the quota through the case page's workflow, as its coordinator does. */
export async function includeInQuota(page: Page, familyId: number) {
  await page.goto(`/families/${familyId}`);
  await page
    .getByRole("region", { name: "Case workflow" })
    .getByRole("button", { name: "Include in the quota" })
    .click();
  await page.getByRole("form", { name: "Include in the quota" }).getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("workflow-status")).toHaveText("Included in the quota");
}
