import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { afterSignInPath, signInReason } from "@/lib/domain/redirect-target";
import { LanguageSwitcher } from "@/components/language-switcher";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

/** Same-site paths only, so the login page cannot be used as an open redirect. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = afterSignInPath(params.callbackUrl);
  // Someone who still has to set up a required second factor is signed in too: the page they go to sends them on.
  if (await currentUser({ duringEnrolment: true })) redirect(callbackUrl);
  const t = await getTranslations("login");
  const reason = signInReason(params.reason);
  // Set by the activation page once the person has chosen a password.
  const isPasswordSet = params.notice === "passwordSet";

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex justify-end">
        <LanguageSwitcher
          returnTo={`/login${callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`}`}
        />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        {isPasswordSet && (
          <p role="status" className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            {t("passwordSet")}
          </p>
        )}
        {reason && (
          <p role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t(`reason.${reason}`)}
          </p>
        )}
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
