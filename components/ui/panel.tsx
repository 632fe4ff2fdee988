import type { ReactNode } from "react";

/**
 * A titled card of a page, such as a section of the case file: a region named by its heading, so that
 * screen-reader users can move from one to the next. `aside` stands at the end of the heading's line.
 */
export function Panel({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const heading = (
    // The margin keeps a heading reached by its address (#id) clear of a sticky section navigation.
    <h2 id={id} className="scroll-mt-28 text-lg font-semibold">
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 shadow-sm">
      {aside ? (
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
