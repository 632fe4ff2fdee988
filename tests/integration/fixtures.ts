// Test data for integration tests: every call creates rows with unique values, so tests never
// depend on each other or on the demo seed.
//
// Quota years are shared by the whole run (one quota per year, region and pool), so each file owns its
// own: quota-report 2077–2079 and 2086–2087, waitlist 2080–2082, allocation-adjust 2083–2084,
// region-scoping 2085 (2070 stays empty), case-page 2089, quotas 2091–2096, public-lookup 2099, workflow the current
// year. Reports (issue 6, families by application year in their own regions): report-overview 2060–2062
// (KZ-15, KZ-19), report-processing 2063–2065 (KZ-31, KZ-33), report-support and report-expiry 2066–2069
// (KZ-43, KZ-47; payments by paidOn, statuses ending around 2068). The sorted family list (family-search) 2074.
// Case numbers of test families use the year 2099.
import { randomUUID } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import type { Actor, StaffRole } from "@/lib/domain/permissions";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { documentChecklist } from "@/lib/domain/documents";
import { generateIin } from "@/lib/domain/iin";
import { REGIONS } from "@/lib/domain/regions";
import { hashPassword } from "@/lib/db/users/password";
import { regionRowData } from "@/prisma/factories/prisma-data";
import { testDatabaseUrl } from "./db";

/**
 * The test database's client for the running test file: each file runs in its own module registry, so
 * each gets its own client, which tests/integration/setup.ts disconnects after the file.
 */
export const prisma: PrismaClient = createPrismaClient(testDatabaseUrl(), 4);

/** The two regions most tests compare: a regional user of one must not reach the other. */
export const PAVLODAR = "KZ-55";
export const AKMOLA = "KZ-11";

/** Makes sure all regions exist (the migrated test database starts empty); tests/integration/setup.ts calls it before every file. */
export async function ensureRegions(prisma: PrismaClient): Promise<void> {
  await prisma.region.createMany({
    data: REGIONS.map(regionRowData),
    skipDuplicates: true,
  });
}

/** A staff user with a unique e-mail; regional roles need a region. */
export async function createStaffUser(
  prisma: PrismaClient,
  role: StaffRole,
  regionId: string | null = null,
  password = "Correct-Horse-1",
): Promise<Actor & { email: string; password: string }> {
  const email = `${role.toLowerCase()}-${randomUUID()}@test.nurlykosh.kz`;
  const user = await prisma.user.create({
    data: { email, fullName: `Test ${role}`, role, regionId, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, role: user.role, regionId: user.regionId, email, password };
}

export type StaffActor = Awaited<ReturnType<typeof createStaffUser>>;

/**
 * A session started now, as sign-in starts one: its row, and what its cookie names (the session id and
 * the person's generation at sign-in). `times` backdates it, for the idle timeout and the lifetime.
 */
export async function sessionOf(
  user: { id: number },
  generation = 0,
  times: { startedAt?: Date; lastSeenAt?: Date } = {},
) {
  const sessionId = randomUUID();
  await prisma.staffSession.create({ data: { id: sessionId, userId: user.id, ...times } });
  return { userId: user.id, sessionId, generation };
}

/**
 * The cast of the quota tests: an administrator, an analyst, a Pavlodar caseworker and the coordinators of
 * Pavlodar (KZ-55) and Akmola (KZ-11), the regions those tests compare.
 */
export async function createQuotaStaff(prisma: PrismaClient) {
  return {
    admin: await createStaffUser(prisma, "ADMIN"),
    analyst: await createStaffUser(prisma, "ANALYST"),
    caseworker: await createStaffUser(prisma, "CASEWORKER", PAVLODAR),
    pavlodarCoordinator: await createStaffUser(prisma, "COORDINATOR", PAVLODAR),
    akmolaCoordinator: await createStaffUser(prisma, "COORDINATOR", AKMOLA),
  };
}

/**
 * A quota order of `year` dated 10 January with a unique reference, inserted directly: for tests that
 * need quota rows to hang on an order, not the order workflow (lib/db/quotas/orders.ts) itself.
 */
export function insertQuotaOrder(prisma: PrismaClient, year: number, createdById: number) {
  return prisma.quotaOrder.create({
    data: {
      year,
      reference: `T-${randomUUID().slice(0, 12)}`,
      orderDate: new Date(Date.UTC(year, 0, 10)),
      createdById,
    },
  });
}

let caseSequence = Math.floor(Math.random() * 900_000);

/** A family with one head of family in the given target region, with a unique case number and IIN. */
export async function createFamily(
  prisma: PrismaClient,
  regionId: string,
  createdById: number,
  status: "REGISTERED" | "UNDER_REVIEW" = "REGISTERED",
) {
  caseSequence += 1;
  const birthDate = new Date(
    Date.UTC(1960 + Math.floor(Math.random() * 40), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)),
  );
  const iin = generateIin(birthDate, "M", Math.floor(Math.random() * 10_000));
  return prisma.family.create({
    data: {
      caseNumber: formatCaseNumber(2099, (caseSequence % 999_999) + 1),
      category: "KANDAS",
      status,
      originCountry: "UZ",
      targetRegionId: regionId,
      applicationDate: new Date(Date.UTC(2026, 0, 15)),
      contactPhone: "+77011234567",
      createdById,
      updatedById: createdById,
      members: {
        create: {
          position: 1,
          isHead: true,
          relationship: "HEAD",
          surnameCyr: "Тестов",
          givenNameCyr: "Нұрлан",
          surnameLat: "Testov",
          givenNameLat: "Nurlan",
          iin,
          birthDate,
          sex: "M",
          citizenship: "UZ",
        },
      },
      events: { create: { toStatus: "REGISTERED", actorId: createdById } },
    },
  });
}

/**
 * Every item of the family's document checklist (for its members now) stored as verified, so that the
 * checklist gate (lib/domain/checklist-gate) lets each step through whatever the setting requires.
 */
export async function verifyChecklist(prisma: PrismaClient, familyId: number, updatedById: number): Promise<void> {
  const family = await prisma.family.findUniqueOrThrow({
    where: { id: familyId },
    select: { category: true, members: { select: { id: true } } },
  });
  await prisma.document.createMany({
    data: documentChecklist(family.category, family.members).map(({ kind, personId }) => ({
      familyId,
      personId,
      kind,
      status: "VERIFIED" as const,
      updatedById,
    })),
    skipDuplicates: true,
  });
  await prisma.document.updateMany({ where: { familyId }, data: { status: "VERIFIED", updatedById } });
}
