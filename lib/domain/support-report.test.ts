import { describe, expect, it } from "vitest";
import { suppressSmallCells } from "./small-cells";
import { SUPPORT_FIGURES, supportColumns, tengeToMci } from "./support-report";

describe("tengeToMci", () => {
  it("divides by the MCI of the year and rounds to two decimals, half away from zero", () => {
    expect(tengeToMci(3_600_000, 3932)).toBe(915.56); // 915.5645…
    expect(tengeToMci(3932, 3932)).toBe(1);
    expect(tengeToMci(20, 4000)).toBe(0.01); // exactly 0.005: up, as PostgreSQL ROUND(numeric, 2)
    expect(tengeToMci(19, 4000)).toBe(0); // 0.00475
    expect(tengeToMci(1_005, 100_000)).toBe(0.01); // 0.01005
    expect(tengeToMci(4_020, 4000)).toBe(1.01); // 1.005, a binary trap for Math.round(x * 100) / 100
    expect(tengeToMci(-20, 4000)).toBe(-0.01);
    expect(tengeToMci(0, 4000)).toBe(0);
  });

  it("has no value without an MCI for the year", () => {
    expect(tengeToMci(100, null)).toBeNull();
    expect(tengeToMci(100, 0)).toBeNull();
  });

  it("stays exact for national sums in the hundreds of billions", () => {
    expect(tengeToMci(281_999_999_999, 3932)).toBe(71_719_226.86); // 71 719 226.856…
  });
});

describe("columns of the support tables", () => {
  it("name the month or the region, then the amounts, families and persons", () => {
    expect(supportColumns("month").map((column) => column.key)).toEqual(["month", ...SUPPORT_FIGURES]);
    expect(supportColumns("region")[0]).toMatchObject({ key: "region", labels: { kind: "region" } });
    expect(supportColumns("month")[0]).toMatchObject({ key: "month", labels: { kind: "month" } });
  });

  it("hide the amounts and persons of a cell whose families are hidden, and show MCI with decimals", () => {
    const rows = [
      [1, 700_000, 175, 0, 0, 700_000, 175, 3, 9],
      [2, 2_000_000, 500, 100_000, 25, 2_100_000, 525, 6, 20],
      [3, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    const shown = suppressSmallCells(rows, supportColumns("month"));
    expect(shown[0]).toEqual([1, null, null, null, null, null, null, null, null]);
    expect(shown.slice(1)).toEqual(rows.slice(1));
    expect(
      supportColumns("month")
        .filter((column) => column.kind === "decimal")
        .map((column) => column.key),
    ).toEqual(["relocationMci", "rentMci", "totalMci"]);
  });
});
