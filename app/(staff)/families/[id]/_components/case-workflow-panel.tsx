import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { missingDocumentsBeforeSteps } from "@/lib/db/families/checklist-gate";
import { quotaRoomForFamily, type QuotaRoom } from "@/lib/db/quotas/quota-room";
import { kazakhstanToday } from "@/lib/domain/benefits";
import { gatedStep } from "@/lib/domain/checklist-gate";
import { can } from "@/lib/domain/permissions";
import {
  allowedTransitions,
  isTerminalStatus,
  needsSettlementDocument,
  type CaseStatus,
} from "@/lib/domain/case-status";
import { programmeToday, validityState } from "@/lib/domain/status-validity";
import { requirementsFor } from "@/lib/validation/transition";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { ValidityMark } from "@/components/validity-mark";
import { WorkflowActions } from "./workflow-actions";

type WorkflowFamily = {
  id: number;
  status: CaseStatus;
  category: "KANDAS" | "SETTLER";
  statusValidUntil: Date | null;
  version: number;
  members: readonly { id: number; surnameCyr: string; givenNameCyr: string }[];
};

/**
 * The case's status, its kandas status expiry and the steps the signed-in user may take from here.
 * Offering a step is a convenience: the server action checks everything again.
 */
export async function CaseWorkflowPanel({ family }: { family: WorkflowFamily }) {
  const user = await requireUser();
  const t = await getTranslations();
  const format = await getFormatter();
  const targets = allowedTransitions(family.status, user.role, family.category);
  const [missing, room] = await Promise.all([
    missingDocumentsBeforeSteps(user, family.id, targets.filter(gatedStep)),
    targets.includes("QUOTA_ALLOCATED") ? quotaRoomForFamily(user, family.id) : null,
  ]);
  const quotaNotes = (quota: QuotaRoom) => {
    const pool = t(`category.${quota.pool}`);
    if (!quota.exists) return [t("casePage.quotaRoom.none", { pool, year: quota.year })];
    const { year, remaining, total, needed } = quota;
    const left = t("casePage.quotaRoom.left", { pool, year, remaining, total, needed });
    return quota.remaining < quota.needed ? [left, t("casePage.quotaRoom.notEnough")] : [left];
  };
  const memberName = new Map(
    family.members.map((member) => [member.id, `${member.surnameCyr} ${member.givenNameCyr}`]),
  );
  const steps = targets.map((to) => ({
    to,
    requires: requirementsFor(to).filter(
      (requirement) => requirement !== "settlementDocument" || needsSettlementDocument(to, family.category),
    ),
    notes: to === "QUOTA_ALLOCATED" && room ? quotaNotes(room) : [],
    missing: (missing[to] ?? []).map(({ kind, personId, needs }) => {
      const name = personId === null ? undefined : memberName.get(personId);
      const document = t(`casefile.documents.kind.${kind}`);
      return t(`checklistGate.need.${needs}`, {
        document: name ? t("casefile.documents.itemForMember", { document, name }) : document,
      });
    }),
  }));
  const isTerminal = isTerminalStatus(family.status);
  const validity =
    family.category === "KANDAS" && family.statusValidUntil
      ? validityState(family.statusValidUntil, programmeToday())
      : null;

  return (
    <Panel id="case-workflow" title={t("workflow.title")}>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        <div className="flex items-center gap-2 text-sm">
          <dt className="min-w-40 text-slate-500">{t("workflow.currentStatus")}</dt>
          <dd data-testid="workflow-status">
            <StatusBadge status={family.status} label={t(`status.${family.status}`)} />
          </dd>
        </div>
        {family.category === "KANDAS" && family.statusValidUntil && validity && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <dt className="min-w-40 text-slate-500">{t("workflow.validUntil")}</dt>
            <dd className="flex flex-wrap items-center gap-2" data-testid="workflow-valid-until">
              <span>{format.dateTime(family.statusValidUntil, { dateStyle: "medium", timeZone: "UTC" })}</span>
              {/* Once the family has arrived or the case has ended, the expiry no longer calls for action. */}
              {!isTerminal && (family.status === "APPROVED" || family.status === "QUOTA_ALLOCATED") && (
                <ValidityMark state={validity} />
              )}
            </dd>
          </div>
        )}
      </dl>
      {isTerminal ? (
        <p className="mt-3 text-sm text-slate-600">{t("workflow.terminal")}</p>
      ) : (
        <WorkflowActions
          familyId={family.id}
          version={family.version}
          from={family.status}
          steps={steps}
          checklist={{
            missingBefore: Object.fromEntries(
              targets.map((to) => [to, t("checklistGate.panel.missingBefore", { step: t(`workflow.action.${to}`) })]),
            ),
            override: can(user, "case.overrideChecklist")
              ? { label: t("checklistGate.form.overrideReason"), hint: t("checklistGate.form.overrideHint") }
              : null,
          }}
          today={kazakhstanToday()}
        />
      )}
    </Panel>
  );
}
