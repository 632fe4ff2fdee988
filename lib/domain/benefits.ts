/**
 * Support measures of the programme (domain.md, "Support measures"), in tenge: the one-time relocation
 * subsidy, rent and utilities compensation, and the housing certificate. Rates and the MCI value come
 * from settings in the database (lib/domain/settings.ts); this module only does the arithmetic and the
 * checks on payments.
 */
import type { ErrorValues } from "./app-error";
import type { PaymentKind } from "@/lib/generated/prisma/enums";

export type { PaymentKind };

/** Every payment kind (same values as the Prisma enum). */
export const PAYMENT_KINDS = [
  "RELOCATION_SUBSIDY",
  "RENT_COMPENSATION",
  "HOUSING_CERTIFICATE",
] as const satisfies readonly PaymentKind[];

/** Setting keys the rates are read from (lib/domain/settings.ts). */
export const BENEFIT_SETTING_KEYS = {
  relocationMciPerMember: "benefits.relocationMciPerMember",
  rentMciPerMonth: "benefits.rentMciPerMonth",
  rentMonths: "benefits.rentMonths",
  housingSharePercent: "benefits.housingSharePercent",
  housingCapTenge: "benefits.housingCapTenge",
} as const;

/** A note at least this long counts as the explicit explanation a payment above the entitlement needs. */
export const MIN_EXPLANATION_LENGTH = 10;

/** The rates of the support measures in force on the day of the family's event (settings `benefits.*`). */
export type BenefitRates = {
  relocationMciPerMember: number;
  rentMciPerMonth: { min: number; max: number };
  rentMonths: number;
  housingSharePercent: number;
  housingCapTenge: number;
};

export type Entitlements = {
  year: number;
  mciTenge: number;
  membersMoving: number;
  /** One-time relocation subsidy for the members who move. */
  relocationTenge: number;
  rentMonthlyMinTenge: number;
  rentMonthlyMaxTenge: number;
  rentMonths: number;
  /** Most rent compensation over the whole period (maximum rate × months). */
  rentTotalMaxTenge: number;
  housingSharePercent: number;
  housingCapTenge: number;
};

/** Relocation subsidy: the MCI rate per member × the MCI of the year × the members who move. */
export function relocationSubsidyTenge(mciTenge: number, rates: BenefitRates, membersMoving: number): number {
  return Math.round(rates.relocationMciPerMember * mciTenge * Math.max(0, membersMoving));
}

/** Rent and utilities compensation per month for the family: the minimum and maximum of the range. */
export function rentCompensationMonthlyTenge(mciTenge: number, rates: BenefitRates): { min: number; max: number } {
  return {
    min: Math.round(rates.rentMciPerMonth.min * mciTenge),
    max: Math.round(rates.rentMciPerMonth.max * mciTenge),
  };
}

/** Housing certificate: the share of the purchase cost, never above the cap. */
export function housingCertificateTenge(costTenge: number, rates: BenefitRates): number {
  return Math.min(Math.floor((Math.max(0, costTenge) * rates.housingSharePercent) / 100), rates.housingCapTenge);
}

/** Everything a family is entitled to in a year, for the members who move. */
export function computeEntitlements(input: {
  year: number;
  mciTenge: number;
  rates: BenefitRates;
  membersMoving: number;
}): Entitlements {
  const { year, mciTenge, rates, membersMoving } = input;
  const rent = rentCompensationMonthlyTenge(mciTenge, rates);
  return {
    year,
    mciTenge,
    membersMoving,
    relocationTenge: relocationSubsidyTenge(mciTenge, rates, membersMoving),
    rentMonthlyMinTenge: rent.min,
    rentMonthlyMaxTenge: rent.max,
    rentMonths: rates.rentMonths,
    rentTotalMaxTenge: rent.max * rates.rentMonths,
    housingSharePercent: rates.housingSharePercent,
    housingCapTenge: rates.housingCapTenge,
  };
}

/**
 * The day of the event a family's entitlements belong to: its arrival, else its planned arrival, else
 * today. The rates in force on that day and the MCI of its year apply, so an entitlement is fixed once
 * the family has arrived, whatever changes later (docs/decisions/015-settings-with-effective-dates.md).
 */
export function entitlementDay(arrivalDate: Date | null, plannedArrival: Date | null, today: Date): Date {
  return arrivalDate ?? plannedArrival ?? today;
}

/** Today's date in Kazakhstan as YYYY-MM-DD (payments are dated in local time). */
export function kazakhstanToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Almaty",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export type PaymentDraft = {
  kind: PaymentKind;
  amountTenge: number;
  /** YYYY-MM-DD */
  paidOn: string;
  months: number | null;
  note: string | null;
};

export type PaymentIssue = {
  field: "amountTenge" | "months" | "paidOn" | "note";
  /** Catalogue key under casefile.rules. */
  key: string;
  values?: ErrorValues;
};

/**
 * The payments that count as paid: a reversed payment stays on record, listed with its reversal, but no
 * longer counts towards what the family was paid (entitlements, the running totals, the support report).
 */
