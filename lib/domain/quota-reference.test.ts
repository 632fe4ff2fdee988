import { describe, expect, it } from "vitest";
import { NATIONAL_QUOTA_TOTALS, QUOTA_2026, quota2026Total } from "./quota-reference";
import { getRegion } from "./regions";

describe("QUOTA_2026", () => {
  it("adds up to the national totals of the 2026 order", () => {
    expect(quota2026Total("KANDAS")).toBe(NATIONAL_QUOTA_TOTALS[2026]?.KANDAS);
    expect(quota2026Total("SETTLER")).toBe(NATIONAL_QUOTA_TOTALS[2026]?.SETTLER);
    expect(quota2026Total("KANDAS")).toBe(2281);
    expect(quota2026Total("SETTLER")).toBe(5997);
  });

  it("only names resettlement-target regions, and every one of them", () => {
    const ids = new Set([...Object.keys(QUOTA_2026.KANDAS), ...Object.keys(QUOTA_2026.SETTLER)]);
    for (const id of ids) expect(getRegion(id).isResettlementTarget, id).toBe(true);
    expect(ids.size).toBe(10);
  });

  it("keeps Pavlodar's figures", () => {
    expect(QUOTA_2026.KANDAS["KZ-55"]).toBe(977);
    expect(QUOTA_2026.SETTLER["KZ-55"]).toBe(1655);
  });
});
