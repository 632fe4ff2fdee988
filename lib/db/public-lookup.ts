import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { env } from "@/lib/env";
import type { CaseStatus } from "@/lib/domain/case-status";
import type { DocumentKind } from "@/lib/domain/documents";
import { EMPLOYMENT_CENTRE_SELECT, type EmploymentCentreColumns } from "@/lib/domain/employment-centre";
import {
  addressThrottleKey,
  caseThrottleKey,
  caseThrottleText,
  familyActionsFor,
  isOverLimit,
  LOOKUP_THROTTLE_PRUNE_EVERY,
  missingDocuments,
  publicNextStep,
  parseLookupInput,
  publicName,
  publicTimeline,
  secondsUntilWindowEnds,
  secretText,
  showsAllocation,
  showsStatusExpiry,
  throttleRetentionMinutes,
  type LookupLimit,
} from "@/lib/domain/public-lookup";
import { poolForCategory } from "@/lib/domain/quota";
import { settingsInForce } from "@/lib/db/settings/settings";
import { programmeToday } from "@/lib/domain/status-validity";

/** What the public status page may show of a case: nothing that identifies the family beyond it. */
export type PublicCaseView = {
  caseNumber: string;
  category: "KANDAS" | "SETTLER";
  status: CaseStatus;
  /** Time of the last status change. */
  statusSince: Date;
  /** First name and surname initial, e.g. "Ерлан С." / "Erlan S.". */
  headName: { cyr: string; lat: string | null };
  /** Main steps reached, in lifecycle order. */
  timeline: { status: CaseStatus; at: Date }[];
  /** Key under status.next.*. */
  nextStep: string;
  /** Keys under status.action.*. */
  familyActions: string[];
  /** Required documents not yet received or verified. */
  missingDocuments: DocumentKind[];
  /** Kandas status expiry (calendar day). */
  statusValidUntil: Date | null;
  allocation: { year: number; pool: "KANDAS" | "SETTLER"; persons: number } | null;
  plannedArrival: Date | null;
  arrivalDate: Date | null;
  region: {
    id: string;
    nameKk: string;
    nameRu: string;
    nameEn: string;
    centreKk: string;
    centreRu: string;
    centreEn: string;
  } & EmploymentCentreColumns;
};

export type PublicLookupOutcome =
  { kind: "found"; view: PublicCaseView } | { kind: "miss" } | { kind: "limited"; retryAfterSeconds: number };

export type PublicLookupOptions = {
  now?: Date;
  /** The Prisma client to use; the process-wide one by default (tests pass a second app instance's). */
  client?: PrismaClient;
};

// Matches the stored format but is never issued (years start at 1000, sequences at 1): a malformed
// case number is looked up as this, so that it costs the same query as an unknown one.
const PLACEHOLDER_CASE_NUMBER = "NK-0000-000000";
// The two sides of the comparison when there is nothing to compare; secretText never produces either.
const NO_SECRET = "none";
const MALFORMED = "malformed";
// Ids no row has, for the view queries of a miss.
const NO_ID = -1;
const NO_REGION = "";

let hmacKey: Buffer | undefined;
let lookupsSincePrune = 0;

/** HMAC-SHA-256 under a key derived from the app secret: case numbers in counter keys, secrets compared. */
function digest(text: string): Buffer {
  hmacKey ??= createHmac("sha256", env().NEXTAUTH_SECRET).update("nurly-kosh/public-lookup").digest();
  return createHmac("sha256", hmacKey).update(text).digest();
}

/**
 * Counts one attempt for a key in one atomic statement: a new row, or one more attempt in the current
 * window, or a fresh window once the old one has passed. Attempts while over the limit still count but
 * never move the window start, so waiting out the window always works.
 */
async function countAttempt(client: PrismaClient, key: string, limit: LookupLimit, now: Date) {
  const windowFloor = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const rows = await client.$queryRaw<{ attempts: number; windowStart: Date }[]>`
    INSERT INTO lookup_throttle (key, attempts, "windowStart")
    VALUES (${key}, 1, ${now}::timestamp)
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN lookup_throttle."windowStart" <= ${windowFloor}::timestamp THEN 1
                      ELSE LEAST(lookup_throttle.attempts + 1, 1000000) END,
      "windowStart" = CASE WHEN lookup_throttle."windowStart" <= ${windowFloor}::timestamp THEN EXCLUDED."windowStart"
                           ELSE lookup_throttle."windowStart" END
    RETURNING attempts, "windowStart"`;
  const row = rows[0];
  if (!row) throw new Error("lookup_throttle upsert returned no row");
  return { ...row, limit };
}

