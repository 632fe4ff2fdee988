import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { waitlistPlace } from "@/lib/db/quotas/waitlist";
import type { CaseStatus } from "@/lib/domain/case-status";
import { poolForCategory, quotaYearFor } from "@/lib/domain/quota";
import { programmeToday } from "@/lib/domain/status-validity";
import { Panel } from "@/components/ui/panel";
import { WaitlistButtons } from "./waitlist-buttons";

type WaitlistFamily = { id: number; status: CaseStatus; category: "KANDAS" | "SETTLER"; targetRegion: { id: string } };

/**
 * For an approved family, a coordinator or administrator sees where it stands on its pool's waitlist
 * (year, since when, position N of M) or can put it there when its pool has no room for it.
 */
export async function WaitlistPanel({ family }: { family: WaitlistFamily }) {
  const user = await requireUser();
  if (family.status !== "APPROVED" || !can(user, "waitlist.manage")) return null;
  const place = await waitlistPlace(user, family.id);
  const t = await getTranslations("waitlist");
  const format = await getFormatter();
  const year = place?.year ?? quotaYearFor(programmeToday());
  const href = `/quotas/waitlist?year=${year}&region=${family.targetRegion.id}&pool=${poolForCategory(family.category)}`;

  return (
    <Panel id="case-waitlist" title={t("case.title")}>
      <p className="mt-2 text-sm" data-testid="waitlist-place">
        {place
          ? t("case.place", {
              year: place.year,
              date: format.dateTime(place.since, { dateStyle: "medium" }),
              position: place.position,
              length: place.length,
            })
          : t("case.notWaiting")}
      </p>
      <WaitlistButtons familyId={family.id} waitingYear={place?.year ?? null} />
      <p className="mt-3 text-sm">
        <Link href={href} className="text-brand-700 hover:underline">
          {t("case.open")}
        </Link>
      </p>
    </Panel>
  );
}