export function paymentsInForce<P extends { reversal: unknown }>(payments: readonly P[]): P[] {
  return payments.filter((payment) => payment.reversal == null);
}

/** A support payment a resettled family is owed next, and the day it became (or becomes) due. */
export type PaymentDue = {
  kind: "RELOCATION_SUBSIDY" | "RENT_COMPENSATION";
  /** For rent compensation: which month of the family's stay (1-based). */
  month: number | null;
  dueDate: Date;
};

/**
 * The next support payment owed to a family that has arrived, from the payments in force: the relocation
 * subsidy from the day of arrival, then each month of rent compensation from the first day of that month
 * of the stay (arrival + months already covered), up to the months the rates allow. Null once everything
 * owed is paid. The housing certificate is not owed on a date (it follows a purchase), so never due here.
 */
export function nextPaymentDue(
  arrivalDate: Date,
  payments: readonly { kind: PaymentKind; months: number | null }[],
  rentMonths: number,
): PaymentDue | null {
  if (!payments.some((payment) => payment.kind === "RELOCATION_SUBSIDY"))
    return { kind: "RELOCATION_SUBSIDY", month: null, dueDate: arrivalDate };
  const covered = payments
    .filter((payment) => payment.kind === "RENT_COMPENSATION")
    .reduce((sum, payment) => sum + (payment.months ?? 0), 0);
  if (covered >= rentMonths) return null;
  return { kind: "RENT_COMPENSATION", month: covered + 1, dueDate: addMonths(arrivalDate, covered) };
}

/** The same day `months` later; a day missing in the later month (31 March + 1) becomes its last day. */
function addMonths(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)));
}

/** Whether a payment note is long enough to count as an explicit explanation. */
export function hasExplanation(note: string | null): boolean {
  return (note?.trim().length ?? 0) >= MIN_EXPLANATION_LENGTH;
}

/**
 * The problems with a payment before it is recorded: a positive whole amount; a date not in the future;
 * months (1..12) for rent and only for rent; and without an explicit note, no more than the entitlement
 * (relocation subsidy in total, rent per month and in months, housing up to the cap). Without
 * entitlements (rates or MCI not set for the year) every payment needs the note.
 */
export function paymentIssues(
  draft: PaymentDraft,
  context: {
    entitlements: Entitlements | null;
    previous: readonly { kind: PaymentKind; amountTenge: number; months: number | null }[];
    today: string;
  },
): PaymentIssue[] {
  const issues: PaymentIssue[] = [];
  const { entitlements, previous, today } = context;
  if (!Number.isInteger(draft.amountTenge) || draft.amountTenge <= 0)
    issues.push({ field: "amountTenge", key: "amountPositive" });
  if (draft.paidOn > today) issues.push({ field: "paidOn", key: "dateInFuture" });
  if (draft.kind === "RENT_COMPENSATION") {
    if (draft.months === null) issues.push({ field: "months", key: "monthsRequired" });
    else if (!Number.isInteger(draft.months) || draft.months < 1 || draft.months > 12)
      issues.push({ field: "months", key: "monthsRange" });
  } else if (draft.months !== null) {
    issues.push({ field: "months", key: "monthsOnlyForRent" });
  }
  if (issues.length > 0 || hasExplanation(draft.note)) return issues;

  if (!entitlements) return [{ field: "note", key: "noEntitlementNeedsNote" }];
  const paidBefore = (kind: PaymentKind) =>
    previous.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.amountTenge, 0);
  switch (draft.kind) {
    case "RELOCATION_SUBSIDY": {
      const remaining = Math.max(0, entitlements.relocationTenge - paidBefore("RELOCATION_SUBSIDY"));
      if (draft.amountTenge > remaining)
        issues.push({ field: "amountTenge", key: "aboveRelocation", values: { maxTenge: { tenge: remaining } } });
      break;
    }
    case "RENT_COMPENSATION": {
      const months = draft.months ?? 0;
      const monthsBefore = previous
        .filter((p) => p.kind === "RENT_COMPENSATION")
        .reduce((sum, p) => sum + (p.months ?? 0), 0);
      const monthsLeft = Math.max(0, entitlements.rentMonths - monthsBefore);
      if (months > monthsLeft)
        issues.push({ field: "months", key: "rentMonthsExceeded", values: { remaining: monthsLeft } });
      const max = entitlements.rentMonthlyMaxTenge * months;
      if (draft.amountTenge > max) issues.push({ field: "amountTenge", key: "aboveRent", values: { maxTenge: max } });
      break;
    }
    case "HOUSING_CERTIFICATE": {
      const remaining = Math.max(0, entitlements.housingCapTenge - paidBefore("HOUSING_CERTIFICATE"));
      if (draft.amountTenge > remaining)
        issues.push({ field: "amountTenge", key: "aboveHousingCap", values: { maxTenge: remaining } });
      break;
    }
  }
  return issues;
}
