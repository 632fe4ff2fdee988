// Codes of an authenticator app, computed by the same library the server checks them with. The server
// accepts a code of the current period or the next one, and each period's code only once per person.
import { generate } from "otplib";
import { TOTP_PERIOD_SECONDS, totpTimeStep } from "@/lib/domain/second-factor";

/**
 * A code the server has not accepted yet: this period's, or the next one's when this period's was used
 * (`lastStep`, null when none was). When both were used, it waits for the clock, as a person signing in
 * three times within a minute would have to.
 */
export async function freshTotpCode(secret: string, lastStep: number | null): Promise<{ code: string; step: number }> {
  const used = lastStep ?? -1;
  const waitMs = used * TOTP_PERIOD_SECONDS * 1000 - Date.now();
  if (used > totpTimeStep(Date.now() / 1000) && waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  const step = Math.max(totpTimeStep(Date.now() / 1000), used + 1);
  return { code: await generate({ secret, epoch: step * TOTP_PERIOD_SECONDS }), step };
}
