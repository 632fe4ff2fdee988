import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A person's full name in both scripts, as the case page and the receipt print it. */
export const personNameSelect = {
  surnameCyr: true,
  givenNameCyr: true,
  patronymicCyr: true,
  surnameLat: true,
  givenNameLat: true,
  patronymicLat: true,
} satisfies Prisma.PersonSelect;
