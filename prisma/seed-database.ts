/**
 * Writes the demo data set into an empty, migrated database in one transaction. Idempotent: if
 * app_meta has the key 'seeded' nothing is written. An advisory lock makes concurrent runs safe.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseStatus, DocumentStatus, Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/db/users/password";
import { DISTRICTS, REGIONS } from "@/lib/domain/regions";
import { documentChecklist } from "@/lib/domain/documents";
import { SETTING_KEYS, SETTINGS } from "@/lib/domain/settings";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import { DEMO_USER_LIST } from "./demo-users";
import { eventData, familyRowData, personData, regionRowData } from "./factories/prisma-data";
import { planSeed, type SeedPlanOptions } from "./seed-plan";

/** MCI (tenge) per year, from the budget laws. */
export const MCI_BY_YEAR: Readonly<Record<number, number>> = { 2024: 3692, 2025: 3932, 2026: 4325 };

/**
 * The day the seeded programme settings (the catalogue's defaults, lib/domain/settings.ts) apply from:
 * long before any case, as the migration dates the values that were stored before versions were kept.
 */
export const SEEDED_SETTINGS_FROM = new Date(Date.UTC(2000, 0, 1));

/** The demo 2026 quota order. The reference is invented; the regional figures are the published ones. */
export const DEMO_QUOTA_ORDER = {
  year: 2026,
  reference: "№ 14",
  note: "Demo data: the order reference is invented; regional quotas are the published 2026 figures.",
} as const;

export const SEEDED_META_KEY = "seeded";
const SEED_LOCK_ID = 7_202_601;

export interface SeedSummary {
  regions: number;
  districts: number;
  users: number;
  families: number;
  persons: number;
  events: number;
  allocations: number;
  /** First (lowest) case number per target region, for tests and the README. */
  firstCaseNumberByRegion: Record<string, string>;
  /** Case number per showcase family key. */
  showcaseCaseNumbers: Record<string, string>;
}

export type SeedResult = { status: "already-seeded" } | { status: "seeded"; summary: SeedSummary };

