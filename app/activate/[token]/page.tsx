import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { openAccountLink } from "@/lib/db/users/account-links";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ActivationForm } from "./_components/activation-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activation");
  // The token is in this page's address: it must not leave in a Referer header, nor be indexed.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/**
 * The page a one-time link opens, without a session: whose account it is (the name only, not the e-mail,
 * so that a leaked link alone does not give anyone the login) and the form to choose a password. A link
 * that does not work shows one page, whatever the reason (docs/decisions/014).
 */
export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await openAccountLink(token);
  const t = await getTranslations("activation");

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex justify-end">
        <LanguageSwitcher returnTo={`/activate/${encodeURIComponent(token)}`} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        {account ? (
          <>
            <h1 className="text-2xl font-semibold text-brand-900">{t("title")}</h1>
            <p className="mt-2 font-medium">{t("account", { name: account.fullName })}</p>
            <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
            <ActivationForm
              token={token}
              names={[account.fullName, account.fullNameLatin].filter((name): name is string => name !== null)}
            />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold text-brand-900">{t("invalidTitle")}</h1>
            <p className="mt-2 text-slate-700">{t("invalidBody")}</p>
            <Link href="/login" className="mt-4 inline-block text-brand-700 hover:underline">
              {t("toLogin")}
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
