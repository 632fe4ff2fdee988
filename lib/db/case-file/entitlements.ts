import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settingsInForce } from "@/lib/db/settings/settings";
import { BENEFIT_SETTING_KEYS, computeEntitlements, type Entitlements } from "@/lib/domain/benefits";

export type EntitlementsResult =
  { year: number; entitlements: Entitlements; missing: null } | { year: number; entitlements: null; missing: "mci" };

/**
 * The family's entitlements for the day of its event (lib/domain/benefits entitlementDay: the arrival,
 * else the planned arrival, else today): the benefit rates in force on that day and the MCI of its year.
 * A rate changed later leaves them as they were. Nothing is guessed: a year without an MCI is reported
 * instead. Reads no personal data.
 */
export async function loadEntitlements(
  client: Prisma.TransactionClient,
  day: Date,
  membersMoving: number,
): Promise<EntitlementsResult> {
  const year = day.getUTCFullYear();
  const [settings, mci] = await Promise.all([
    settingsInForce(Object.values(BENEFIT_SETTING_KEYS), day, client),
    client.mciRate.findUnique({ where: { year }, select: { amountTenge: true } }),
  ]);
  if (!mci) return { year, entitlements: null, missing: "mci" };
  const rates = {
    relocationMciPerMember: settings[BENEFIT_SETTING_KEYS.relocationMciPerMember],
    rentMciPerMonth: settings[BENEFIT_SETTING_KEYS.rentMciPerMonth],
    rentMonths: settings[BENEFIT_SETTING_KEYS.rentMonths],
    housingSharePercent: settings[BENEFIT_SETTING_KEYS.housingSharePercent],
    housingCapTenge: settings[BENEFIT_SETTING_KEYS.housingCapTenge],
  };
  return {
    year,
    entitlements: computeEntitlements({ year, mciTenge: mci.amountTenge, rates, membersMoving }),
    missing: null,
  };
}
