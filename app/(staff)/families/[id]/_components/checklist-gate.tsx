import type { CaseStatus } from "@/lib/domain/case-status";

/** Texts of the checklist gate, translated on the server: a heading per step and the coordinator's override field. */
export type ChecklistTexts = {
  missingBefore: Partial<Record<CaseStatus, string>>;
  override: { label: string; hint: string } | null;
};

/** What the checklist still lacks before each step offered, shown before any button is pressed. */
export function MissingDocumentsList({
  steps,
  texts,
}: {
  steps: { to: CaseStatus; missing: string[] }[];
  texts: ChecklistTexts;
}) {
  const blocked = steps.filter((step) => step.missing.length > 0);
  if (blocked.length === 0) return null;
  return (
    <div className="mt-3 space-y-2" data-testid="checklist-gate">
      {blocked.map((step) => (
        <section
          key={step.to}
          aria-labelledby={`checklist-gate-${step.to}`}
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <h3 id={`checklist-gate-${step.to}`} className="font-medium">
            {texts.missingBefore[step.to]}
          </h3>
          <ul className="mt-1 list-disc pl-5">
            {step.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
