"use client";

import { useTranslations } from "next-intl";

export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section role="alert" className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("pageTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("pageBody", { reference: error.digest ?? "—" })}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm text-white">
        {t("retry")}
      </button>
    </section>
  );
}
