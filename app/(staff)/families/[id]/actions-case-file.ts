"use server";
import { revalidatePath } from "next/cache";
import { defineAction, type ActionResult } from "@/lib/actions/action";
import { saveAdaptationPlan } from "@/lib/db/case-file/adaptation-plan";
import { setDocumentStatus } from "@/lib/db/case-file/documents";
import { addNote } from "@/lib/db/case-file/notes";
import { recordPayment } from "@/lib/db/case-file/payments";
import { adaptationPlanSchema, documentStatusSchema, noteSchema, paymentSchema } from "@/lib/validation/case-file";
import { withAllocationRefusal } from "../_lib/allocation-refusal";
import { withRules } from "./case-file-messages";

// Analysts never reach a family (familyScope gives them none); the role list keeps them out early.
const CASE_ROLES: ("ADMIN" | "COORDINATOR" | "CASEWORKER")[] = ["ADMIN", "COORDINATOR", "CASEWORKER"];

/** The family page shows what changed; its path depends on the input, so defineAction's static list cannot name it. */
function revalidated<T extends { familyId: number }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(`/families/${result.data.familyId}`);
  return result;
}

const setDocumentStatusInner = defineAction({
  schema: documentStatusSchema,
  roles: CASE_ROLES,
  run: async (input, user) => ({ familyId: input.familyId, ...(await withRules(() => setDocumentStatus(user, input))) }),
});

/** Marks a checklist item missing, received or verified. */
export async function setDocumentStatusAction(input: unknown) {
  return revalidated(await setDocumentStatusInner(input));
}

const savePlanInner = defineAction({
  schema: adaptationPlanSchema,
  roles: CASE_ROLES,
  run: async (input, user) => {
    // More members arriving than the family's quota has places for: refused beside the field.
    const saved = await withAllocationRefusal(() => withRules(() => saveAdaptationPlan(user, input)), "membersArriving");
    return { familyId: input.familyId, updatedAt: saved.updatedAt.toISOString() };
  },
});

/** Saves the adaptation plan. */
export async function saveAdaptationPlanAction(input: unknown) {
  return revalidated(await savePlanInner(input));
}

const recordPaymentInner = defineAction({
  schema: paymentSchema,
  roles: CASE_ROLES,
  run: async (input, user) => ({ familyId: input.familyId, ...(await withRules(() => recordPayment(user, input))) }),
});

/** Records a support payment. */
export async function recordPaymentAction(input: unknown) {
  return revalidated(await recordPaymentInner(input));
}

const addNoteInner = defineAction({
  schema: noteSchema,
  roles: CASE_ROLES,
  run: async (input, user) => ({ familyId: input.familyId, id: (await addNote(user, input)).id }),
});

/** Adds a case note. */
export async function addNoteAction(input: unknown) {
  return revalidated(await addNoteInner(input));
}
