import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { localName, toLocale } from "@/lib/i18n/config";
import { Panel } from "@/components/ui/panel";
import { OwnPasswordForm } from "./_components/own-password-form";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The signed-in person's own account: who they are in the system, their password and second factor. */
export default async function AccountPage() {
  const user = await requirePermission("account.own");
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const facts: [string, string][] = [
    [t("users.name"), user.fullName],
    [t("users.email"), user.email],
    [t("users.role"), t(`role.${user.role}`)],
    [t("users.region"), user.region ? localName(user.region, locale) : t("region.national")],
  ];

  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
      <Panel id="account-details" title={t("account.details")}>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-2 text-sm">
              <dt className="min-w-32 text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel id="account-password" title={t("account.password.title")}>
        <OwnPasswordForm email={user.email} names={[user.fullName]} />
      </Panel>
      <Panel id="account-second-factor" title={t("secondFactor.nav")}>
        <p className="mt-2 text-sm">
          {t(user.hasSecondFactor ? "secondFactor.account.on" : "secondFactor.account.off")}
        </p>
        <Link href="/account/second-factor" className="mt-2 inline-block text-sm text-brand-700 underline">
          {t("secondFactor.account.manage")}
        </Link>
      </Panel>
    </article>
  );
}
