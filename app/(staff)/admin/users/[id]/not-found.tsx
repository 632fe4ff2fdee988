import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function StaffMemberNotFound() {
  const t = await getTranslations("users.member");
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("notFoundBody")}</p>
      <Link href="/admin/users" className="mt-4 inline-block text-brand-700 hover:underline">
        {t("back")}
      </Link>
    </section>
  );
}
