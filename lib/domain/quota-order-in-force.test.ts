import { describe, expect, it } from "vitest";
import { orderInForce } from "./quota-order-in-force";

const order = (reference: string, day: string, isAmendment: boolean) => ({
  reference,
  orderDate: new Date(`${day}T00:00:00Z`),
  isAmendment,
});

describe("orderInForce", () => {
  it("is the original order alone while nothing amended it", () => {
    const original = order("№ 14", "2026-01-15", false);
    expect(orderInForce([original])).toEqual({ original, lastAmendment: null, amendments: 0 });
  });

  it("names the latest amendment by its date, the later one of the same day last", () => {
    const original = order("№ 14", "2026-01-15", false);
    const june = order("№ 40", "2026-06-01", true);
    const march = order("№ 22", "2026-03-01", true);
    const juneAgain = order("№ 41", "2026-06-01", true);
    expect(orderInForce([original, march, june, juneAgain])).toEqual({
      original,
      lastAmendment: juneAgain,
      amendments: 3,
    });
    expect(orderInForce([march, original, juneAgain, june])?.lastAmendment).toBe(june);
  });

  it("is null for a year without an original order", () => {
    expect(orderInForce([])).toBeNull();
    expect(orderInForce([order("№ 22", "2026-03-01", true)])).toBeNull();
  });
});
