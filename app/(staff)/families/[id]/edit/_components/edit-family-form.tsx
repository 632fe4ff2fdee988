"use client";

import { FamilyForm, type FamilyFormOptions } from "../../../_components/family-form";
import { updateFamilyAction } from "../../../actions";
import type { FamilyFormValues } from "@/lib/validation/family-form";

/** Editing carries the version the page was loaded with; a newer save elsewhere is refused. */
export function EditFamilyForm({
  familyId,
  version,
  defaultValues,
  options,
}: {
  familyId: number;
  version: number;
  defaultValues: FamilyFormValues;
  options: FamilyFormOptions;
}) {
  return (
    <FamilyForm
      defaultValues={defaultValues}
      options={options}
      draftKey={`nk-draft:family-${familyId}`}
      cancelHref={`/families/${familyId}`}
      submit={(values) => updateFamilyAction({ ...values, familyId, version })}
    />
  );
}
