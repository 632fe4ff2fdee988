/**
 * Plans the demo data without touching a database: families with case numbers, and 2026 quotas whose
 * `allocated` equals the persons of the families holding places (never above the total). Pure and
 * deterministic for a given seed, so it can be tested and the seed stays reproducible.
 */
import type { Pool } from "@/lib/generated/prisma/enums";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { QUOTA_2026 } from "@/lib/domain/quota-reference";
import {
  buildFamily,
  DEMO_QUOTA_ORDER_DATE,
  SEED_REFERENCE_DATE,
  type BuildFamilyOptions,
  type FamilyDraft,
} from "./factories/family";
import { mulberry32 } from "./factories/random";
import { SHOWCASE_FAMILIES } from "./demo-families";

export interface SeedPlanOptions {
  /** Total number of families, showcase ones included. Default 200. */
  families?: number;
  /** PRNG seed. Default 20260115. */
  seed?: number;
  /** Minimum number of families per target region (before the weighted rest). */
  minimumPerRegion?: Readonly<Record<string, number>>;
  referenceDate?: Date;
}

export interface PlannedFamily {
  caseNumber: string;
  /** Key of a showcase family, or null for a generated one. */
  showcaseKey: string | null;
  draft: FamilyDraft;
}

export interface PlannedQuota {
  year: number;
  regionId: string;
  pool: Pool;
  total: number;
  allocated: number;
}

export interface SeedPlan {
  families: PlannedFamily[];
  quotas: PlannedQuota[];
  counters: { year: number; last: number }[];
  quotaYear: number;
  quotaOrderDate: Date;
}

export const DEFAULT_SEED = 20260115;
export const DEFAULT_FAMILY_COUNT = 200;
/** Pavlodar and Akmola have demo users; they get enough families to page through. */
export const DEFAULT_MINIMUM_PER_REGION: Readonly<Record<string, number>> = { "KZ-55": 45, "KZ-11": 22 };

const QUOTA_YEAR = 2026;

const quotaKey = (regionId: string, pool: Pool) => `${regionId}|${pool}`;

/** Builds the whole demo data set in memory (see module comment). */
export function planSeed(options: SeedPlanOptions = {}): SeedPlan {
  const familyCount = options.families ?? DEFAULT_FAMILY_COUNT;
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const usedIins = new Set<string>(SHOWCASE_FAMILIES.map((f) => f.head.iin));
  const base: BuildFamilyOptions = {
    usedIins,
    referenceDate: options.referenceDate ?? SEED_REFERENCE_DATE,
    quotaYear: QUOTA_YEAR,
    quotaOrderDate: DEMO_QUOTA_ORDER_DATE,
  };

  const quotas = new Map<string, PlannedQuota>();
  for (const pool of ["KANDAS", "SETTLER"] as const) {
    for (const [regionId, total] of Object.entries(QUOTA_2026[pool])) {
      quotas.set(quotaKey(regionId, pool), { year: QUOTA_YEAR, regionId, pool, total, allocated: 0 });
    }
  }

  // Builds a family; if its quota cannot take it, builds it again one step earlier (APPROVED).
  const build = (opts: BuildFamilyOptions, familyRng = rng): FamilyDraft => {
    let draft = buildFamily(familyRng, { ...base, ...opts });
    const quota = quotas.get(quotaKey(draft.targetRegionId, draft.category));
    if (draft.allocation?.status === "ACTIVE") {
      if (!quota || quota.allocated + draft.allocation.persons > quota.total) {
        for (const m of draft.members) if (m.iin) usedIins.delete(m.iin);
        draft = buildFamily(familyRng, {
          ...base,
          ...opts,
          status: "APPROVED",
          category: draft.category,
          targetRegionId: draft.targetRegionId,
        });
      } else {
        quota.allocated += draft.allocation.persons;
      }
    }
    return draft;
  };

  const planned: { showcaseKey: string | null; draft: FamilyDraft }[] = [];
  SHOWCASE_FAMILIES.forEach((f, i) => {
    // Each showcase family has its own PRNG, so it does not change when the generated set does.
    const draft = build(
      {
        category: f.category,
        status: f.status,
        targetRegionId: f.targetRegionId,
        ...(f.originCountry ? { originCountry: f.originCountry } : {}),
        ...(f.originRegionId ? { originRegionId: f.originRegionId } : {}),
        size: f.size,
        head: f.head,
      },
      mulberry32(9000 + i),
    );
    planned.push({ showcaseKey: f.key, draft });
  });

  const minimum = options.minimumPerRegion ?? DEFAULT_MINIMUM_PER_REGION;
  for (const [regionId, min] of Object.entries(minimum)) {
    const hasSettlerQuota = QUOTA_2026.SETTLER[regionId] !== undefined;
    const hasKandasQuota = QUOTA_2026.KANDAS[regionId] !== undefined;
    let count = planned.filter((p) => p.draft.targetRegionId === regionId).length;
    for (; count < min && planned.length < familyCount; count++) {
      const category = hasKandasQuota && (!hasSettlerQuota || rng() < 0.6) ? "KANDAS" : "SETTLER";
      planned.push({ showcaseKey: null, draft: build({ targetRegionId: regionId, category }) });
    }
  }
  while (planned.length < familyCount) planned.push({ showcaseKey: null, draft: build({}) });

  // Case numbers follow the order of application within each registration year.
  const order = planned
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => a.draft.applicationDate.getTime() - b.draft.applicationDate.getTime() || a.i - b.i);
  const counters = new Map<number, number>();
  const families: PlannedFamily[] = order.map(({ showcaseKey, draft }) => {
    const year = draft.applicationDate.getUTCFullYear();
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    return { caseNumber: formatCaseNumber(year, seq), showcaseKey, draft };
  });

  return {
    families,
    quotas: [...quotas.values()],
    counters: [...counters.entries()].sort(([a], [b]) => a - b).map(([year, last]) => ({ year, last })),
    quotaYear: QUOTA_YEAR,
    quotaOrderDate: DEMO_QUOTA_ORDER_DATE,
  };
}
