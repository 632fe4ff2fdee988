import { z } from "zod";
import {
  CASE_STATUSES,
  DECISION_NUMBER_MAX_LENGTH,
  SETTLEMENT_DOCUMENTS,
  SETTLEMENT_NUMBER_MAX_LENGTH,
  TRANSITIONS,
  type CaseStatus,
  type TransitionRequirement,
} from "@/lib/domain/case-status";
import { storableString } from "./storable-text";

/** Longest reason (rejection, withdrawal) kept with the case event. */
export const REASON_MAX_LENGTH = 2000;

/** What a move to `to` needs, whatever the current status (the table attaches requirements to the target). */
export function requirementsFor(to: CaseStatus): TransitionRequirement[] {
  return [...new Set(TRANSITIONS.filter((t) => t.to === to).flatMap((t) => t.requires))];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A day after tomorrow in UTC is in the future everywhere in Kazakhstan, whatever the clocks of browser and server. */
function isAfterTomorrow(value: string, now: Date): boolean {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return new Date(`${value}T00:00:00.000Z`).getTime() > tomorrow.getTime();
}

/**
 * A status change of a case, as the workflow form sends it and the server action parses it. Only the
 * data the target status needs is checked as required; the server checks the transition itself again
 * against the case's current status and the user's role. Messages are catalogue keys: bare ones under
 * `validation`, dotted ones full paths (`workflow.validation.*`).
 */
export const transitionSchema = z
  .object({
    familyId: z.number().int().positive(),
    version: z.number().int().positive(),
    to: z.enum(CASE_STATUSES),
    reason: storableString().trim().max(REASON_MAX_LENGTH, "tooLong").optional(),
    decisionNumber: storableString().trim().max(DECISION_NUMBER_MAX_LENGTH, "tooLong").optional(),
    decisionDate: storableString().trim().optional(),
    arrivalDate: storableString().trim().optional(),
    /** A coordinator's reason to take the step although required documents are missing (the checklist gate). */
    overrideReason: storableString().trim().max(REASON_MAX_LENGTH, "tooLong").optional(),
    /** Citizenship or residence permit that closes a kandas case; whether it is needed depends on the category, which the server knows. */
    settlementDocument: z.enum(SETTLEMENT_DOCUMENTS).optional(),
    settlementNumber: storableString().trim().max(SETTLEMENT_NUMBER_MAX_LENGTH, "tooLong").optional(),
    settlementDate: storableString().trim().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const requires = requirementsFor(value.to);
    const now = new Date();
    const requireDay = (field: "decisionDate" | "arrivalDate" | "settlementDate") => {
      const day = value[field] ?? "";
      if (day === "") ctx.addIssue({ code: "custom", path: [field], message: "required" });
      else if (!isRealDay(day)) ctx.addIssue({ code: "custom", path: [field], message: "workflow.validation.date" });
      else if (isAfterTomorrow(day, now))
        ctx.addIssue({ code: "custom", path: [field], message: "workflow.validation.futureDate" });
    };
    if (requires.includes("reason") && !value.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
    if (requires.includes("decision")) {
      if (!value.decisionNumber) ctx.addIssue({ code: "custom", path: ["decisionNumber"], message: "required" });
      requireDay("decisionDate");
    }
    if (requires.includes("arrivalDate")) requireDay("arrivalDate");
    // A settler closes without a document (the server knows the category); what is given must be sound.
    if (requires.includes("settlementDocument") && value.settlementDate) requireDay("settlementDate");
  });

export type TransitionFormInput = z.input<typeof transitionSchema>;
export type TransitionFormData = z.output<typeof transitionSchema>;
