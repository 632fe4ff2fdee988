import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/config";
import { setLocale } from "@/lib/i18n/set-locale";

/** Language switch as plain forms, so it works without JavaScript; the current language is marked. */
export async function LanguageSwitcher({ returnTo }: { returnTo: string }) {
  const locale = await getLocale();
  const t = await getTranslations("language");
  return (
    <div role="group" aria-label={t("label")} className="flex gap-1">
      {LOCALES.map((option) => (
        <form key={option} action={setLocale}>
          <input type="hidden" name="locale" value={option} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <button
            type="submit"
            lang={option}
            aria-pressed={option === locale}
            className={`rounded px-2 py-1 text-xs font-semibold ${option === locale ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-200"}`}
          >
            {t(option)}
          </button>
        </form>
      ))}
    </div>
  );
}
