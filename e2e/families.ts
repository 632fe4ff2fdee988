// Families a spec creates for itself, straight in the e2e database, so that nothing another spec does to
// the demo families changes what it checks.
import { randomInt } from "node:crypto";
import { formatCaseNumber } from "@/lib/domain/case-number";
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
 * A Pavlodar (KZ-55) family registered by the demo Pavlodar caseworker, with a unique case number. The
 * first person is the head; `fields` defaults to a kandas family from China.
 */
export async function createPavlodarFamily(people: E2ePerson[], fields: FamilyFields = {}) {
  const caseworker = await e2eDb().user.findUniqueOrThrow({
    where: { email: DEMO_USERS.caseworkerPavlodar.email },
    select: { id: true },
  });
  return e2eDb().family.create({
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
        })),
      },
    },
  });
}
