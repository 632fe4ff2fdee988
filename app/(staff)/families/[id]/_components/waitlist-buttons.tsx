"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { addToWaitlistAction, removeFromWaitlistAction } from "../../../quotas/waitlist/actions";

/** "Put on the waitlist" or, while the family waits, "Remove from the waitlist"; refusals name the figures. */
export function WaitlistButtons({ familyId, waitingYear }: { familyId: number; waitingYear: number | null }) {
  const t = useTranslations("waitlist.case");
  const { busy, message, run } = useButtonAction();

  return (
    <div className="mt-3 space-y-2">
      {waitingYear === null ? (
        <Button
          type="button"
          variant="secondary"
          disabled={busy !== null}
          onClick={() =>
            run(
              "add",
              () => addToWaitlistAction({ familyId }),
              () => t("added"),
            )
          }
        >
          {busy ? t("adding") : t("add")}
        </Button>
      ) : (
        <Button
          type="button"
          variant="danger"
          disabled={busy !== null}
          onClick={() =>
            run(
              "remove",
              () => removeFromWaitlistAction({ familyId, year: waitingYear }),
              () => t("removed"),
            )
          }
        >
          {busy ? t("removing") : t("remove")}
        </Button>
      )}
      <ActionMessage message={message} testId="waitlist-case-message" />
    </div>
  );
}
