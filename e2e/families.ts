// Families a spec creates for itself, straight in the e2e database, so that nothing another spec does to
// the demo families changes what it checks.
import { randomInt } from "node:crypto";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { documentChecklist } from "@/lib/domain/documents";
import { personSearchText } from "@/lib/domain/person-search";
import type { Prisma } from "@/lib/generated/prisma/client";
import { e2eDb } from "./db";
import { DEMO_USERS } from "./fixtures";

/** A household member: the names, sex, birth date and citizenship a spec may look for. */
export type E2ePerson = {
  surnameCyr: string;
  givenNameCyr: string;
  surnameLat: string;
  givenNameLat: string;
  sex: "M" | "F";
  birthDate: Date;
  citizenship: string;
  /** The head's relative; the spouse unless given. */
  relationship?: "SPOUSE" | "CHILD";
};

/** The fields of the family row a spec chooses; the region, author and case number are this module's. */
type FamilyFields = Partial<
  Omit<Prisma.FamilyUncheckedCreateInput, "caseNumber" | "targetRegionId" | "createdById" | "updatedById" | "members">
>;

/**
 * A Pavlodar (KZ-55) family registered by the demo Pavlodar caseworker, with a unique case number, found by
 * its members' names in the search box. The first person is the head; `fields` defaults to a kandas family
 * from China. With `documents: "verified"` the family's whole checklist is stored as verified, so the
 * checklist gate lets every step through.
 */
export async function createPavlodarFamily(
  people: E2ePerson[],
  fields: FamilyFields = {},
  { documents = "none" }: { documents?: "none" | "verified" } = {},
) {
  const caseworker = await e2eDb().user.findUniqueOrThrow({
    where: { email: DEMO_USERS.caseworkerPavlodar.email },
    select: { id: true },
  });
  const family = await e2eDb().family.create({
    data: {
      caseNumber: formatCaseNumber(2099, randomInt(1, 999_999)),
      category: "KANDAS",
      originCountry: "CN",
      targetRegionId: "KZ-55",
      createdById: caseworker.id,
      updatedById: caseworker.id,
      events: { create: { toStatus: "REGISTERED", actorId: caseworker.id } },
      applicationDate: new Date(Date.UTC(2026, 9, 1)),
      ...fields,
      members: {
        create: people.map(({ relationship = "SPOUSE", ...person }, index) => ({
          position: index + 1,
          isHead: index === 0,
          relationship: index === 0 ? "HEAD" : relationship,
          ...person,
          // As registration stores it: the search box finds the spec's families by name.
          searchText: personSearchText(person),
        })),
      },
    },
  });
  if (documents === "verified") await verifyChecklist(family.id);
  return family;
}

/**
 * Every item of a family's document checklist (for its members now) stored as verified: what the
 * centre does before the steps a spec takes, which the checklist gate (lib/domain/checklist-gate)
 * requires under the default setting.
 */
export async function verifyChecklist(familyId: number): Promise<void> {
  const family = await e2eDb().family.findUniqueOrThrow({
    where: { id: familyId },
    select: { category: true, createdById: true, members: { select: { id: true } } },
  });
  await e2eDb().document.createMany({
    data: documentChecklist(family.category, family.members).map(({ kind, personId }) => ({
      familyId,
      personId,
      kind,
      status: "VERIFIED" as const,
      updatedById: family.createdById,
    })),
    skipDuplicates: true,
  });
  await e2eDb().document.updateMany({ where: { familyId }, data: { status: "VERIFIED" } });
}
