"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useFieldMessage } from "@/components/form-messages";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { proposeTransferSchema, TRANSFER_REASON_MAX_LENGTH } from "@/lib/validation/transfer";
import { proposeTransferAction } from "../../../transfers/actions";

type ProposeValues = z.input<typeof proposeTransferSchema>;

/** Proposes the family's transfer: a target region, one of its districts, and the reason. */
export function ProposeTransferForm({
  familyId,
  regions,
  districts,
}: {
  familyId: number;
  regions: SelectOption[];
  districts: (SelectOption & { regionId: string })[];
}) {
  const t = useTranslations("transfers.case");
  const messageOf = useFieldMessage();
  const router = useRouter();
  const defaultValues: ProposeValues = { familyId, toRegionId: "", toDistrictId: "", reason: "" };
  const {
    register,
    handleSubmit,
    setError,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ProposeValues, unknown, z.output<typeof proposeTransferSchema>>({
    resolver: zodResolver(proposeTransferSchema),
    defaultValues,
  });
  const { submit, message } = useActionForm({
    setError,
    action: proposeTransferAction,
    onSuccess: () => {
      reset(defaultValues);
      router.refresh();
      return t("proposed");
    },
  });
  const regionId = useWatch({ control, name: "toRegionId" });

  return (
    <form onSubmit={handleSubmit(submit)} noValidate className="mt-4 space-y-3" aria-label={t("propose")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id="transfer-region"
          label={t("toRegion")}
          placeholder={t("chooseRegion")}
          options={regions}
          disabled={isSubmitting}
          error={messageOf(errors.toRegionId)}
          registration={register("toRegionId")}
        />
        <SelectField
          id="transfer-district"
          label={t("toDistrict")}
          placeholder={t("chooseDistrict")}
          options={districts.filter((district) => district.regionId === regionId)}
          disabled={isSubmitting || !regionId}
          error={messageOf(errors.toDistrictId)}
          registration={register("toDistrictId")}
        />
      </div>
      <TextAreaField
        id="transfer-reason"
        label={t("reason")}
        rows={2}
        maxLength={TRANSFER_REASON_MAX_LENGTH}
        disabled={isSubmitting}
        error={messageOf(errors.reason)}
        registration={register("reason")}
      />
      <SubmitRow label={t("propose")} busyLabel={t("proposing")} isSubmitting={isSubmitting} message={message} />
    </form>
  );
}
