/**
 * The row stream of the bulk generator (scripts/generate-data.ts), without any database: families of
 * the cohorts drawn one after another from one seed, continuing after the ids, IINs, case numbers and
 * quota allocations already in the database, handed out in batches of whole families. It runs in a
 * worker thread while the main thread loads the previous batch, so it is plain data in and out.
 */
import type { CaseStatus, Role } from "@/lib/generated/prisma/enums";
import type { DocumentStatus } from "@/lib/domain/documents";
import {
  CaseNumbers,
  cohortOptions,
  cohortYear,
  CURRENT_COHORT_YEAR,
  familyRows,
  QuotaLedger,
  quotaKey,
  type IdCursor,
  type QuotaState,
  type RowSinks,
} from "./bulk";
import { buildFamily, type FamilyDraft } from "./family";
import { mulberry32, type Rng } from "./random";

/** What the generator needs to know about the database it adds to (all of it structured-cloneable). */
export interface BulkGeneratorInput {
  seed: number;
  /** Persons to generate in all. */
  persons: number;
  /** Active users; events and documents are attributed to one of the family's region and role. */
  users: readonly { id: number; role: Role; regionId: string | null }[];
  districts: readonly { id: number; regionId: string; nameEn: string }[];
  /** Quota rows of every cohort year (the current year's totals are fixed, the past ones grow). */
  quotas: readonly Omit<QuotaState, "added">[];
  /** case_number_counter rows. */
  counters: readonly { year: number; last: number }[];
  /** IINs already in the database. */
  usedIins: readonly string[];
  /** First free id of each table. */
  firstIds: IdCursor;
  /** Marks the audit entries of this run. */
  requestId: string;
}

export interface BulkBatch {
  families: number;
  persons: number;
}

/** The quota and counter changes to write once all rows are loaded. */
export interface BulkSummary {
  families: number;
  persons: number;
  /** Quota rows with their final total and the persons this run's active allocations added. */
  quotas: { id: number; total: number; added: number }[];
  counters: { year: number; last: number }[];
  /** Next free id of each table (equal to firstIds where a table got no rows). */
  nextIds: IdCursor;
}

export class BulkGenerator {
  private readonly rng: Rng;
  private readonly usedIins: Set<string>;
  private readonly ledger: QuotaLedger;
  private readonly caseNumbers: CaseNumbers;
  private readonly ids: IdCursor;
  private readonly districtIds: Map<string, number>;
  private readonly actors = new Map<string, (role: Role) => number>();
  private persons = 0;
  private families = 0;

  constructor(
    private readonly input: BulkGeneratorInput,
    private readonly documentStatus: (status: CaseStatus, roll: number) => DocumentStatus,
  ) {
    if (!input.users.some((u) => u.role === "ADMIN")) throw new Error("no active ADMIN user: seed the database first");
    this.rng = mulberry32(input.seed);
    this.usedIins = new Set(input.usedIins);
    this.ledger = new QuotaLedger(input.quotas, new Set([CURRENT_COHORT_YEAR]));
    this.caseNumbers = new CaseNumbers(input.counters);
    this.ids = { ...input.firstIds };
    this.districtIds = new Map(input.districts.map((d) => [`${d.regionId}|${d.nameEn}`, d.id]));
  }

  get isDone(): boolean {
    return this.persons >= this.input.persons;
  }

  /**
   * Writes whole families into `rows` until the batch holds at least `persons` persons or the run is
   * complete.
   */
  nextBatch(persons: number, rows: RowSinks): BulkBatch {
    const start = { persons: this.persons, families: this.families };
    while (!this.isDone && this.persons - start.persons < persons) this.addFamily(rows);
    return { families: this.families - start.families, persons: this.persons - start.persons };
  }

  summary(): BulkSummary {
    const rng = mulberry32(this.input.seed ^ 0x5eed);
    const quotas: BulkSummary["quotas"] = [];
    for (const q of this.ledger.quotas.values()) {
      if (q.id === null) continue;
      quotas.push({ id: q.id, total: this.ledger.finalTotal(q, rng), added: q.added });
    }
    return {
      families: this.families,
      persons: this.persons,
      quotas,
      counters: this.caseNumbers.counters(),
      nextIds: { ...this.ids },
    };
  }

  private addFamily(rows: RowSinks): void {
    const rng = this.rng;
    const year = cohortYear(rng);
    const remaining = this.input.persons - this.persons;
    const opts = {
      ...cohortOptions(rng, year),
      usedIins: this.usedIins,
      ...(remaining < 8 ? { size: remaining } : {}),
    };
    let draft: FamilyDraft = buildFamily(rng, opts);
    const a = draft.allocation;
    if (a?.status === "ACTIVE" && !this.ledger.take(a.year, draft.targetRegionId, draft.category, a.persons)) {
      // The quota is full: the family waits, approved (as in prisma/seed-plan.ts).
      for (const m of draft.members) if (m.iin) this.usedIins.delete(m.iin);
      draft = buildFamily(rng, {
        ...opts,
        status: "APPROVED",
        category: draft.category,
        targetRegionId: draft.targetRegionId,
        size: draft.members.length,
      });
    }
    const alloc = draft.allocation;
    const quotaId = alloc
      ? (this.ledger.quotas.get(quotaKey(alloc.year, draft.targetRegionId, draft.category))?.id ?? null)
      : null;
    familyRows(
      draft,
      {
        caseNumber: this.caseNumbers.next(draft.applicationDate.getUTCFullYear()),
        districtId: draft.targetDistrictNameEn
          ? (this.districtIds.get(`${draft.targetRegionId}|${draft.targetDistrictNameEn}`) ?? null)
          : null,
        actorIdFor: this.actorsOf(draft.targetRegionId),
        quotaId,
        documentStatus: this.documentStatus,
        requestId: this.input.requestId,
      },
      this.ids,
      rows,
    );
    this.persons += draft.members.length;
    this.families++;
  }

  /** The user who takes a role's steps in a region: one of that role, else its coordinator, else an admin. */
  private actorsOf(regionId: string): (role: Role) => number {
    let actorFor = this.actors.get(regionId);
    if (!actorFor) {
      const { users } = this.input;
      const byRole = new Map<Role, number>();
      const admin = users.find((u) => u.role === "ADMIN")!.id;
      actorFor = (role) => {
        let id = byRole.get(role);
        if (id === undefined) {
          id =
            users.find((u) => u.regionId === regionId && u.role === role)?.id ??
            users.find((u) => u.regionId === regionId && u.role === "COORDINATOR")?.id ??
            admin;
          byRole.set(role, id);
        }
        return id;
      };
      this.actors.set(regionId, actorFor);
    }
    return actorFor;
  }
}
