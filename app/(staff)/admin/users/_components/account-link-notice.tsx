"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { accountLinkPath } from "@/lib/domain/staff-accounts";
import type { ShownLink } from "../actions";

/**
 * The one-time link an administrator hands over, shown once right after it was issued (only its hash is
 * stored): the full address in a read-only field, a copy button, when it expires and what to tell the person.
 */
export function AccountLinkNotice({ link, title, children }: { link: ShownLink; title: string; children?: ReactNode }) {
  const t = useTranslations("users.link");
  const format = useFormatter();
  const [isCopied, setIsCopied] = useState(false);
  const url = `${window.location.origin}${accountLinkPath(link.token)}`;

  async function onCopy() {
    await navigator.clipboard.writeText(url);
    setIsCopied(true);
  }

  return (
    <section aria-labelledby="account-link-title" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4">
      <h2 id="account-link-title" className="font-semibold text-emerald-900">
        {title}
      </h2>
      <label htmlFor="account-link" className="mt-3 block text-sm font-medium">
        {t("label")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="account-link"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <Button type="button" variant="secondary" onClick={onCopy}>
          {t("copy")}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="mt-1 text-sm text-emerald-800">
        {isCopied ? t("copied") : ""}
      </p>
      <p className="mt-2 text-sm font-medium">
        {t("expires", {
          dateTime: format.dateTime(new Date(link.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
        })}
      </p>
      <p className="mt-1 text-sm text-slate-700">{t("handOver")}</p>
      {children}
    </section>
  );
}
