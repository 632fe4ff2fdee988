import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { Actor } from "@/lib/domain/permissions";
import { staffState, type StaffState } from "@/lib/domain/staff-accounts";
import { assertCan } from "@/lib/db/scopes";
import type { StaffFilters } from "@/lib/validation/staff-filters";

/**
 * Rows per page of the staff list. Staff are at most a few thousand, so pages are numbered (an offset
 * of a few thousand rows costs nothing) and ordered by name, as an administrator looks people up.
 */
export const STAFF_PAGE_SIZE = 50;

function stateWhere(state: StaffState): Prisma.UserWhereInput {
  switch (state) {
    case "active":
      return { isActive: true, passwordHash: { not: null } };
    case "pending":
      return { isActive: true, passwordHash: null };
    case "deactivated":
      return { isActive: false };
  }
}

/** Escapes LIKE's wildcards, so that a search for "a_b" or "100%" finds those characters. */
function literalPattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Staff accounts for the administrator's list (other roles are refused), filtered by a search over the
 * names (Cyrillic and Latin) and the e-mail, role, region and state; one page of them by name. Never
 * returns hashes or second-factor secrets, only whether a password and a second factor are set.
 */
export async function listUsers(actor: Actor, filters: StaffFilters) {
  assertCan(actor, "users.manage");
  const page = filters.page ?? 1;
  const search = filters.q ? literalPattern(filters.q) : null;
  const where: Prisma.UserWhereInput = {
    ...(search && {
      OR: [
        { fullName: { contains: search, mode: "insensitive" } },
        { fullNameLatin: { contains: search, mode: "insensitive" } },
        { email: { contains: search, mode: "insensitive" } },
      ],
    }),
    ...(filters.role && { role: filters.role }),
    ...(filters.region && { regionId: filters.region }),
    ...(filters.state && stateWhere(filters.state)),
  };
  const rows = await db().user.findMany({
    where,
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    skip: (page - 1) * STAFF_PAGE_SIZE,
    // One more than a page tells whether there is a next one.
    take: STAFF_PAGE_SIZE + 1,
    select: {
      id: true,
      email: true,
      fullName: true,
      fullNameLatin: true,
      role: true,
      isActive: true,
      passwordHash: true,
      lastLoginAt: true,
      mfaEnabledAt: true,
      region: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  const items = rows.slice(0, STAFF_PAGE_SIZE).map(({ passwordHash, mfaEnabledAt, ...user }) => ({
    ...user,
    state: staffState({ isActive: user.isActive, hasPassword: passwordHash !== null }),
    hasSecondFactor: mfaEnabledAt !== null,
  }));
  await recordAudit({
    actor,
    action: "user.list",
    entity: "user",
    details: { filters: { ...filters, page }, shown: items.length },
  });
  return { items, page, hasNextPage: rows.length > STAFF_PAGE_SIZE };
}

export type StaffUserRow = Awaited<ReturnType<typeof listUsers>>["items"][number];
