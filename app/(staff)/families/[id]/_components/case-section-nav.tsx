"use client";

import { useSyncExternalStore } from "react";

const subscribeToHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

/**
 * The case page's sections as in-page links, kept in view while the page scrolls: each one is a plain
 * link to the section's heading (`/families/7#documents`), so it works with the keyboard, without
 * JavaScript and from a shared address. The section named in the address is marked as the current one.
 */
export function CaseSectionNav({ label, sections }: { label: string; sections: { id: string; label: string }[] }) {
  const hash = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash,
    () => "",
  );
  return (
    <nav
      aria-label={label}
      className="sticky top-0 z-10 -mx-1 border-b border-slate-200 bg-slate-50/95 px-1 py-2 backdrop-blur"
    >
      <ul className="flex flex-wrap gap-1">
        {sections.map((section) => {
          const isCurrent = hash === `#${section.id}`;
          return (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                aria-current={isCurrent ? "location" : undefined}
                className={`block rounded px-3 py-1.5 text-sm font-medium hover:bg-slate-200 ${
                  isCurrent ? "bg-brand-700 text-white hover:bg-brand-900" : "text-slate-700"
                }`}
              >
                {section.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
