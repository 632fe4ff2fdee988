"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type MouseEvent } from "react";

/**
 * A problem as the summary lists it: its translated text, the label of its field (so that two "required"
 * links can be told apart) and the id of the field it links to, if any.
 */
export type SummaryProblem = { fieldId?: string; label?: string; text: string };

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus();
}

/**
 * The problems of a form that failed to send, listed at its top, each one a link that focuses its field.
 * It takes the focus each time `focusKey` grows (a refused submit), so that a screen reader reads it and
 * a keyboard user starts from it; it disappears once every problem is corrected.
 */
export function ErrorSummary({ problems, focusKey }: { problems: SummaryProblem[]; focusKey: number }) {
  const t = useTranslations("forms.errorSummary");
  const ref = useRef<HTMLDivElement>(null);
  const focusedKey = useRef(0);
  const hasProblems = problems.length > 0;
  // The refusal and the errors may reach the screen in different renders: focus once both are there.
  useEffect(() => {
    if (focusKey > focusedKey.current && hasProblems && ref.current) {
      focusedKey.current = focusKey;
      ref.current.focus();
    }
  }, [focusKey, hasProblems]);
  if (!hasProblems) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-sm text-red-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700"
    >
      <h2 id="error-summary-title" className="text-base font-semibold">
        {t("title", { count: problems.length })}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((problem, index) => {
          const text = problem.label ? t("item", { field: problem.label, message: problem.text }) : problem.text;
          return problem.fieldId ? (
            <li key={`${problem.fieldId}-${index}`}>
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => focusField(event, problem.fieldId!)}
                className="text-red-900 underline"
              >
                {text}
              </a>
            </li>
          ) : (
            <li key={`form-${index}`}>{text}</li>
          );
        })}
      </ul>
    </div>
  );
}
