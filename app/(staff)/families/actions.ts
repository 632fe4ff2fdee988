"use server";
import { getFormatter } from "next-intl/server";
import { defineAction, UserFacingError } from "@/lib/actions/action";
import {
  FieldReferenceError,
  IinTakenError,
  PossibleDuplicatesError,
  SamePersonConfirmedError,
  VersionConflictError,
} from "@/lib/db/families/errors";
import { registerFamily, updateFamily, type SaveResult } from "@/lib/db/families/save-family";
import { familyCreateSchema, familyUpdateSchema } from "@/lib/validation/family-form";
import { withAllocationRefusal } from "./_lib/allocation-refusal";

/** Turns the data layer's refusals into messages at the right fields. */
async function explain(error: unknown): Promise<never> {
  if (error instanceof IinTakenError) {
    const fieldErrors = Object.fromEntries(
      error.conflicts.map((conflict) => [
        `members.${conflict.index}.iin`,
        conflict.caseNumber
          ? { key: "familyForm.errors.iinTaken", values: { caseNumber: conflict.caseNumber } }
          : "familyForm.errors.iinTakenHidden",
      ]),
    );
    throw new UserFacingError("invalidInput", {}, fieldErrors);
  }
  if (error instanceof PossibleDuplicatesError) {
    throw new UserFacingError("familyForm.errors.possibleDuplicates", {}, undefined, { duplicates: error.candidates });
  }
  if (error instanceof SamePersonConfirmedError) {
    throw error.caseNumber
      ? new UserFacingError("familyForm.errors.samePerson", { caseNumber: error.caseNumber })
      : new UserFacingError("familyForm.errors.samePersonHidden");
  }
  if (error instanceof VersionConflictError) {
    const format = await getFormatter();
    throw new UserFacingError("familyForm.errors.versionConflict", {
      who: error.updatedBy,
      when: format.dateTime(error.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
    });
  }
  if (error instanceof FieldReferenceError) {
    throw new UserFacingError("invalidInput", {}, { [error.field]: error.messageKey });
  }
  throw error;
}

export const registerFamilyAction = defineAction({
  schema: familyCreateSchema,
  roles: ["ADMIN", "COORDINATOR", "CASEWORKER"],
  revalidate: ["/families", "/"],
  run: (input, user): Promise<SaveResult> => registerFamily(user, input).catch(explain),
});

export const updateFamilyAction = defineAction({
  schema: familyUpdateSchema,
  roles: ["ADMIN", "COORDINATOR", "CASEWORKER"],
  revalidate: ["/families"],
  // A bigger household may need more quota places than are left: refused with the figures, nothing saved.
  run: (input, user): Promise<SaveResult> => withAllocationRefusal(() => updateFamily(user, input)).catch(explain),
});
