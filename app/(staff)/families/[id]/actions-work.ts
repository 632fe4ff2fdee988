"use server";
import { defineAction } from "@/lib/actions/action";
import { reassignCase } from "@/lib/db/work/assignment";
import { completeTask, createTask } from "@/lib/db/work/tasks";
import { completeTaskSchema, reassignSchema, taskSchema } from "@/lib/validation/work";

/** The case page and the home page (My work) show what changed. */
const pages = (input: { familyId: number }) => [`/families/${input.familyId}`, "/"];

/** Adds a task with a due date to the case. */
export const createTaskAction = defineAction({
  schema: taskSchema,
  permission: "family.edit",
  revalidate: pages,
  run: async (input, user) => ({ familyId: input.familyId, id: (await createTask(user, input)).id }),
});

/** Marks a task done; it then appears in the case's history. */
export const completeTaskAction = defineAction({
  schema: completeTaskSchema,
  permission: "family.edit",
  revalidate: pages,
  run: async (input, user) => ({ familyId: input.familyId, ...(await completeTask(user, input)) }),
});

/** Assigns the case to another caseworker of its region. */
export const reassignCaseAction = defineAction({
  schema: reassignSchema,
  permission: "case.assign",
  revalidate: pages,
  run: async (input, user) => ({ familyId: input.familyId, ...(await reassignCase(user, input)) }),
});
