import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { FamilyTransferItem } from "@/lib/db/transfers/transfers";
import { regionName } from "@/lib/domain/regions";
import { localName, toLocale } from "@/lib/i18n/config";

/** Route, reason, who proposed and decided when, and what happened to the places: shared by both pages. */
export async function TransferDetails({ transfer }: { transfer: FamilyTransferItem }) {
  const t = await getTranslations("transfers");
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const place = (regionId: string, district: FamilyTransferItem["toDistrict"]) =>
    `${regionName(regionId, locale)}${district ? `, ${localName(district, locale)}` : ""}`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div id={`transfer-${transfer.id}`} className="space-y-1 text-sm" data-testid={`transfer-${transfer.id}`}>
      <p className="font-medium">
        {place(transfer.fromRegionId, transfer.fromDistrict)} → {place(transfer.toRegionId, transfer.toDistrict)} ·{" "}
        {t(`status.${transfer.status}`)}
      </p>
      <p className="text-slate-700">{transfer.reason}</p>
      <p className="text-slate-500">
        {t("col.proposed")}: {when(transfer.proposedAt)} · {transfer.proposedBy.fullName}
      </p>
      {transfer.decidedAt && transfer.decidedBy && (
        <p className="text-slate-500">
          {t("col.decided")}: {when(transfer.decidedAt)} · {transfer.decidedBy.fullName}
        </p>
      )}
      {transfer.declineReason && (
        <p className="text-slate-700">{t("declinedBecause", { reason: transfer.declineReason })}</p>
      )}
      {transfer.places.map((places) => (
        <p key={places.year} className="text-slate-700">
          {t(places.outcome === "allocated" ? "placesAllocated" : "placesWaitlisted", {
            year: String(places.year),
            persons: places.persons,
          })}
        </p>
      ))}
    </div>
  );
}
