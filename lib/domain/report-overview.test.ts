import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "./case-status";
import { AGE_GROUPS, ageGroupOf, FUNNEL_STAGES, funnelStage, WORKING_AGE } from "./report-overview";

describe("funnel", () => {
  it("follows the lifecycle order of the main line and puts side exits off it", () => {
    expect(FUNNEL_STAGES).toEqual(CASE_STATUSES.slice(0, 7));
    expect(FUNNEL_STAGES.map(funnelStage)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(["REJECTED", "WITHDRAWN", "EXPIRED"].map((status) => funnelStage(status as "REJECTED"))).toEqual([0, 0, 0]);
  });
});

describe("age groups", () => {
  it("cover every age once, without gaps", () => {
    for (const [index, group] of AGE_GROUPS.entries()) {
      const next = AGE_GROUPS[index + 1];
      if (next) expect(next.from).toBe((group.to ?? Number.NaN) + 1);
      else expect(group.to).toBeNull();
    }
    expect(AGE_GROUPS[0].from).toBe(0);
  });

  it("put the edges of working age in working-age groups", () => {
    expect([0, 6, 7, 15, 16, 29, 30, 44, 45, 62, 63, 90].map(ageGroupOf)).toEqual([
      "age0to6",
      "age0to6",
      "age7to15",
      "age7to15",
      "age16to29",
      "age16to29",
      "age30to44",
      "age30to44",
      "age45to62",
      "age45to62",
      "age63plus",
      "age63plus",
    ]);
    const working = AGE_GROUPS.filter(
      (group) => group.from >= WORKING_AGE.from && group.to !== null && group.to <= WORKING_AGE.to,
    );
    expect(working.map((group) => group.key)).toEqual(["age16to29", "age30to44", "age45to62"]);
    expect(working[0]?.from).toBe(WORKING_AGE.from);
    expect(working.at(-1)?.to).toBe(WORKING_AGE.to);
  });
});
