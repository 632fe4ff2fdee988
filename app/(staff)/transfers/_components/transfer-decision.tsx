"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFlash } from "@/components/flash";
import { useFieldMessage } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { SubmitRow, useActionForm } from "@/components/use-action-form";
import { ActionMessage, useButtonAction } from "@/components/use-button-action";
import { declineTransferSchema, TRANSFER_REASON_MAX_LENGTH } from "@/lib/validation/transfer";
import { acceptTransferAction, declineTransferAction } from "../actions";

type DeclineValues = z.input<typeof declineTransferSchema>;

/** The target region's decision on one pending transfer: accept, or decline with a reason. */
export function TransferDecision({ transferId, caseNumber }: { transferId: number; caseNumber: string }) {
  const t = useTranslations("transfers");
  const messageOf = useFieldMessage();
  const router = useRouter();
  const flash = useFlash();
  const { busy, message: acceptMessage, run } = useButtonAction();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DeclineValues, unknown, z.output<typeof declineTransferSchema>>({
    resolver: zodResolver(declineTransferSchema),
    defaultValues: { transferId, reason: "" },
  });
  const { submit, message } = useActionForm({
    setError,
    action: declineTransferAction,
    onSuccess: () => {
      flash(t("declined", { caseNumber }));
      router.refresh();
    },
  });

  return (
    <div className="space-y-3">
      <Button
        type="button"
        disabled={busy !== null || isSubmitting}
        onClick={() =>
          run(
            "accept",
            () => acceptTransferAction({ transferId }),
            () => flash(t("accepted", { caseNumber })),
          )
        }
      >
        {busy ? t("accepting") : t("accept", { caseNumber })}
      </Button>
      <ActionMessage message={acceptMessage} testId={`transfer-accept-message-${transferId}`} />
      <form onSubmit={handleSubmit(submit)} noValidate className="space-y-2" aria-label={t("decline", { caseNumber })}>
        <TextAreaField
          id={`decline-reason-${transferId}`}
          label={t("declineReason", { caseNumber })}
          rows={2}
          maxLength={TRANSFER_REASON_MAX_LENGTH}
          disabled={isSubmitting || busy !== null}
          error={messageOf(errors.reason)}
          registration={register("reason")}
        />
        <SubmitRow
          label={t("declineSubmit")}
          busyLabel={t("declining")}
          isSubmitting={isSubmitting}
          message={message}
        />
      </form>
    </div>
  );
}
