import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listTransfers } from "@/lib/db/transfers/transfers";
import { DataTable } from "@/components/ui/data-table";
import { TransferDecision } from "./_components/transfer-decision";
import { TransferDetails } from "./_components/transfer-details";
import { WithdrawTransfer } from "./_components/withdraw-transfer";

export async function generateMetadata() {
  const t = await getTranslations("transfers");
  return { title: t("title") };
}

/** `/transfers`: transfers from and to the coordinator's region (every region for an administrator). */
export default async function TransfersPage() {
  const user = await requirePermission("family.transfer");
  const transfers = await listTransfers(user);
  const t = await getTranslations("transfers");

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">{t("intro")}</p>
      <DataTable
        className="mt-4"
        caption={t("caption")}
        rows={transfers}
        rowKey={(transfer) => transfer.id}
        rowTestId={(transfer) => `transfer-row-${transfer.caseNumber}`}
        empty={t("empty")}
        columns={[
          {
            header: t("col.caseNumber"),
            isRowHeader: true,
            className: "font-mono",
            cell: (transfer) =>
              transfer.canOpenCase ? (
                <Link href={`/families/${transfer.familyId}`} className="text-brand-700 hover:underline">
                  {transfer.caseNumber}
                </Link>
              ) : (
                transfer.caseNumber
              ),
          },
          { header: t("col.head"), cell: (transfer) => transfer.headName },
          { header: t("col.route"), cell: (transfer) => <TransferDetails transfer={transfer} /> },
          {
            header: t("col.actions"),
            cell: (transfer) =>
              transfer.canDecide ? (
                <TransferDecision transferId={transfer.id} caseNumber={transfer.caseNumber} />
              ) : transfer.canWithdraw ? (
                <WithdrawTransfer transferId={transfer.id} caseNumber={transfer.caseNumber} />
              ) : null,
          },
        ]}
      />
    </section>
  );
}
