"use server";
import { defineAction } from "@/lib/actions/action";
import { reassignAllCases } from "@/lib/db/work/assignment";
import { reassignAllSchema } from "@/lib/validation/work";

/** Moves every open case of one caseworker to another of the region (someone leaves or is away). */
export const reassignAllCasesAction = defineAction({
  schema: reassignAllSchema,
  permission: "case.assign",
  revalidate: () => ["/"],
  run: async (input, user) => reassignAllCases(user, input),
});