/** Seeds the database (see module comment). */
export async function seedDatabase(prisma: PrismaClient, options: SeedPlanOptions = {}): Promise<SeedResult> {
  if (await prisma.appMeta.findUnique({ where: { key: SEEDED_META_KEY } })) return { status: "already-seeded" };

  // Everything slow or pure happens before the transaction.
  const plan = planSeed(options);
  const hashes = await Promise.all(DEMO_USER_LIST.map((u) => hashPassword(u.password)));

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`;
      if (await tx.appMeta.findUnique({ where: { key: SEEDED_META_KEY } }))
        return { status: "already-seeded" } as const;

      // Regions: parents first because of the split self-reference.
      await tx.region.createMany({
        data: REGIONS.map(regionRowData),
      });
      for (const r of REGIONS.filter((x) => x.splitFromId !== null)) {
        await tx.region.update({ where: { id: r.id }, data: { splitFromId: r.splitFromId } });
      }
      const districts = await tx.district.createManyAndReturn({
        data: DISTRICTS.map((d) => ({ regionId: d.regionId, nameKk: d.name.kk, nameRu: d.name.ru, nameEn: d.name.en })),
        select: { id: true, regionId: true, nameEn: true },
      });
      const districtId = new Map(districts.map((d) => [`${d.regionId}|${d.nameEn}`, d.id]));

      const users = await tx.user.createManyAndReturn({
        data: DEMO_USER_LIST.map((u, i) => ({
          email: u.email.toLowerCase(),
          fullName: u.fullName,
          fullNameLatin: transliterateKazakh(u.fullName),
          passwordHash: hashes[i] ?? "",
          role: u.role,
          regionId: u.regionId,
          locale: u.locale,
        })),
        select: { id: true, email: true, role: true, regionId: true },
      });
      const admin = users.find((u) => u.role === "ADMIN");
      if (!admin) throw new Error("seed: no admin user");
      // Regional steps are taken by the region's demo user; regions without one fall back to the admin.
      const actorFor = (regionId: string) => (role: Role) =>
        users.find((u) => u.regionId === regionId && u.role === role)?.id ??
        users.find((u) => u.regionId === regionId && u.role === "COORDINATOR")?.id ??
        admin.id;

      await tx.mciRate.createMany({
        data: Object.entries(MCI_BY_YEAR).map(([year, amountTenge]) => ({
          year: Number(year),
          amountTenge,
          updatedById: admin.id,
        })),
      });
      await tx.settingVersion.createMany({
        data: SETTING_KEYS.map((key) => ({
          key,
          value: SETTINGS[key].default as object,
          effectiveFrom: SEEDED_SETTINGS_FROM,
          changedById: admin.id,
        })),
      });

      const order = await tx.quotaOrder.create({
        data: { ...DEMO_QUOTA_ORDER, orderDate: plan.quotaOrderDate, createdById: admin.id },
      });
      const quotas = await tx.quota.createManyAndReturn({
        data: plan.quotas.map((q) => ({ ...q, orderId: order.id })),
        select: { id: true, regionId: true, pool: true, total: true },
      });
      // As lib/db/quotas/orders createQuotaOrder does: each quota's history starts with its order (0 → total),
      // so the Quotas page lists the demo order among the year's orders.
      await tx.quotaAmendment.createMany({
        data: quotas.map((quota) => ({
          quotaId: quota.id,
          orderId: order.id,
          oldTotal: 0,
          newTotal: quota.total,
          actorId: admin.id,
        })),
      });
      const quotaId = new Map(quotas.map((q) => [`${q.regionId}|${q.pool}`, q.id]));

      const families = await tx.family.createManyAndReturn({
        data: plan.families.map(({ draft, caseNumber }) =>
          familyRowData(draft, {
            caseNumber,
            actorIdFor: actorFor(draft.targetRegionId),
            districtId: draft.targetDistrictNameEn
              ? (districtId.get(`${draft.targetRegionId}|${draft.targetDistrictNameEn}`) ?? null)
              : null,
          }),
        ),
        select: { id: true, caseNumber: true },
      });
      const familyId = new Map(families.map((f) => [f.caseNumber, f.id]));
      const idOf = (caseNumber: string) => {
        const id = familyId.get(caseNumber);
        if (id === undefined) throw new Error(`seed: family ${caseNumber} not created`);
        return id;
      };

      const persons = plan.families.flatMap(({ draft, caseNumber }) =>
        draft.members.map((m) => ({ ...personData(m), familyId: idOf(caseNumber) })),
      );
      await tx.person.createMany({ data: persons });
      // Document checklists (lib/domain/documents): the further a case has gone, the more is received and verified.
      const personRows = await tx.person.findMany({
        select: { id: true, familyId: true },
        orderBy: [{ familyId: "asc" }, { position: "asc" }],
      });
      const documents = plan.families.flatMap(({ draft, caseNumber }, familyIndex) => {
        const id = idOf(caseNumber);
        const actor = actorFor(draft.targetRegionId);
        const items = documentChecklist(
          draft.category,
          personRows.filter((p) => p.familyId === id),
        );
        return items.map((item, itemIndex) => {
          const status = seedDocumentStatus(draft.status, (familyIndex * 7 + itemIndex * 3) % 10);
          const updatedById =
            status === "VERIFIED" ? actor("COORDINATOR") : status === "RECEIVED" ? actor("CASEWORKER") : null;
          return { familyId: id, personId: item.personId, kind: item.kind, status, updatedById };
        });
      });
      await tx.document.createMany({ data: documents });
      const events = plan.families.flatMap(({ draft, caseNumber }) =>
        draft.events.map((e) => ({ ...eventData(e, actorFor(draft.targetRegionId)), familyId: idOf(caseNumber) })),
      );
      await tx.caseEvent.createMany({ data: events });
      const allocations = plan.families.flatMap(({ draft, caseNumber }) => {
        const a = draft.allocation;
        if (!a) return [];
        const qid = quotaId.get(`${draft.targetRegionId}|${draft.category}`);
        if (qid === undefined) throw new Error(`seed: no quota for ${caseNumber}`);
        return [
          {
            quotaId: qid,
            familyId: idOf(caseNumber),
            year: a.year,
            persons: a.persons,
            status: a.status,
            createdById: actorFor(draft.targetRegionId)("COORDINATOR"),
            createdAt: a.at,
            releasedAt: a.releasedAt,
          },
        ];
      });
      await tx.allocation.createMany({ data: allocations });
      await tx.caseNumberCounter.createMany({ data: plan.counters });

      const firstCaseNumberByRegion: Record<string, string> = {};
      for (const { draft, caseNumber } of plan.families) {
        const current = firstCaseNumberByRegion[draft.targetRegionId];
        if (current === undefined || caseNumber < current) firstCaseNumberByRegion[draft.targetRegionId] = caseNumber;
      }
      const showcaseCaseNumbers = Object.fromEntries(
        plan.families.filter((f) => f.showcaseKey !== null).map((f) => [f.showcaseKey as string, f.caseNumber]),
      );
      const summary: SeedSummary = {
        regions: REGIONS.length,
        districts: districts.length,
        users: users.length,
        families: families.length,
        persons: persons.length,
        events: events.length,
        allocations: allocations.length,
        firstCaseNumberByRegion,
        showcaseCaseNumbers,
      };

      const audit = (entity: string, changes: Record<string, unknown>) => ({
        action: "seed",
        entity,
        changes: changes as object,
        requestId: "seed",
      });
      await tx.auditLog.createMany({
        data: [
          audit("region", { created: summary.regions, districts: summary.districts }),
          audit("user", { created: summary.users }),
          audit("setting", { keys: SETTING_KEYS, mciYears: Object.keys(MCI_BY_YEAR) }),
          audit("quota_order", {
            year: DEMO_QUOTA_ORDER.year,
            reference: DEMO_QUOTA_ORDER.reference,
            quotas: quotas.length,
          }),
          audit("family", {
            created: summary.families,
            persons: summary.persons,
            events: summary.events,
            allocations: summary.allocations,
            documents: documents.length,
          }),
        ],
      });
      await tx.appMeta.create({
        data: {
          key: SEEDED_META_KEY,
          value: JSON.stringify({ seed: options.seed ?? null, families: summary.families }),
        },
      });
      return { status: "seeded", summary } as const;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** A realistic checklist status for a case in `status`; `roll` (0..9) spreads the outcomes deterministically. */
export function seedDocumentStatus(status: CaseStatus, roll: number): DocumentStatus {
  switch (status) {
    case "REGISTERED":
      return roll < 6 ? "MISSING" : "RECEIVED";
    case "UNDER_REVIEW":
    case "REJECTED":
      return roll < 1 ? "MISSING" : roll < 6 ? "RECEIVED" : "VERIFIED";
    case "WITHDRAWN":
    case "EXPIRED":
      return roll < 3 ? "MISSING" : roll < 7 ? "RECEIVED" : "VERIFIED";
    default:
      return roll < 1 ? "RECEIVED" : "VERIFIED";
  }
}
