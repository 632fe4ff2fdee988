"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action";
import { explainTransitionError } from "@/lib/actions/transition-errors";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { transitionSchema } from "@/lib/validation/transition";

/**
 * Moves a case to another status. The form offers only the steps the role may take, but this is a
 * public endpoint: transitionFamily re-checks scope, version, transition, role and required data.
 */
export const transitionFamilyAction = defineAction({
  schema: transitionSchema,
  roles: ["ADMIN", "COORDINATOR", "CASEWORKER"],
  async run(input, user) {
    const result = await transitionFamily(user, input).catch(explainTransitionError);
    revalidatePath(`/families/${result.familyId}`);
    return { status: result.to, version: result.version };
  },
});
