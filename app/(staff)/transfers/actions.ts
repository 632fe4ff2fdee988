"use server";
import { defineAction } from "@/lib/actions/action";
import { acceptTransfer, declineTransfer, proposeTransfer, withdrawTransfer } from "@/lib/db/transfers/transfers";
import {
  acceptTransferSchema,
  declineTransferSchema,
  proposeTransferSchema,
  withdrawTransferSchema,
} from "@/lib/validation/transfer";

/** Proposes a family's transfer from the case page; proposeTransfer re-checks scope and the rules. */
export const proposeTransferAction = defineAction({
  schema: proposeTransferSchema,
  permission: "family.transfer",
  revalidate: (input) => ["/transfers", `/families/${input.familyId}`],
  run: (input, user) => proposeTransfer(user, input),
});

/** Accepts a transfer to the own region: the case, its places and its scope move in one transaction. */
export const acceptTransferAction = defineAction({
  schema: acceptTransferSchema,
  permission: "family.transfer",
  revalidate: ["/transfers"],
  async run(input, user) {
    const result = await acceptTransfer(user, input);
    return { familyId: result.familyId };
  },
});

/** Declines a transfer to the own region, with a reason. */
export const declineTransferAction = defineAction({
  schema: declineTransferSchema,
  permission: "family.transfer",
  revalidate: ["/transfers"],
  run: (input, user) => declineTransfer(user, input),
});

/** Withdraws the actor's own pending proposal; the record stays in both regions' history. */
export const withdrawTransferAction = defineAction({
  schema: withdrawTransferSchema,
  permission: "family.transfer",
  revalidate: ["/transfers", "/"],
  async run(input, user) {
    const result = await withdrawTransfer(user, input);
    return { familyId: result.familyId };
  },
});
