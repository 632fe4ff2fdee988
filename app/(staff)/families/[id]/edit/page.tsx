import { notFound } from "next/navigation";
import { can } from "@/lib/domain/permissions";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { idFromUrl, orNotFound } from "@/lib/page-data";
import { getFamily } from "@/lib/db/families/get-family";
import { toLocale } from "@/lib/i18n/config";
import type { MemberFormValues } from "@/lib/validation/family-form";
import { familyFormOptions } from "../../_lib/form-options";
import { EditFamilyForm } from "./_components/edit-family-form";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export async function generateMetadata() {
  const t = await getTranslations("familyForm");
  return { title: t("edit") };
}

export default async function EditFamilyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!can(user, "family.edit")) notFound();
  const family = await orNotFound(getFamily(user, idFromUrl((await params).id)));
  const t = await getTranslations("familyForm");
  const options = await familyFormOptions(user, toLocale(await getLocale()));
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("editTitle", { caseNumber: family.caseNumber })}</h1>
      <EditFamilyForm
        familyId={family.id}
        version={family.version}
        options={options}
        defaultValues={{
          category: family.category,
          originCountry: family.originCountry ?? "",
          originRegionId: family.originRegion?.id ?? "",
          targetRegionId: family.targetRegion.id,
          targetDistrictId: family.targetDistrict ? String(family.targetDistrict.id) : "",
          contactPhone: family.contactPhone ?? "",
          contactEmail: family.contactEmail ?? "",
          address: family.address ?? "",
          applicationDate: isoDay(family.applicationDate),
          acknowledgeIinWarnings: false,
          duplicateDecisions: [],
          members: family.members.map((member): MemberFormValues => ({
            personId: member.id,
            isHead: member.isHead,
            relationship: member.relationship,
            surnameCyr: member.surnameCyr,
            givenNameCyr: member.givenNameCyr,
            patronymicCyr: member.patronymicCyr ?? "",
            surnameLat: member.surnameLat,
            givenNameLat: member.givenNameLat,
            patronymicLat: member.patronymicLat ?? "",
            birthDate: isoDay(member.birthDate),
            sex: member.sex,
            iin: member.iin ?? "",
            citizenship: member.citizenship,
            education: member.education ?? "",
            profession: member.profession ?? "",
          })),
        }}
      />
    </section>
  );
}
