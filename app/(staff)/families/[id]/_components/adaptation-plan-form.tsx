"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { adaptationPlanSchemaFor } from "@/lib/validation/case-file";
import { saveAdaptationPlanAction } from "../actions-case-file";

type PlanSchema = ReturnType<typeof adaptationPlanSchemaFor>;
type PlanValues = z.input<PlanSchema>;

export type PlanDefaults = {
  plannedArrival: string;
  transport: string;
  membersArriving: string;
  housing: string;
  job: string;
  training: string;
  /** updatedAt of the plan the form shows (ISO), null when there is none yet. */
  loadedAt: string | null;
};

const TEXT_AREAS = ["housing", "job", "training"] as const;

/** The individual adaptation plan; the server refuses a save over a colleague's newer one. */
export function AdaptationPlanForm({
  familyId,
  familySize,
  defaults,
}: {
  familyId: number;
  familySize: number;
  defaults: PlanDefaults;
}) {
  const t = useTranslations("casefile.plan");
  const messageOf = useFieldMessage();
  const schema = useMemo(() => adaptationPlanSchemaFor(familySize), [familySize]);
  const [loadedAt, setLoadedAt] = useState(defaults.loadedAt);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PlanValues, unknown, z.output<PlanSchema>>({
    resolver: zodResolver(schema),
    defaultValues: { familyId, ...defaults },
  });

  const { submit, message } = useActionForm({
    setError,
    action: (values: z.output<PlanSchema>) => saveAdaptationPlanAction({ ...values, loadedAt }),
    onSuccess: (data) => {
      setLoadedAt(data.updatedAt);
      return t("saved");
    },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 space-y-3" aria-label={t("title")}>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          id="plan-arrival"
          type="date"
          label={t("plannedArrival")}
          error={messageOf(errors.plannedArrival)}
          disabled={isSubmitting}
          registration={register("plannedArrival")}
        />
        <TextField
          id="plan-transport"
          label={t("transport")}
          error={messageOf(errors.transport)}
          disabled={isSubmitting}
          registration={register("transport")}
          maxLength={200}
        />
        <TextField
          id="plan-members"
          type="number"
          inputMode="numeric"
          min={1}
          max={familySize}
          label={t("membersArriving", { count: familySize })}
          error={messageOf(errors.membersArriving)}
          disabled={isSubmitting}
          registration={register("membersArriving")}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {TEXT_AREAS.map((field) => {
          return (
            <TextAreaField
              key={field}
              id={`plan-${field}`}
              label={t(field)}
              rows={3}
              maxLength={1000}
              disabled={isSubmitting}
              error={messageOf(errors[field])}
              registration={register(field)}
            />
          );
        })}
      </div>
      <SubmitRow label={t("save")} busyLabel={t("saving")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
