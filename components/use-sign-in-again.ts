"use client";

import { useRouter } from "next/navigation";

/**
 * What a form or button does when the server says the session ended: sends the user to log in and,
 * afterwards, back to this page (with its query, so a list comes back as it was).
 */
export function useSignInAgain(): () => void {
  const router = useRouter();
  return () =>
    router.push(`/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}
