// Families for the support-paid and status-expiry report tests (issue 6, regions KZ-43 and KZ-47): a head
// of family from fixtures.createFamily plus further members, in the status, category and validity given.
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { createFamily, createStaffUser, PAVLODAR } from "./fixtures";

export type ReportFamilySpec = {
  regionId: string;
  members: number;
  category?: "KANDAS" | "SETTLER";
  status?: "REGISTERED" | "APPROVED" | "QUOTA_ALLOCATED" | "RESETTLED" | "SUPPORTED" | "EXPIRED";
  /** yyyy-mm-dd */
  statusValidUntil?: string | null;
};

export const KYZYLORDA = "KZ-43";
export const MANGYSTAU = "KZ-47";

/** The cast: national roles, the coordinators of both regions and of Pavlodar (another region), a Kyzylorda caseworker. */
export async function createReportStaff(prisma: PrismaClient) {
  return {
    admin: await createStaffUser(prisma, "ADMIN"),
    analyst: await createStaffUser(prisma, "ANALYST"),
    kyzylordaCoordinator: await createStaffUser(prisma, "COORDINATOR", KYZYLORDA),
    mangystauCoordinator: await createStaffUser(prisma, "COORDINATOR", MANGYSTAU),
    pavlodarCoordinator: await createStaffUser(prisma, "COORDINATOR", PAVLODAR),
    caseworker: await createStaffUser(prisma, "CASEWORKER", KYZYLORDA),
  };
}

/** A calendar day as the database stores a `date` (UTC midnight). */
export const isoDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Creates the family with `members` members in all (the head included) and returns its id. */
export async function createReportFamily(
  prisma: PrismaClient,
  createdById: number,
  spec: ReportFamilySpec,
): Promise<number> {
  const { id } = await createFamily(prisma, spec.regionId, createdById);
  await prisma.family.update({
    where: { id },
    data: {
      status: spec.status ?? "SUPPORTED",
      ...(spec.category === "SETTLER" && { category: "SETTLER", originCountry: null, originRegionId: "KZ-61" }),
      statusValidUntil: spec.statusValidUntil ? isoDate(spec.statusValidUntil) : null,
    },
  });
  await prisma.person.createMany({
    data: Array.from({ length: spec.members - 1 }, (_, index) => ({
      familyId: id,
      position: index + 2,
      relationship: "CHILD" as const,
      surnameCyr: "Тестова",
      givenNameCyr: `Бала${index + 2}`,
      surnameLat: "Testova",
      givenNameLat: `Bala${index + 2}`,
      birthDate: isoDate("2010-05-05"),
      sex: "F" as const,
      citizenship: "UZ",
    })),
  });
  return id;
}
