import type { TransitionError, TransitionInput } from "@/lib/domain/case-status";

/** The status change is not allowed: not a transition, not for this role, or required data missing. */
export class TransitionRefusedError extends Error {
  constructor(
    readonly reason: TransitionError,
    readonly field?: keyof TransitionInput,
  ) {
    super(`transition refused: ${reason}`);
    this.name = "TransitionRefusedError";
  }
}
