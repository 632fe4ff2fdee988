"use server";
import { defineAction } from "@/lib/actions/action";
import { saveAdaptationPlan } from "@/lib/db/case-file/adaptation-plan";
import { setDocumentStatus } from "@/lib/db/case-file/documents";
import { addNote } from "@/lib/db/case-file/notes";
import { recordPayment } from "@/lib/db/case-file/payments";
import { adaptationPlanSchema, documentStatusSchema, noteSchema, paymentSchema } from "@/lib/validation/case-file";

/** The case page shows what changed. */
const caseFilePage = (input: { familyId: number }) => [`/families/${input.familyId}`];

/** Marks a checklist item missing, received or verified. */
export const setDocumentStatusAction = defineAction({
  schema: documentStatusSchema,
  permission: "family.edit",
  revalidate: caseFilePage,
  run: async (input, user) => ({ familyId: input.familyId, ...(await setDocumentStatus(user, input)) }),
});

/** Saves the adaptation plan; more members arriving than the family's quota has places for is refused beside the field. */
export const saveAdaptationPlanAction = defineAction({
  schema: adaptationPlanSchema,
  permission: "family.edit",
  revalidate: caseFilePage,
  run: async (input, user) => ({
    familyId: input.familyId,
    updatedAt: (await saveAdaptationPlan(user, input)).updatedAt.toISOString(),
  }),
});

/** Records a support payment. */
export const recordPaymentAction = defineAction({
  schema: paymentSchema,
  permission: "family.edit",
  revalidate: caseFilePage,
  run: async (input, user) => ({ familyId: input.familyId, ...(await recordPayment(user, input)) }),
});

/** Adds a case note. */
export const addNoteAction = defineAction({
  schema: noteSchema,
  permission: "family.edit",
  revalidate: caseFilePage,
  run: async (input, user) => ({ familyId: input.familyId, id: (await addNote(user, input)).id }),
});
