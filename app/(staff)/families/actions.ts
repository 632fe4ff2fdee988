"use server";
import { defineAction } from "@/lib/actions/action";
import { registerFamily, updateFamily, type SaveResult } from "@/lib/db/families/save-family";
import { familyCreateSchema, familyUpdateSchema } from "@/lib/validation/family-form";

export const registerFamilyAction = defineAction({
  schema: familyCreateSchema,
  permission: "family.edit",
  revalidate: ["/families", "/"],
  run: (input, user): Promise<SaveResult> => registerFamily(user, input),
});

export const updateFamilyAction = defineAction({
  schema: familyUpdateSchema,
  permission: "family.edit",
  revalidate: ["/families"],
  // A bigger household may need more quota places than are left: refused with the figures, nothing saved.
  run: (input, user): Promise<SaveResult> => updateFamily(user, input),
});
