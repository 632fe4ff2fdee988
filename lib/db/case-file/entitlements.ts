import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BENEFIT_SETTING_KEYS, computeEntitlements, parseBenefitRates, type Entitlements } from "@/lib/domain/benefits";

export type EntitlementsResult =
  | { year: number; entitlements: Entitlements; missing: null }
  | { year: number; entitlements: null; missing: "rates" | "mci" };

/**
 * The family's entitlements for `year`, from the benefit settings and the MCI of that year in the
 * database. Nothing is guessed: a missing setting or MCI value is reported instead. Reads no personal data.
 */
export async function loadEntitlements(
  client: Prisma.TransactionClient,
  year: number,
  membersMoving: number,
): Promise<EntitlementsResult> {
  const [settings, mci] = await Promise.all([
    client.setting.findMany({
      where: { key: { in: Object.values(BENEFIT_SETTING_KEYS) } },
      select: { key: true, value: true },
    }),
    client.mciRate.findUnique({ where: { year }, select: { amountTenge: true } }),
  ]);
  const rates = parseBenefitRates(Object.fromEntries(settings.map((row) => [row.key, row.value])));
  if (!rates) return { year, entitlements: null, missing: "rates" };
  if (!mci) return { year, entitlements: null, missing: "mci" };
  return {
    year,
    entitlements: computeEntitlements({ year, mciTenge: mci.amountTenge, rates, membersMoving }),
    missing: null,
  };
}
