import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { localName, toLocale } from "@/lib/i18n/config";
import { currentNavHref, navigationFor } from "@/lib/navigation";
import { FlashProvider } from "@/components/flash";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const locale = toLocale(await getLocale());
  const t = await getTranslations();
  const currentPath = (await headers()).get("x-pathname") ?? "/";
  const navigation = navigationFor(user.role);
  const current = currentNavHref(navigation, currentPath);

  return (
    <div className="min-h-screen">
      {/* The first thing a keyboard reaches: past the navigation to the page itself. */}
      <a
        href="#main-content"
        className="sr-only rounded bg-white px-3 py-2 text-sm font-medium text-brand-900 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        {t("workQueues.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-900">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.label")} className="flex flex-wrap gap-1">
            {navigation.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={item.href === current ? "page" : undefined}
                className="rounded px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-900 aria-[current=page]:underline"
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
            <Link href="/account" className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-200">
              {t("account.link")}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        <FlashProvider>{children}</FlashProvider>
      </main>
    </div>
  );
}
