import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listStatusExtensions } from "@/lib/db/families/status-extension";
import type { FamilyDetail } from "@/lib/db/families/get-family";
import { kazakhstanToday } from "@/lib/domain/benefits";
import { can } from "@/lib/domain/permissions";
import { EXTENDABLE_STATUSES } from "@/lib/domain/status-extension";
import { Panel } from "@/components/ui/panel";
import { StatusExtensionForm } from "./status-extension-form";

/** The validity of a kandas status: its end date, the extensions so far and, for a decider, the form. */
export async function StatusExtensionPanel({ family }: { family: FamilyDetail }) {
  if (family.category !== "KANDAS" || !family.statusValidUntil) return null;
  const user = await requireUser();
  const { extensions, maxExtensions } = await listStatusExtensions(user, family.id);
  const t = await getTranslations("lifecycle.extension");
  const format = await getFormatter();
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const canExtend = can(user, "case.decide") && EXTENDABLE_STATUSES.includes(family.status);

  return (
    <Panel
      id="status-validity"
      title={t("title")}
      aside={<p className="text-sm text-slate-600">{t("count", { count: extensions.length, max: maxExtensions })}</p>}
    >
      <p className="mt-2 text-sm">{t("validUntilNow", { date: day(family.statusValidUntil) })}</p>
      {extensions.length > 0 && (
        <ol className="mt-2 space-y-1 text-sm" aria-label={t("listLabel")}>
          {extensions.map((extension) => (
            <li key={extension.id}>
              {t("line", {
                from: day(extension.previousValidUntil),
                to: day(extension.validUntil),
                number: extension.decisionNumber,
                date: day(extension.decisionDate),
                name: extension.actor,
              })}
            </li>
          ))}
        </ol>
      )}
      {canExtend && <StatusExtensionForm familyId={family.id} version={family.version} today={kazakhstanToday()} />}
    </Panel>
  );
}
