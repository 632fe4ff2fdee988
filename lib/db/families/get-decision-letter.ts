import "server-only";
import { db } from "@/lib/db/client";
import { auditFamilyView } from "@/lib/db/audit";
import { personNameSelect } from "@/lib/db/families/person-name-select";
import { familyScopeWhere } from "@/lib/db/scopes";
import { notFoundError } from "@/lib/domain/app-error";
import { EMPLOYMENT_CENTRE_SELECT } from "@/lib/domain/employment-centre";
import { caseDecision } from "@/lib/domain/family-papers";
import type { Actor } from "@/lib/domain/permissions";

const fullName = (...parts: (string | null)[]) => parts.filter(Boolean).join(" ");

/**
 * The decision letter of a case: the decision (approval with its number and date, or refusal with its
 * day and reason), the family (head's name and address, number of members), the category and the
 * region with its employment centre. A family outside the actor's scope raises notFoundError, audited
 * like every view; a case without a decision yet has no letter (notFoundError, nothing shown, so
 * nothing audited).
 */
export async function getDecisionLetter(actor: Actor, familyId: number) {
  const found = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: {
      id: true,
      caseNumber: true,
      category: true,
      status: true,
      decisionNumber: true,
      decisionDate: true,
      address: true,
      targetRegion: {
        select: { id: true, nameKk: true, nameRu: true, nameEn: true, ...EMPLOYMENT_CENTRE_SELECT },
      },
      members: { where: { isHead: true }, take: 1, select: personNameSelect },
      _count: { select: { members: true } },
      events: {
        where: { toStatus: "REJECTED" },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { toStatus: true, at: true, reason: true },
      },
    },
  });
  const decision = found && caseDecision(found);
  if (found && !decision) throw notFoundError("decision");
  const family = await auditFamilyView(actor, "family.decision-letter.view", familyId, found);
  if (!decision) throw notFoundError("decision");
  const head = family.members[0];
  return {
    familyId: family.id,
    caseNumber: family.caseNumber,
    category: family.category,
    decision,
    headName: head ? fullName(head.surnameCyr, head.givenNameCyr, head.patronymicCyr) : null,
    address: family.address,
    persons: family._count.members,
    region: family.targetRegion,
  };
}

export type DecisionLetter = Awaited<ReturnType<typeof getDecisionLetter>>;
