import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/config";
import { emptyMember } from "@/lib/validation/family-form";
import { familyFormOptions } from "../_lib/form-options";
import { NewFamilyForm } from "./_components/new-family-form";

export async function generateMetadata() {
  const t = await getTranslations("familyForm");
  return { title: t("newTitle") };
}

export default async function NewFamilyPage() {
  const user = await requirePermission("family.edit");
  const t = await getTranslations("familyForm");
  const options = await familyFormOptions(user, toLocale(await getLocale()));
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("newTitle")}</h1>
      <NewFamilyForm
        options={options}
        defaultValues={{
          category: "KANDAS",
          originCountry: "",
          originRegionId: "",
          targetRegionId: user.regionId ?? "",
          targetDistrictId: "",
          contactPhone: "",
          contactEmail: "",
          address: "",
          applicationDate: new Date().toISOString().slice(0, 10),
          members: [emptyMember(true)],
          acknowledgeIinWarnings: false,
          duplicateDecisions: [],
        }}
      />
    </section>
  );
}
