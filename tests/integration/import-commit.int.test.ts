// The import's commit on a real PostgreSQL: valid families written by COPY in batches with everything a
// registered family has; the same file again adds nothing; a run stopped halfway resumes to exactly the
// families of the file.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { checkImport } from "@/lib/db/import/check-import";
import { commitImport } from "@/lib/db/import/commit-import";
import { listFamilies } from "@/lib/db/families/list-families";
import { generateIin } from "@/lib/domain/iin";
import { crossRegionTest } from "./cross-region";
import { uploadCsv } from "./import-upload";
import { AKMOLA, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";

const HEADER =
  "family_key;category;relationship;surname;given_name;birth_date;sex;iin;citizenship;origin_country;target_region;application_date";
const iin = (year: number, sex: "M" | "F") => generateIin(new Date(Date.UTC(year, 4, 12)), sex, randomInt(0, 10_000));

/** `count` families of a head and a wife named `surname`, applied in 2024, kandas from China to Pavlodar. */
function registry(surname: string, count: number): string[] {
  const lines = [HEADER];
  for (let index = 1; index <= count; index++) {
    lines.push(
      `K${index};кандас;глава;${surname};Нұрлан;12.05.1980;М;${iin(1980, "M")};CN;Китай;Павлодарская область;01.03.2024`,
      `K${index};;супруга;${surname}а;Әсем;12.05.1983;Ж;${iin(1983, "F")};CN;;;`,
    );
  }
  return lines;
}

let coordinator: StaffActor;
beforeAll(async () => {
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
});

describe("commitImport", () => {
  it("writes each valid family with its members, checklist, imported status, case number and audit entry", async () => {
    const lines = registry("Жүктелгенов", 3);
    const file = await uploadCsv(coordinator, lines);
    await checkImport(coordinator, file.id);
    const summary = await commitImport(coordinator, file.id);
    expect(summary).toEqual({ familiesImported: 3, personsImported: 6, familiesSkipped: 0, rowsRejected: 0 });

    const links = await prisma.importFamily.findMany({ where: { importId: file.id }, orderBy: { familyKey: "asc" } });
    expect(links.map((link) => link.familyKey)).toEqual(["K1", "K2", "K3"]);
    const family = await prisma.family.findUniqueOrThrow({
      where: { id: links[0]!.familyId },
      include: { members: { orderBy: { position: "asc" } }, documents: true, events: true },
    });
    expect(family).toMatchObject({
      status: "REGISTERED",
      targetRegionId: PAVLODAR,
      category: "KANDAS",
      originCountry: "CN",
    });
    expect(family.caseNumber).toMatch(/^NK-2024-\d{6}$/);
    expect(
      family.members.map((member) => [member.relationship, member.surnameLat, member.searchText.length > 0]),
    ).toEqual([
      ["HEAD", "Zhuktelgenov", true],
      ["SPOUSE", "Zhuktelgenova", true],
    ]);
    expect(family.documents.length).toBeGreaterThan(0);
    expect(family.documents.every((document) => document.status === "MISSING")).toBe(true);
    expect(family.events).toMatchObject([{ fromStatus: null, toStatus: "REGISTERED", data: { importId: file.id } }]);
    expect(await prisma.auditLog.count({ where: { action: "family.import", entityId: String(family.id) } })).toBe(1);

    expect(await prisma.registryImport.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      state: "COMMITTED",
      familiesImported: 3,
      personsImported: 6,
    });
    expect(await prisma.importFileChunk.count({ where: { importId: file.id } })).toBe(0);

    // Found like any family: by its Latin name with a letter missing.
    const found = await listFamilies(coordinator, { q: "Nurlan Zhuktelgnov" });
    expect(found.items.map((item) => item.id)).toEqual(expect.arrayContaining(links.map((link) => link.familyId)));
  });

  it("adds nothing when the same file is imported again", async () => {
    const lines = registry("Қайталанов", 2);
    const first = await uploadCsv(coordinator, lines);
    await checkImport(coordinator, first.id);
    await commitImport(coordinator, first.id);

    const again = await uploadCsv(coordinator, lines);
    expect(again.sha256).toBe(first.sha256);
    expect(await checkImport(coordinator, again.id)).toMatchObject({ familiesValid: 0, familiesSkipped: 2 });
    expect(await commitImport(coordinator, again.id)).toMatchObject({ familiesImported: 0, familiesSkipped: 2 });
    expect(await prisma.importFamily.count({ where: { sha256: first.sha256 } })).toBe(2);
    expect(await prisma.person.count({ where: { surnameCyr: "Қайталанов" } })).toBe(2);
  });

  it("resumes a run stopped halfway and ends with exactly the families of the file", async () => {
    const lines = registry("Жалғасов", 5);
    const file = await uploadCsv(coordinator, lines);
    await checkImport(coordinator, file.id);
    const stop = new Error("the server stopped");
    await expect(
      commitImport(coordinator, file.id, {
        batchFamilies: 2,
        onBatch: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await prisma.registryImport.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      state: "COMMITTING",
      familiesImported: 2,
    });

    expect(await commitImport(coordinator, file.id, { batchFamilies: 2 })).toMatchObject({
      familiesImported: 3,
      familiesSkipped: 2,
    });
    expect(await prisma.importFamily.count({ where: { importId: file.id } })).toBe(5);
    expect(await prisma.person.count({ where: { surnameCyr: "Жалғасов" } })).toBe(5);
    expect(await prisma.registryImport.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      state: "COMMITTED",
      familiesImported: 5,
      personsImported: 10,
    });
  });

  it("refuses to commit an import that was not checked", async () => {
    const file = await uploadCsv(coordinator, registry("Тексерілмеген", 1));
    await expect(commitImport(coordinator, file.id)).rejects.toMatchObject({
      code: "import.errors.notCommittable",
      status: 409,
    });
    expect(await prisma.person.count({ where: { surnameCyr: "Тексерілмеген" } })).toBe(0);
  });

  crossRegionTest(commitImport, "does not find another region's import, and writes nothing of it", async () => {
    const file = await uploadCsv(coordinator, registry("Бөтенов", 1));
    await checkImport(coordinator, file.id);
    const akmola = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
    await expect(commitImport(akmola, file.id)).rejects.toMatchObject({ status: 404 });
    const caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    await expect(commitImport(caseworker, file.id)).rejects.toMatchObject({ status: 404 });
    expect(await prisma.person.count({ where: { surnameCyr: "Бөтенов" } })).toBe(0);
  });
});
