"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { CaseStatus, TransitionRequirement } from "@/lib/domain/case-status";
import { MissingDocumentsList, type ChecklistTexts } from "./checklist-gate";
import { TransitionForm, draftKeyFor, type TransitionDraft } from "./transition-form";

/**
 * A step the user may take, with what the checklist still lacks before it and facts about it such as
 * the places left in the quota (both translated on the server).
 */
type Step = { to: CaseStatus; requires: TransitionRequirement[]; missing: string[]; notes: string[] };

const subscribeToNothing = () => () => undefined;

function parseDraft(raw: string | null): TransitionDraft | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as TransitionDraft;
  } catch {
    return null;
  }
}

/** Steps that end or shrink the case are drawn as warnings. */
const EXITS: readonly CaseStatus[] = ["REJECTED", "WITHDRAWN", "EXPIRED"];

/** The buttons of the steps the user may take; each opens a small form for the data it needs. */
export function WorkflowActions({
  familyId,
  version,
  from,
  steps,
  checklist,
  today,
}: {
  familyId: number;
  version: number;
  from: CaseStatus;
  steps: Step[];
  checklist: ChecklistTexts;
  /** Today in Kazakhstan (yyyy-mm-dd), the default of the forms' dates. */
  today: string;
}) {
  const t = useTranslations("workflow");
  const tStatus = useTranslations("status");
  const [openTo, setOpenTo] = useState<CaseStatus | null>(null);
  const [isDraftDismissed, setDraftDismissed] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Input kept while the session ended (see TransitionForm) comes back after signing in again.
  const rawDraft = useSyncExternalStore(
    subscribeToNothing,
    () => sessionStorage.getItem(draftKeyFor(familyId)),
    () => null,
  );
  const draft = useMemo(() => parseDraft(rawDraft), [rawDraft]);
  const pendingDraft = !isDraftDismissed && draft && steps.some((step) => step.to === draft.to) ? draft : null;
  const activeTo = openTo ?? pendingDraft?.to ?? null;

  function dismissDraft() {
    if (rawDraft === null || isDraftDismissed) return;
    sessionStorage.removeItem(draftKeyFor(familyId));
    setDraftDismissed(true);
  }

  // After a refresh the case may have moved on; a form for a step no longer offered closes.
  const open = steps.find((step) => step.to === activeTo) ?? null;

  return (
    <div className="mt-4">
      <p aria-live="polite" className="text-sm font-medium text-emerald-800" data-testid="workflow-done">
        {done}
      </p>
      {steps.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("noSteps")}</p>
      ) : (
        <div role="group" aria-label={t("nextSteps")} className="mt-2 flex flex-wrap gap-2">
          {steps.map((step) => (
            <Button
              key={step.to}
              type="button"
              variant={EXITS.includes(step.to) ? "danger" : activeTo === step.to ? "primary" : "secondary"}
              aria-expanded={activeTo === step.to}
              aria-controls={activeTo === step.to ? `workflow-form-${step.to}` : undefined}
              onClick={() => {
                setDone(null);
                dismissDraft();
                setOpenTo(activeTo === step.to ? null : step.to);
              }}
            >
              {t(`action.${step.to}`)}
            </Button>
          ))}
        </div>
      )}
      <MissingDocumentsList steps={steps} texts={checklist} />
      {open && (
        <TransitionForm
          key={open.to}
          familyId={familyId}
          version={version}
          from={from}
          to={open.to}
          requires={open.requires}
          override={open.missing.length > 0 ? checklist.override : null}
          today={today}
          notes={open.notes}
          restored={pendingDraft?.to === open.to ? pendingDraft.values : undefined}
          onCancel={() => {
            dismissDraft();
            setOpenTo(null);
          }}
          onDone={(status) => {
            dismissDraft();
            setOpenTo(null);
            setDone(t("done", { status: tStatus(status) }));
          }}
        />
      )}
    </div>
  );
}
