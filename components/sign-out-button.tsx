"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login?reason=signedOut" })}
      className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-200"
    >
      {t("signOut")}
    </button>
  );
}
