"use server";
import { defineAction } from "@/lib/actions/action";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { transitionSchema } from "@/lib/validation/transition";

/**
 * Moves a case to another status. The form offers only the steps the role may take, but this is a
 * public endpoint: transitionFamily re-checks scope, version, transition, permission and required data.
 */
export const transitionFamilyAction = defineAction({
  schema: transitionSchema,
  permission: "case.transition",
  revalidate: (input) => [`/families/${input.familyId}`],
  async run(input, user) {
    const result = await transitionFamily(user, input);
    return { status: result.to, version: result.version };
  },
});
