import { describe, expect, it } from "vitest";
import {
  paymentsInForce,
  computeEntitlements,
  entitlementDay,
  hasExplanation,
  housingCertificateTenge,
  kazakhstanToday,
  nextPaymentDue,
  paymentIssues,
  relocationSubsidyTenge,
  rentCompensationMonthlyTenge,
  type BenefitRates,
  type PaymentDraft,
} from "./benefits";

// The published rates (domain.md); in the application they come from the settings in force.
const RATES: BenefitRates = {
  relocationMciPerMember: 70,
  rentMciPerMonth: { min: 15, max: 30 },
  rentMonths: 12,
  housingSharePercent: 50,
  housingCapTenge: 4_560_000,
};
const MCI_2026 = 4325;

describe("amounts", () => {
  it("pays 70 MCI per member who moves", () => {
    expect(relocationSubsidyTenge(MCI_2026, RATES, 1)).toBe(302_750);
    expect(relocationSubsidyTenge(MCI_2026, RATES, 4)).toBe(1_211_000);
    expect(relocationSubsidyTenge(3932, RATES, 3)).toBe(825_720);
    expect(relocationSubsidyTenge(MCI_2026, RATES, 0)).toBe(0);
  });

  it("compensates rent at 15 to 30 MCI a month", () => {
    expect(rentCompensationMonthlyTenge(MCI_2026, RATES)).toEqual({ min: 64_875, max: 129_750 });
  });

  it("covers half of a home's cost up to the cap", () => {
    expect(housingCertificateTenge(6_000_000, RATES)).toBe(3_000_000);
    expect(housingCertificateTenge(9_120_000, RATES)).toBe(4_560_000);
    expect(housingCertificateTenge(20_000_000, RATES)).toBe(4_560_000);
    expect(housingCertificateTenge(1_001, RATES)).toBe(500);
  });

  it("puts the entitlements of a family together", () => {
    expect(computeEntitlements({ year: 2026, mciTenge: MCI_2026, rates: RATES, membersMoving: 3 })).toEqual({
      year: 2026,
      mciTenge: MCI_2026,
      membersMoving: 3,
      relocationTenge: 908_250,
      rentMonthlyMinTenge: 64_875,
      rentMonthlyMaxTenge: 129_750,
      rentMonths: 12,
      rentTotalMaxTenge: 1_557_000,
      housingSharePercent: 50,
      housingCapTenge: 4_560_000,
    });
  });
});

describe("entitlementDay and kazakhstanToday", () => {
  const today = new Date(Date.UTC(2026, 10, 29));
  it("takes the arrival day, else the planned arrival, else today", () => {
    const arrival = new Date(Date.UTC(2025, 4, 1));
    const planned = new Date(Date.UTC(2027, 1, 1));
    expect(entitlementDay(arrival, planned, today)).toBe(arrival);
    expect(entitlementDay(null, planned, today)).toBe(planned);
    expect(entitlementDay(null, null, today)).toBe(today);
  });

  it("dates by the clock in Kazakhstan", () => {
    expect(kazakhstanToday(new Date("2026-11-29T20:30:00Z"))).toBe("2026-11-30");
    expect(kazakhstanToday(new Date("2026-11-29T10:00:00Z"))).toBe("2026-11-29");
  });
});

