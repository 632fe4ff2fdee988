"use client";

import { useRouter } from "next/navigation";
import { signInAgainPath } from "@/lib/domain/redirect-target";

/**
 * What a form or button does when the server says the session ended: sends the user to log in, with
 * a message saying so, and afterwards back to this page (with its query, so a list comes back as it was).
 */
export function useSignInAgain(): () => void {
  const router = useRouter();
  return () => router.push(signInAgainPath("sessionEnded", window.location.pathname + window.location.search));
}
