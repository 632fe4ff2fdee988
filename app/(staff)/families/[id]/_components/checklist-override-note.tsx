import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { DOCUMENT_KINDS } from "@/lib/domain/documents";

// The override a case event keeps in its data (lib/db/families/transition-family.ts).
const overrideSchema = z.object({
  checklistOverride: z.object({
    reason: z.string(),
    missing: z.array(z.object({ kind: z.enum(DOCUMENT_KINDS), needs: z.enum(["received", "verified"]) })),
  }),
});

/** In the case history: that a step was taken without the documents the checklist required, why, and what was missing. */
export async function ChecklistOverrideNote({ data }: { data: unknown }) {
  const parsed = overrideSchema.safeParse(data);
  if (!parsed.success) return null;
  const { reason, missing } = parsed.data.checklistOverride;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const documents = [...new Set(missing.map(({ kind, needs }) => `${kind}:${needs}`))].map((key) => {
    const [kind, needs] = key.split(":");
    return t(`checklistGate.need.${needs}`, { document: t(`casefile.documents.kind.${kind}`) });
  });
  return (
    <div
      className="mt-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900"
      data-testid="checklist-override"
    >
      <p>{t("checklistGate.timeline.override", { reason })}</p>
      <p>{t("checklistGate.timeline.missing", { documents: format.list(documents, { type: "conjunction" }) })}</p>
    </div>
  );
}
