"use server";
import { defineAction } from "@/lib/actions/action";
import { withdrawDocumentFile } from "@/lib/db/case-file/documents";
import { reversePayment } from "@/lib/db/case-file/payments";
import { extendStatus } from "@/lib/db/families/status-extension";
import { documentWithdrawalSchema } from "@/lib/validation/document-withdrawal";
import { paymentReversalSchema, statusExtensionSchema } from "@/lib/validation/lifecycle";

const casePage = (input: { familyId: number }) => [`/families/${input.familyId}`];

/** Extends a kandas status: a new last valid day under a decision, the status unchanged. */
export const extendStatusAction = defineAction({
  schema: statusExtensionSchema,
  permission: "case.decide",
  revalidate: casePage,
  run: async (input, user) => {
    const result = await extendStatus(user, input);
    return { familyId: input.familyId, version: result.version };
  },
});

/** Reverses a payment with a reason; the payment stays listed, no longer counted as paid. */
export const reversePaymentAction = defineAction({
  schema: paymentReversalSchema,
  permission: "family.edit",
  revalidate: casePage,
  run: async (input, user) => ({ familyId: input.familyId, ...(await reversePayment(user, input)) }),
});

/** Withdraws a document file with a reason; the file stays listed, no longer counted for the checklist. */
export const withdrawDocumentFileAction = defineAction({
  schema: documentWithdrawalSchema,
  permission: "family.edit",
  revalidate: casePage,
  run: async (input, user) => ({ familyId: input.familyId, ...(await withdrawDocumentFile(user, input)) }),
});
