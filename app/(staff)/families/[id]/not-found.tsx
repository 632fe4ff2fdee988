import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function FamilyNotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("familyTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("familyBody")}</p>
      <Link href="/families" className="mt-4 inline-block text-brand-700 hover:underline">
        {t("backToFamilies")}
      </Link>
    </section>
  );
}
