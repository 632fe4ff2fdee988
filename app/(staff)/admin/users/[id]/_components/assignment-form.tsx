"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { useIsHydrated } from "@/components/form-messages";
import type { SelectOption } from "@/components/ui/select-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import type { StaffRole } from "@/lib/domain/permissions";
import {
  staffAssignmentSchema,
  type StaffAssignmentFormValues,
  type StaffAssignmentInput,
} from "@/lib/validation/staff-account";
import { changeStaffAssignmentAction } from "../../actions";
import { RoleRegionFields } from "../../_components/role-region-fields";

/** A person's role and region; saved, it applies from the person's next page (sessions re-read the account). */
export function AssignmentForm({
  userId,
  role,
  regionId,
  regions,
}: {
  userId: number;
  role: StaffRole;
  regionId: string | null;
  regions: SelectOption[];
}) {
  const t = useTranslations("users.assignment");
  const router = useRouter();
  const isHydrated = useIsHydrated();
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StaffAssignmentFormValues, unknown, StaffAssignmentInput>({
    resolver: zodResolver(staffAssignmentSchema),
    defaultValues: { userId, role, regionId: regionId ?? "" },
  });
  const chosenRole = useWatch({ control, name: "role" });
  const { submit, message } = useActionForm({
    setError,
    action: () => changeStaffAssignmentAction(getValues()),
    onSuccess: ({ changed }) => {
      router.refresh();
      return changed ? t("saved") : t("unchanged");
    },
  });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-3 grid gap-4 sm:grid-cols-2">
      <p className="text-sm text-slate-600 sm:col-span-2">{t("help")}</p>
      <RoleRegionFields
        idPrefix="assignment"
        role={chosenRole}
        regions={regions}
        register={register}
        errors={errors}
        disabled={!isHydrated || isSubmitting}
      />
      <SubmitRow
        className="sm:col-span-2"
        label={t("submit")}
        busyLabel={t("submitting")}
        isSubmitting={isSubmitting}
        message={message}
      />
    </form>
  );
}
