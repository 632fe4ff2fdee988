// The import's dry run on a real PostgreSQL: a centre's CSV stored, read through the mapping, each
// family checked as the registration form checks it and against the database (scope, IINs registered
// already); rejected rows kept with their cells and reasons; nothing else written.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { checkImport } from "@/lib/db/import/check-import";
import { storeImportFile } from "@/lib/db/import/import-file";
import { findImportInScope } from "@/lib/db/import/read-families";
import { generateIin } from "@/lib/domain/iin";
import { crossRegionTest } from "./cross-region";
import { uploadCsv } from "./import-upload";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";

const HEADER =
  "family_key;category;relationship;surname;given_name;birth_date;sex;iin;citizenship;origin_country;target_region;application_date";

/** A valid IIN nobody else in the run has (random serial), for a person born on `birth` (dd.mm.yyyy). */
function iinOf(birth: string, sex: "M" | "F"): string {
  const [day, month, year] = birth.split(".").map(Number) as [number, number, number];
  return generateIin(new Date(Date.UTC(year, month - 1, day)), sex, randomInt(0, 10_000));
}

const person = (key: string, relationship: string, given: string, birth: string, sex: "M" | "F", iin: string) =>
  `${key};;${relationship};Импортов;${given};${birth};${sex === "M" ? "М" : "Ж"};${iin};CN;;;`;
const head = (key: string, given: string, region: string, iin = iinOf("12.05.1980", "M")) =>
  `${key};кандас;глава;Импортов;${given};12.05.1980;М;${iin};CN;Китай;${region};01.03.2024`;

let coordinator: StaffActor;
let registeredIin: string;

beforeAll(async () => {
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  const family = await createFamily(prisma, PAVLODAR, coordinator.id);
  registeredIin = (await prisma.person.findFirstOrThrow({ where: { familyId: family.id } })).iin!;
});

describe("checkImport", () => {
  it("counts the families the file would bring in and keeps each rejected row with its cells and reasons", async () => {
    const wrongChecksum = iinOf("01.01.1975", "M").slice(0, 11) + "0";
    const lines = [
      HEADER,
      head("F1", "Бірінші", "Павлодарская область"),
      person("F1", "супруга", "Әйел", "03.09.1983", "F", iinOf("03.09.1983", "F")),
      head("F2", "Екінші", "Павлодар облысы", wrongChecksum === registeredIin ? "000000000000" : wrongChecksum),
      person("F2", "сын", "Ұл", "20.02.2008", "M", iinOf("20.02.2008", "M")),
      head("F3", "Үшінші", "Акмолинская область"),
      head("F4", "Төртінші", "KZ-55", registeredIin),
      head("F5", "Бесінші", "Pavlodar Region"),
    ];
    const upload = await uploadCsv(coordinator, lines);
    const progress: number[] = [];
    const summary = await checkImport(coordinator, upload.id, { onProgress: (rows) => progress.push(rows) });

    expect(summary).toMatchObject({
      rowsTotal: 7,
      familiesValid: 2,
      personsValid: 3,
      rowsRejected: 4,
      familiesSkipped: 0,
    });
    expect(summary.problemCounts).toMatchObject({
      "family-rejected-by-other-rows": 1,
      "outside-scope": 1,
      "iin-registered": 1,
    });
    expect(progress.at(-1)).toBe(7);

    const rejected = await prisma.importRejectedRow.findMany({
      where: { importId: upload.id },
      orderBy: { rowNumber: "asc" },
    });
    expect(rejected.map((row) => row.rowNumber)).toEqual([4, 5, 6, 7]);
    // The cells as the file had them, for the download.
    expect((rejected[2]!.cells as string[])[10]).toBe("Акмолинская область");
    const codesOf = (index: number) => (rejected[index]!.problems as { code: string }[]).map((problem) => problem.code);
    expect(codesOf(1)).toEqual(["family-rejected-by-other-rows"]);
    expect(codesOf(2)).toEqual(["outside-scope"]);
    // Beside it, a warning when the registered person's IIN names another birth date than the row.
    expect(codesOf(3).filter((code) => code !== "iin-birth-date-mismatch")).toEqual(["iin-registered"]);

    expect(await prisma.registryImport.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({
      state: "CHECKED",
      rowsTotal: 7,
      familiesValid: 2,
      rowsRejected: 4,
    });
    // A dry run writes no family.
    expect(await prisma.person.count({ where: { surnameCyr: "Импортов" } })).toBe(0);
  });

  it("lets an administrator bring in any region's families", async () => {
    const admin = await createStaffUser(prisma, "ADMIN");
    const upload = await uploadCsv(admin, [HEADER, head("A1", "Бірінші", "Акмолинская область")]);
    expect(await checkImport(admin, upload.id)).toMatchObject({ familiesValid: 1, rowsRejected: 0 });
  });

  it("refuses a file whose first row is not a header, and marks a file it cannot read as failed", async () => {
    const noHeader = await uploadCsv(coordinator, [head("F1", "Бірінші", "KZ-55")]);
    await expect(checkImport(coordinator, noHeader.id)).rejects.toMatchObject({
      code: "import.errors.mapping",
      status: 422,
    });
    expect((await prisma.registryImport.findUniqueOrThrow({ where: { id: noHeader.id } })).state).toBe("UPLOADED");

    // "?асымов;Н?рлан" in Windows-1251: Kazakh letters lost on saving.
    const lost = await storeImportFile(coordinator, {
      fileName: "old.csv",
      content: (async function* () {
        yield new Uint8Array([
          0x3f, 0xe0, 0xf1, 0xfb, 0xec, 0xee, 0xe2, 0x3b, 0xcd, 0x3f, 0xf0, 0xeb, 0xe0, 0xed, 0x0a,
        ]);
      })(),
    });
    await expect(checkImport(coordinator, lost.id)).rejects.toMatchObject({
      code: "import.problem.kazakh-letters-lost",
      status: 422,
    });
    expect(await prisma.registryImport.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      state: "FAILED",
      error: "kazakh-letters-lost",
    });
  });

  crossRegionTest(
    checkImport,
    "does not find an administrator's or another region's import for a coordinator",
    async () => {
      const admin = await createStaffUser(prisma, "ADMIN");
      const national = await uploadCsv(admin, [HEADER, head("A1", "Бірінші", "KZ-55")]);
      await expect(checkImport(coordinator, national.id)).rejects.toMatchObject({ status: 404 });
      const akmola = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
      const theirs = await uploadCsv(akmola, [HEADER, head("A1", "Бірінші", "KZ-11")]);
      await expect(checkImport(coordinator, theirs.id)).rejects.toMatchObject({ status: 404 });
      expect((await prisma.registryImport.findUniqueOrThrow({ where: { id: theirs.id } })).state).toBe("UPLOADED");
    },
  );

  crossRegionTest(
    findImportInScope,
    "finds a coordinator's region's imports only, every import for an administrator",
    async () => {
      const akmola = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
      const theirs = await uploadCsv(akmola, [HEADER]);
      const ours = await uploadCsv(coordinator, [HEADER]);
      expect((await findImportInScope(coordinator, ours.id)).id).toBe(ours.id);
      await expect(findImportInScope(coordinator, theirs.id)).rejects.toMatchObject({ status: 404 });
      const admin = await createStaffUser(prisma, "ADMIN");
      expect((await findImportInScope(admin, theirs.id)).regionId).toBe(AKMOLA);
      const analyst = await createStaffUser(prisma, "ANALYST");
      await expect(findImportInScope(analyst, ours.id)).rejects.toMatchObject({ status: 404 });
    },
  );
});
