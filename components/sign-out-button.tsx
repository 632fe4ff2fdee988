"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account";

const BUTTON = "rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-200 disabled:opacity-50";

/** Sign out of this browser, or of every device at once; either way the server ends the session(s). */
export function SignOutButton() {
  const t = useTranslations("nav");
  const [isBusy, setIsBusy] = useState(false);
  async function signOutEverywhere() {
    setIsBusy(true);
    // Whatever the answer (a session already ended included), this browser signs out as well.
    await signOutEverywhereAction({}).catch(() => undefined);
    await signOut({ callbackUrl: "/login?reason=signedOut" });
  }
  return (
    <>
      <button type="button" onClick={() => signOut({ callbackUrl: "/login?reason=signedOut" })} className={BUTTON}>
        {t("signOut")}
      </button>
      <button type="button" onClick={signOutEverywhere} disabled={isBusy} className={BUTTON}>
        {t("signOutEverywhere")}
      </button>
    </>
  );
}
