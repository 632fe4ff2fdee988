"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";

const FlashContext = createContext<(text: string) => void>(() => {});

/**
 * The page's confirmation line, kept by the staff layout: a form whose success removes it from the page
 * (an accepted transfer leaves the queue, the last case moved hides the move form) announces its outcome
 * here, where the refresh that follows does not take it away. It belongs to the page it was said on.
 */
export function FlashProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [flash, setFlash] = useState<{ text: string; pathname: string } | null>(null);
  // Leaving the page ends its confirmation (state adjusted while rendering, as React recommends for
  // state that follows a prop), so that coming back later does not show it again.
  if (flash && flash.pathname !== pathname) setFlash(null);
  const shown = flash?.pathname === pathname ? flash.text : null;

  return (
    <FlashContext.Provider value={(text) => setFlash({ text, pathname })}>
      <p
        role="status"
        aria-live="polite"
        data-testid="flash"
        className={shown ? "mb-4 rounded bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800" : "sr-only"}
      >
        {shown}
      </p>
      {children}
    </FlashContext.Provider>
  );
}

/** Announces a success on the page's confirmation line (see FlashProvider). */
export function useFlash() {
  return useContext(FlashContext);
}
