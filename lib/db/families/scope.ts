import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { familyScope, type Actor } from "@/lib/domain/access";

/**
 * The `where` fragment that limits families to the actor's scope. Every family query in lib/db goes
 * through it, so a caller that forgets a check still cannot reach another region's rows.
 */
export function familyScopeWhere(actor: Actor): Prisma.FamilyWhereInput {
  const scope = familyScope(actor);
  switch (scope.kind) {
    case "all":
      return {};
    case "region":
      return { targetRegionId: scope.regionId };
    case "none":
      // An impossible condition: analysts and regional roles without a region see no family.
      return { id: -1 };
  }
}
