import { z } from "zod";
import { storableString } from "./storable-text";

// Messages are catalogue keys: a bare key lives under `validation`, a dotted one is a full key (work.json).

const id = z.coerce.number().int().positive().max(2_147_483_647);
const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null));
const reason = z.preprocess(emptyToNull, storableString().trim().max(1000, "tooLong").nullable());

/** A task written by hand on the case page. */
export const taskSchema = z.object({
  familyId: id,
  title: storableString("required").trim().min(1, "required").max(200, "tooLong"),
  dueDate: storableString("required")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "work.validation.dueDate")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return (
        !Number.isNaN(date.getTime()) &&
        date.toISOString().slice(0, 10) === value &&
        value >= "2000-01-01" &&
        value <= "2100-12-31"
      );
    }, "work.validation.dueDate"),
});
export type TaskInput = z.infer<typeof taskSchema>;

/** Mark one task of a case done. */
export const completeTaskSchema = z.object({ familyId: id, taskId: id });

/** Assign one case to another caseworker. */
export const reassignSchema = z.object({ familyId: id, toUserId: id, reason });

/** Assign every open case of one person to another caseworker. */
export const reassignAllSchema = z.object({ fromUserId: id, toUserId: id, reason });
