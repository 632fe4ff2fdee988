import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listAllDistricts } from "@/lib/db/regions";
import { familyTransfers } from "@/lib/db/transfers/transfers";
import type { CaseStatus } from "@/lib/domain/case-status";
import { can } from "@/lib/domain/permissions";
import { regionName, resettlementTargetRegions } from "@/lib/domain/regions";
import { isTransferable } from "@/lib/domain/transfer";
import { localName, toLocale } from "@/lib/i18n/config";
import { Panel } from "@/components/ui/panel";
import { TransferDetails } from "../../../transfers/_components/transfer-details";
import { WithdrawTransfer } from "../../../transfers/_components/withdraw-transfer";
import { ProposeTransferForm } from "./propose-transfer-form";

type TransferFamily = { id: number; caseNumber: string; status: CaseStatus; targetRegion: { id: string } };

/**
 * The case's transfers between regions (its history for both regions: the source sees it while the
 * transfer is open, the target after acceptance) and, for the coordinator of the family's region, the
 * proposal form while the case may move and no transfer is open.
 */
export async function TransferPanel({ family }: { family: TransferFamily }) {
  const user = await requireUser();
  const transfers = await familyTransfers(user, family.id);
  const t = await getTranslations("transfers");
  const locale = toLocale(await getLocale());
  const pending = transfers.find((transfer) => transfer.status === "PENDING");
  const mayPropose = can(user, "family.transfer") && isTransferable(family.status) && !pending;
  const regions = mayPropose
    ? resettlementTargetRegions()
        .filter((region) => region.id !== family.targetRegion.id)
        .map((region) => ({ value: region.id, label: regionName(region, locale) }))
    : [];
  const districts = mayPropose
    ? (await listAllDistricts()).map((district) => ({
        regionId: district.regionId,
        value: String(district.id),
        label: localName(district, locale),
      }))
    : [];

  return (
    <Panel id="case-transfers" title={t("case.title")}>
      {pending && (
        <p className="mt-2 text-sm font-medium" data-testid="transfer-pending">
          {t("case.pending", { region: regionName(pending.toRegionId, locale) })}
        </p>
      )}
      {transfers.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("case.none")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4">
          {transfers.map((transfer) => (
            <li key={transfer.id}>
              <TransferDetails transfer={transfer} />
              {transfer.canWithdraw && <WithdrawTransfer transferId={transfer.id} caseNumber={family.caseNumber} />}
            </li>
          ))}
        </ol>
      )}
      {mayPropose && <ProposeTransferForm familyId={family.id} regions={regions} districts={districts} />}
    </Panel>
  );
}
