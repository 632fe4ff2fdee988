import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listRegions } from "@/lib/db/regions";
import { localName, toLocale } from "@/lib/i18n/config";
import { NewStaffForm } from "./_components/new-staff-form";

export async function generateMetadata() {
  const t = await getTranslations("users.new");
  return { title: t("title") };
}

export default async function NewStaffPage() {
  await requirePermission("users.manage");
  const [regions, t, locale] = await Promise.all([listRegions(), getTranslations("users.new"), getLocale()]);
  const collator = new Intl.Collator(locale);
  const options = regions
    .map((region) => ({ value: region.id, label: localName(region, toLocale(locale)) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <NewStaffForm regions={options} />
    </section>
  );
}
