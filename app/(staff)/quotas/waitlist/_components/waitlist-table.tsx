"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
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
export function WaitlistTable({ rows, year, caption, canAllocate }: { rows: WaitlistTableRow[]; year: number; caption: string; canAllocate: boolean }) {
  const t = useTranslations("waitlist");
  const { busy, message, run } = useButtonAction();

  return (
    <div className="mt-4 space-y-2">
      <ActionMessage message={message} testId="waitlist-message" />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 text-right">{t("col.position")}</th>
              <th scope="col" className="px-3 py-2">{t("col.caseNumber")}</th>
              <th scope="col" className="px-3 py-2">{t("col.head")}</th>
              <th scope="col" className="px-3 py-2">{t("col.decisionDate")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("col.persons")}</th>
              <th scope="col" className="px-3 py-2">{t("col.fits")}</th>
              <th scope="col" className="px-3 py-2">{t("col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.familyId} className="border-t" data-testid={`waitlist-row-${row.familyId}`}>
                <td className="px-3 py-2 text-right tabular-nums">{row.position}</td>
                <td className="px-3 py-2 font-mono">
                  <Link href={`/families/${row.familyId}`} className="text-brand-700 underline">
                    {row.caseNumber}
                  </Link>
                </td>
                <td className="px-3 py-2">{row.headName}</td>
                <td className="px-3 py-2">{row.decisionDate}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.persons}</td>
                <td className="px-3 py-2">
                  {row.fitsNow ? (
                    <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">{t("fitsNow")}</span>
                  ) : (
                    <span className="text-slate-500">{t("notYet")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-2">
                    {canAllocate && row.fitsNow && (
                      <Button
                        type="button"
                        disabled={busy !== null}
                        onClick={() =>
                          run(`allocate-${row.familyId}`, () => allocateFromWaitlistAction({ familyId: row.familyId, version: row.version }), () =>
                            t("allocatedDone", { caseNumber: row.caseNumber }),
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
                        run(`remove-${row.familyId}`, () => removeFromWaitlistAction({ familyId: row.familyId, year }), () =>
                          t("removedDone", { caseNumber: row.caseNumber }),
                        )
                      }
                    >
                      {busy === `remove-${row.familyId}` ? t("removing") : t("remove")}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr className="border-t">
                <td colSpan={7} className="px-3 py-4 text-slate-600">{t("empty")}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
