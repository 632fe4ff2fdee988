"use client";

import { useState } from "react";
import { FamilyForm, type FamilyFormOptions } from "../../_components/family-form";
import { registerFamilyAction } from "../../actions";
import type { FamilyFormValues } from "@/lib/validation/family-form";

/** Registration: one key per form instance, so a double click or a retry creates one family. */
export function NewFamilyForm({
  defaultValues,
  options,
}: {
  defaultValues: FamilyFormValues;
  options: FamilyFormOptions;
}) {
  const [registrationKey] = useState(() => crypto.randomUUID());
  return (
    <FamilyForm
      defaultValues={defaultValues}
      options={options}
      draftKey="nk-draft:new-family"
      cancelHref="/families"
      submit={(values) => registerFamilyAction({ ...values, registrationKey })}
    />
  );
}
