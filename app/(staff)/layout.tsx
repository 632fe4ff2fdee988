import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { localName, toLocale } from "@/lib/i18n/config";
import { navigationFor } from "@/lib/navigation";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const locale = toLocale(await getLocale());
  const t = await getTranslations();
  const currentPath = (await headers()).get("x-pathname") ?? "/";

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-900">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.label")} className="flex flex-wrap gap-1">
            {navigationFor(user.role).map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {t(`nav.${item.labelKey}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="current-user" className="text-slate-700">
              <span className="font-medium">{user.fullName}</span>
              {" · "}
              {t(`role.${user.role}`)}
              {" · "}
              {user.region ? localName(user.region, locale) : t("region.national")}
            </span>
            <LanguageSwitcher returnTo={currentPath} />
            <Link href="/account/second-factor" className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-200">
              {t("secondFactor.nav")}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
