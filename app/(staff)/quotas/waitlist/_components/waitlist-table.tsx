"use client";

import { useTranslations } from "next-intl";
import { CaseLink } from "@/components/family-cells";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { allocateFromWaitlistAction, removeFromWaitlistAction } from "../actions";

export type WaitlistTableRow = {
  familyId: number;
  position: number;
  caseNumber: string;
  headName: string;
  /** Already formatted for the user's language. */
  decisionDate: string;
  persons: number;
  fitsNow: boolean;
  version: number;
};

/**
 * The families waiting in one pool, in serving order. Those that fit now can be allocated (the ordinary
 * inclusion in the quota, checked again on the server); any family can be taken off the list.
 */
export function WaitlistTable({
  rows,
  year,
  caption,
  canAllocate,
}: {
  rows: WaitlistTableRow[];
  year: number;
  caption: string;
  canAllocate: boolean;
}) {
  const t = useTranslations("waitlist");
  const { busy, message, run } = useButtonAction();

  return (
    <div className="mt-4 space-y-2">
      <ActionMessage message={message} testId="waitlist-message" />
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(row) => row.familyId}
        rowTestId={(row) => `waitlist-row-${row.familyId}`}
        empty={t("empty")}
        columns={[
          { header: t("col.position"), isNumeric: true, cell: (row) => row.position },
          {
            header: t("col.caseNumber"),
            cell: (row) => <CaseLink familyId={row.familyId} caseNumber={row.caseNumber} />,
          },
          { header: t("col.head"), cell: (row) => row.headName },
          { header: t("col.decisionDate"), cell: (row) => row.decisionDate },
          { header: t("col.persons"), isNumeric: true, cell: (row) => row.persons },
          {
            header: t("col.fits"),
            cell: (row) =>
              row.fitsNow ? (
                <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">{t("fitsNow")}</span>
              ) : (
                <span className="text-slate-500">{t("notYet")}</span>
              ),
          },
          {
            header: t("col.actions"),
            cell: (row) => (
              <div className="flex flex-wrap gap-2">
                {canAllocate && row.fitsNow && (
                  <Button
                    type="button"
                    disabled={busy !== null}
                    onClick={() =>
                      run(
                        `allocate-${row.familyId}`,
                        () => allocateFromWaitlistAction({ familyId: row.familyId, version: row.version }),
                        () => t("allocatedDone", { caseNumber: row.caseNumber }),
                      )
                    }
                  >
                    {busy === `allocate-${row.familyId}` ? t("allocating") : t("allocate")}
                  </Button>
                )}
                <Button
                  type="button"
                  variant="danger"
                  disabled={busy !== null}
                  onClick={() =>
                    run(
                      `remove-${row.familyId}`,
                      () => removeFromWaitlistAction({ familyId: row.familyId, year }),
                      () => t("removedDone", { caseNumber: row.caseNumber }),
                    )
                  }
                >
                  {busy === `remove-${row.familyId}` ? t("removing") : t("remove")}
                </Button>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