/**
 * Deletes counter rows whose windows (the longest in force) have all passed, every
 * LOOKUP_THROTTLE_PRUNE_EVERY lookups of this process.
 */
async function pruneThrottle(client: PrismaClient, limits: readonly LookupLimit[], now: Date): Promise<void> {
  lookupsSincePrune += 1;
  if (lookupsSincePrune < LOOKUP_THROTTLE_PRUNE_EVERY) return;
  lookupsSincePrune = 0;
  const cutoff = new Date(now.getTime() - throttleRetentionMinutes(limits) * 60_000);
  await client.lookupThrottle.deleteMany({ where: { windowStart: { lt: cutoff } } });
}

/** The family of a case number and its head's identifiers; always exactly one row (nulls when unknown). */
async function findCredentials(client: PrismaClient, caseNumber: string) {
  const rows = await client.$queryRaw<
    {
      familyId: number | null;
      regionId: string | null;
      headId: number | null;
      iin: string | null;
      birthDate: string | null;
    }[]
  >`
    SELECT f.id AS "familyId", f."targetRegionId" AS "regionId", h.id AS "headId", h.iin,
           to_char(h."birthDate", 'YYYY-MM-DD') AS "birthDate"
    FROM (SELECT 1) AS one
    LEFT JOIN family f ON f."caseNumber" = ${caseNumber}
    LEFT JOIN person h ON h."familyId" = f.id AND h."isHead"`;
  return rows[0] ?? { familyId: null, regionId: null, headId: null, iin: null, birthDate: null };
}

/**
 * Everything the view needs, in queries that run whatever the outcome: on a miss they are asked for ids
 * no row has, so that a wrong answer and an unknown case cost the same database work.
 */
