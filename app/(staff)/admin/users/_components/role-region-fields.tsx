"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { useFieldMessage } from "@/components/form-messages";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { hasRegion, ROLES, type StaffRole } from "@/lib/domain/permissions";

type RoleRegionValues = { role: StaffRole | ""; regionId: string };

/**
 * The role and, for coordinators and caseworkers, the region (national roles have none: the field is
 * left out and the server stores none), as the new-account form and the staff member's page ask them.
 */
export function RoleRegionFields<T extends RoleRegionValues>({
  idPrefix,
  role,
  regions,
  register,
  errors,
  disabled,
}: {
  idPrefix: string;
  role: StaffRole | "";
  regions: SelectOption[];
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  disabled: boolean;
}) {
  const t = useTranslations();
  const messageOf = useFieldMessage();
  // The generic form's fields are these two; react-hook-form's path types cannot see that through T.
  const registerField = register as unknown as UseFormRegister<RoleRegionValues>;
  const fieldErrors = errors as FieldErrors<RoleRegionValues>;
  return (
    <>
      <SelectField
        id={`${idPrefix}-role`}
        label={t("users.new.role")}
        required
        error={messageOf(fieldErrors.role)}
        disabled={disabled}
        registration={registerField("role")}
        options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        placeholder={t("users.new.rolePlaceholder")}
      />
      {role === "" ? null : hasRegion(role) ? (
        <SelectField
          id={`${idPrefix}-region`}
          label={t("users.new.region")}
          required
          error={messageOf(fieldErrors.regionId)}
          disabled={disabled}
          registration={registerField("regionId")}
          options={regions}
          placeholder={t("users.new.regionPlaceholder")}
        />
      ) : (
        <p className="self-end pb-8 text-sm text-slate-600">{t("users.new.regionNational")}</p>
      )}
    </>
  );
}