describe("paymentIssues", () => {
  const entitlements = computeEntitlements({ year: 2026, mciTenge: MCI_2026, rates: RATES, membersMoving: 2 });
  const context = { entitlements, previous: [], today: "2026-11-29" };
  const draft = (overrides: Partial<PaymentDraft>): PaymentDraft => ({
    kind: "RELOCATION_SUBSIDY",
    amountTenge: 100_000,
    paidOn: "2026-11-01",
    months: null,
    note: null,
    ...overrides,
  });
  const keys = (issues: { key: string }[]) => issues.map((issue) => issue.key);

  it("accepts a payment within the entitlement", () => {
    expect(paymentIssues(draft({ amountTenge: entitlements.relocationTenge }), context)).toEqual([]);
    expect(paymentIssues(draft({ kind: "RENT_COMPENSATION", months: 3, amountTenge: 3 * 129_750 }), context)).toEqual(
      [],
    );
    expect(paymentIssues(draft({ kind: "HOUSING_CERTIFICATE", amountTenge: 4_000_000 }), context)).toEqual([]);
  });

  it("refuses zero, negative or fractional amounts and dates in the future", () => {
    expect(keys(paymentIssues(draft({ amountTenge: 0 }), context))).toEqual(["amountPositive"]);
    expect(keys(paymentIssues(draft({ amountTenge: -5 }), context))).toEqual(["amountPositive"]);
    expect(keys(paymentIssues(draft({ amountTenge: 10.5 }), context))).toEqual(["amountPositive"]);
    expect(keys(paymentIssues(draft({ paidOn: "2026-11-30" }), context))).toEqual(["dateInFuture"]);
    expect(paymentIssues(draft({ paidOn: "2026-11-29" }), context)).toEqual([]);
  });

  it("wants months 1..12 for rent and only for rent", () => {
    expect(keys(paymentIssues(draft({ kind: "RENT_COMPENSATION", months: null }), context))).toEqual([
      "monthsRequired",
    ]);
    expect(keys(paymentIssues(draft({ kind: "RENT_COMPENSATION", months: 0 }), context))).toEqual(["monthsRange"]);
    expect(keys(paymentIssues(draft({ kind: "RENT_COMPENSATION", months: 13 }), context))).toEqual(["monthsRange"]);
    expect(keys(paymentIssues(draft({ months: 2 }), context))).toEqual(["monthsOnlyForRent"]);
  });

  it("refuses more relocation subsidy than the entitlement, counting earlier payments, unless a note explains it", () => {
    const over = draft({ amountTenge: entitlements.relocationTenge + 1 });
    expect(paymentIssues(over, context)).toEqual([
      { field: "amountTenge", key: "aboveRelocation", values: { maxTenge: { tenge: 605_500 } } },
    ]);
    const previous = [{ kind: "RELOCATION_SUBSIDY" as const, amountTenge: 600_000, months: null }];
    expect(paymentIssues(draft({ amountTenge: 5_501 }), { ...context, previous })).toEqual([
      { field: "amountTenge", key: "aboveRelocation", values: { maxTenge: { tenge: 5_500 } } },
    ]);
    expect(paymentIssues({ ...over, note: "Court order 12/2026" }, context)).toEqual([]);
    expect(keys(paymentIssues({ ...over, note: "ok" }, context))).toEqual(["aboveRelocation"]);
  });

  it("refuses rent above the maximum rate or beyond the months of the entitlement, unless explained", () => {
    expect(
      keys(paymentIssues(draft({ kind: "RENT_COMPENSATION", months: 2, amountTenge: 2 * 129_750 + 1 }), context)),
    ).toEqual(["aboveRent"]);
    const previous = [{ kind: "RENT_COMPENSATION" as const, amountTenge: 10 * 100_000, months: 10 }];
    expect(
      paymentIssues(draft({ kind: "RENT_COMPENSATION", months: 3, amountTenge: 300_000 }), { ...context, previous }),
    ).toEqual([{ field: "months", key: "rentMonthsExceeded", values: { remaining: 2 } }]);
  });

  it("refuses a housing certificate above the cap unless explained", () => {
    expect(keys(paymentIssues(draft({ kind: "HOUSING_CERTIFICATE", amountTenge: 4_560_001 }), context))).toEqual([
      "aboveHousingCap",
    ]);
  });

  it("needs an explanation for every payment when the rates or the MCI of the year are not set", () => {
    expect(keys(paymentIssues(draft({}), { ...context, entitlements: null }))).toEqual(["noEntitlementNeedsNote"]);
    expect(paymentIssues(draft({ note: "Rates for 2027 pending" }), { ...context, entitlements: null })).toEqual([]);
  });

  it("counts only a note of some length as an explanation", () => {
    expect(hasExplanation(null)).toBe(false);
    expect(hasExplanation("   short   ")).toBe(false);
    expect(hasExplanation("Order 15 of 2026")).toBe(true);
  });
});

describe("paymentsInForce", () => {
  it("leaves out reversed payments and keeps the rest in order", () => {
    const payments = [
      { id: 1, reversal: null },
      { id: 2, reversal: { id: 7 } },
      { id: 3, reversal: null },
    ];
    expect(paymentsInForce(payments).map((payment) => payment.id)).toEqual([1, 3]);
  });
});

describe("nextPaymentDue", () => {
  const arrival = new Date("2026-01-31T00:00:00Z");
  it("owes the relocation subsidy from the day of arrival first", () => {
    expect(nextPaymentDue(arrival, [], 12)).toEqual({ kind: "RELOCATION_SUBSIDY", month: null, dueDate: arrival });
    expect(nextPaymentDue(arrival, [{ kind: "RENT_COMPENSATION", months: 2 }], 12)?.kind).toBe("RELOCATION_SUBSIDY");
  });
  it("then the first month of rent not yet covered, from that month of the stay", () => {
    const relocation = { kind: "RELOCATION_SUBSIDY" as const, months: null };
    expect(nextPaymentDue(arrival, [relocation], 12)).toEqual({
      kind: "RENT_COMPENSATION",
      month: 1,
      dueDate: arrival,
    });
    expect(nextPaymentDue(arrival, [relocation, { kind: "RENT_COMPENSATION", months: 1 }], 12)).toEqual({
      kind: "RENT_COMPENSATION",
      month: 2,
      dueDate: new Date("2026-02-28T00:00:00Z"),
    });
  });
  it("owes nothing once every month of rent is covered, whatever the housing certificate", () => {
    const paid = [
      { kind: "RELOCATION_SUBSIDY" as const, months: null },
      { kind: "RENT_COMPENSATION" as const, months: 6 },
      { kind: "RENT_COMPENSATION" as const, months: 6 },
    ];
    expect(nextPaymentDue(arrival, paid, 12)).toBeNull();
    expect(nextPaymentDue(arrival, paid.slice(0, 2), 12)?.month).toBe(7);
  });
});
