"use client";

import { useTranslations } from "next-intl";
import { PrintButton } from "@/components/print-button";
import { Button } from "@/components/ui/button";

/**
 * The new recovery codes, shown this once (only their digests are stored): to write down, download as a
 * text file or print, and to acknowledge before going on.
 */
export function RecoveryCodes({ codes, email, onSaved }: { codes: string[]; email: string; onSaved: () => void }) {
  const t = useTranslations("secondFactor.codes");
  const file = [t("fileHeading", { email }), "", ...codes, ""].join("\n");
  return (
    <section aria-labelledby="recovery-codes-title" className="space-y-4">
      <h2 id="recovery-codes-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ol aria-label={t("listLabel")} className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded border border-slate-200 bg-slate-50 px-3 py-1.5 text-center">
            {code}
          </li>
        ))}
      </ol>
      <div className="no-print flex flex-wrap gap-3">
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="nurly-kosh-recovery-codes.txt"
          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {t("download")}
        </a>
        <PrintButton label={t("print")} />
        <Button type="button" onClick={onSaved}>
          {t("saved")}
        </Button>
      </div>
    </section>
  );
}
