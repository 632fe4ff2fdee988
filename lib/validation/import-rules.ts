import type { ImportRules } from "@/lib/domain/import/rows";
import { familyFieldsSchema } from "./family-form";
import { isStorableText } from "./storable-text";

/**
 * The registration form's rules as the import applies them (lib/domain/import/rows.ts): an imported
 * family comes in exactly when the form would take it, and its problems carry the form's messages.
 */
export const IMPORT_RULES: ImportRules = {
  isStorableText,
  checkFamily: (candidate) => familyFieldsSchema.safeParse(candidate).error?.issues ?? [],
};