async function loadViewData(client: PrismaClient, ids: { familyId: number; headId: number; regionId: string }) {
  const { familyId } = ids;
  const [family, region, head, members, documents, events, allocation, plan] = await Promise.all([
    client.family.findUnique({
      where: { id: familyId },
      select: {
        caseNumber: true,
        category: true,
        status: true,
        statusValidUntil: true,
        arrivalDate: true,
        createdAt: true,
      },
    }),
    client.region.findUnique({
      where: { id: ids.regionId },
      select: {
        id: true,
        nameKk: true,
        nameRu: true,
        nameEn: true,
        centreKk: true,
        centreRu: true,
        centreEn: true,
        ...EMPLOYMENT_CENTRE_SELECT,
      },
    }),
    client.person.findUnique({
      where: { id: ids.headId },
      select: { givenNameCyr: true, surnameCyr: true, givenNameLat: true, surnameLat: true },
    }),
    client.person.findMany({ where: { familyId }, orderBy: { position: "asc" }, select: { id: true } }),
    client.document.findMany({ where: { familyId }, select: { kind: true, personId: true, status: true } }),
    client.caseEvent.findMany({
      where: { familyId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { toStatus: true, at: true },
    }),
    client.allocation.findFirst({
      where: { familyId, status: "ACTIVE" },
      orderBy: { year: "desc" },
      select: { year: true, persons: true },
    }),
    client.adaptationPlan.findUnique({ where: { familyId }, select: { plannedArrival: true } }),
  ]);
  return family && region && head ? { family, region, head, members, documents, events, allocation, plan } : null;
}

type ViewData = NonNullable<Awaited<ReturnType<typeof loadViewData>>>;

function buildView(
  { family, region, head, members, documents, events, allocation, plan }: ViewData,
  now: Date,
): PublicCaseView {
  const { status, category } = family;
  const timeline = publicTimeline(events);
  const missing = missingDocuments({ status, category, members, documents });
  const isAllocated = showsAllocation(status);
  return {
    caseNumber: family.caseNumber,
    category,
    status,
    statusSince: timeline.find((step) => step.status === status)?.at ?? family.createdAt,
    headName: {
      cyr: publicName(head.givenNameCyr, head.surnameCyr),
      lat: head.givenNameLat.trim() ? publicName(head.givenNameLat, head.surnameLat) : null,
    },
    timeline,
    nextStep: publicNextStep({ status, missingDocuments: missing }),
    familyActions: familyActionsFor({
      status,
      category,
      missingDocuments: missing,
      statusValidUntil: family.statusValidUntil,
      today: programmeToday(now),
    }),
    missingDocuments: missing,
    statusValidUntil: showsStatusExpiry(category, status) ? family.statusValidUntil : null,
    allocation:
      isAllocated && allocation
        ? { year: allocation.year, pool: poolForCategory(category), persons: allocation.persons }
        : null,
    plannedArrival: isAllocated ? (plan?.plannedArrival ?? null) : null,
    arrivalDate: family.arrivalDate,
    region,
  };
}

/**
 * The public case status lookup (no account). Counts the attempt per client address and per case number
 * (one atomic upsert each, in PostgreSQL so the limits hold across app servers) against the limits in
 * force now (settings `lookup.perAddress`, `lookup.perCase`); over either limit the
 * answer is `limited` with the seconds until that window ends, and nothing is looked up. Otherwise finds
 * the case and compares the head's date of birth or IIN in constant time, doing the same queries whether
 * the case is unknown, the answer wrong or the input malformed (all three are the same `miss`). Every
 * lookup is audited as `public.lookup` without the entered date of birth or IIN.
 */
export async function lookupCaseStatus(
  input: { caseNumber: unknown; birthDate: unknown; iin: unknown; ip: string },
  options: PublicLookupOptions = {},
): Promise<PublicLookupOutcome> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const parsed = parseLookupInput(input);
  const secretKind =
    parsed?.secret.kind ?? (typeof input.iin === "string" && input.iin.trim() !== "" ? "iin" : "birthDate");

  const limits = await settingsInForce(["lookup.perAddress", "lookup.perCase"], now, client);
  const counters = await Promise.all([
    countAttempt(client, addressThrottleKey(input.ip), limits["lookup.perAddress"], now),
    countAttempt(
      client,
      caseThrottleKey(digest(caseThrottleText(input.caseNumber)).toString("hex")),
      limits["lookup.perCase"],
      now,
    ),
  ]);
  await pruneThrottle(client, [limits["lookup.perAddress"], limits["lookup.perCase"]], now);
  const over = counters.filter((counter) => isOverLimit(counter.attempts, counter.limit));
  if (over.length > 0) {
    const retryAfterSeconds = Math.max(
      ...over.map((counter) => secondsUntilWindowEnds(counter.windowStart, counter.limit, now)),
    );
    await recordAudit(
      { actor: null, action: "public.lookup", entity: "family", details: { outcome: "limited", secretKind } },
      client,
    );
    return { kind: "limited", retryAfterSeconds };
  }

  const found = await findCredentials(client, parsed?.caseNumber ?? PLACEHOLDER_CASE_NUMBER);
  let stored: string | null = null;
  if (parsed?.secret.kind === "iin" && found.iin) stored = `iin:${found.iin}`;
  if (parsed?.secret.kind === "birthDate" && found.birthDate) stored = `birthDate:${found.birthDate}`;
  const isSecretEqual = timingSafeEqual(
    digest(stored ?? NO_SECRET),
    digest(parsed ? secretText(parsed.secret) : MALFORMED),
  );
  const hit =
    isSecretEqual && stored !== null && found.familyId !== null && found.headId !== null && found.regionId !== null
      ? { familyId: found.familyId, headId: found.headId, regionId: found.regionId }
      : null;

  const reason = !parsed ? "malformed" : found.familyId === null ? "unknown-case" : "wrong-secret";
  // The audit entry is written alongside the view queries (it depends only on the comparison), which
  // saves a round trip on every lookup.
  const [data] = await Promise.all([
    loadViewData(client, hit ?? { familyId: NO_ID, headId: NO_ID, regionId: NO_REGION }),
    recordAudit(
      hit
        ? {
            actor: null,
            action: "public.lookup",
            entity: "family",
            entityId: hit.familyId,
            regionId: hit.regionId,
            details: { outcome: "hit", secretKind },
          }
        : { actor: null, action: "public.lookup", entity: "family", details: { outcome: "miss", secretKind, reason } },
      client,
    ),
  ]);
  // A family deleted between the two queries is gone: the answer is the miss (its audit entry still says hit).
  return hit && data ? { kind: "found", view: buildView(data, now) } : { kind: "miss" };
}
