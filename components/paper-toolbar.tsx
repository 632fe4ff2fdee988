import Link from "next/link";
import { PrintButton } from "@/components/print-button";

type PaperLanguage = { code: string; label: string; href: string; isCurrent: boolean };

/**
 * The screen-only bar above a printable paper: back to the case, the paper's language (Kazakh or
 * Russian, chosen here, not by the interface language) and Print. Hidden when printed.
 */
export function PaperToolbar(props: {
  backHref: string;
  backLabel: string;
  languageLabel: string;
  languages: PaperLanguage[];
  printLabel: string;
}) {
  return (
    <div className="no-print flex flex-wrap items-center gap-3">
      <Link href={props.backHref} className="text-sm text-brand-700 hover:underline">
        ← {props.backLabel}
      </Link>
      <nav aria-label={props.languageLabel} className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">{props.languageLabel}:</span>
        {props.languages.map((language) => (
          <Link
            key={language.code}
            href={language.href}
            hrefLang={language.code}
            lang={language.code}
            aria-current={language.isCurrent ? "true" : undefined}
            className={
              language.isCurrent
                ? "rounded-md bg-slate-200 px-2 py-1 font-semibold text-slate-900"
                : "rounded-md px-2 py-1 text-brand-700 hover:underline"
            }
          >
            {language.label}
          </Link>
        ))}
      </nav>
      <PrintButton label={props.printLabel} className="ml-auto" />
    </div>
  );
}
