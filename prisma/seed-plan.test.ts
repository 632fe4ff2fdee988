import { describe, expect, it } from "vitest";
import { parseCaseNumber } from "@/lib/domain/case-number";
import { validateIin } from "@/lib/domain/iin";
import { SURNAMES } from "@/lib/domain/names";
import { QUOTA_2026 } from "@/lib/domain/quota-reference";
import { SHOWCASE_FAMILIES } from "./demo-families";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_USER_LIST, demoUser } from "./demo-users";
import { planSeed } from "./seed-plan";

const PLAN = planSeed();

describe("planSeed", () => {
  it("is deterministic", () => {
    const again = planSeed();
    expect(again.families.map((f) => [f.caseNumber, f.draft.members.map((m) => m.iin)])).toEqual(
      PLAN.families.map((f) => [f.caseNumber, f.draft.members.map((m) => m.iin)]),
    );
  });

  it("plans 200 families, at least 45 in Pavlodar and 22 in Akmola", () => {
    expect(PLAN.families).toHaveLength(200);
    expect(PLAN.families.filter((f) => f.draft.targetRegionId === "KZ-55").length).toBeGreaterThanOrEqual(45);
    expect(PLAN.families.filter((f) => f.draft.targetRegionId === "KZ-11").length).toBeGreaterThanOrEqual(22);
  });

  it("honours the requested size", () => {
    expect(planSeed({ families: 80, seed: 1 }).families).toHaveLength(80);
  });

  it("numbers cases per registration year, in application order, matching the counters", () => {
    const byYear = new Map<number, number[]>();
    for (const f of PLAN.families) {
      const parsed = parseCaseNumber(f.caseNumber);
      expect(parsed?.year).toBe(f.draft.applicationDate.getUTCFullYear());
      byYear.set(parsed!.year, [...(byYear.get(parsed!.year) ?? []), parsed!.seq]);
    }
    for (const { year, last } of PLAN.counters) {
      expect(byYear.get(year)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    }
    const dates = PLAN.families.map((f) => f.draft.applicationDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it("keeps IINs unique and valid across the whole data set", () => {
    const iins = PLAN.families.flatMap((f) => f.draft.members.map((m) => m.iin)).filter((x): x is string => x !== null);
    expect(new Set(iins).size).toBe(iins.length);
    for (const iin of iins) expect(validateIin(iin).ok).toBe(true);
  });

  it("has a quota row for every 2026 figure, allocated = persons of active allocations, never above total", () => {
    expect(PLAN.quotas).toHaveLength(Object.keys(QUOTA_2026.KANDAS).length + Object.keys(QUOTA_2026.SETTLER).length);
    for (const q of PLAN.quotas) {
      expect(q.total).toBe(QUOTA_2026[q.pool][q.regionId]);
      const persons = PLAN.families
        .filter(
          (f) =>
            f.draft.targetRegionId === q.regionId &&
            f.draft.category === q.pool &&
            f.draft.allocation?.status === "ACTIVE",
        )
        .reduce((s, f) => s + (f.draft.allocation?.persons ?? 0), 0);
      expect(q.allocated).toBe(persons);
      expect(q.allocated).toBeLessThanOrEqual(q.total);
    }
    expect(PLAN.quotas.some((q) => q.allocated > 0)).toBe(true);
  });

  it("includes every showcase family with its status and head", () => {
    for (const s of SHOWCASE_FAMILIES) {
      const f = PLAN.families.find((x) => x.showcaseKey === s.key);
      expect(f, s.key).toBeDefined();
      expect(f!.draft).toMatchObject({ status: s.status, category: s.category, targetRegionId: s.targetRegionId });
      expect(f!.draft.members[0]).toMatchObject({ iin: s.head.iin, givenNameCyr: s.head.givenNameCyr });
      expect(f!.draft.members).toHaveLength(s.size);
    }
  });
});

describe("showcase families and demo users", () => {
  it("use surnames outside the random pool and valid head IINs", () => {
    for (const s of SHOWCASE_FAMILIES) {
      expect(SURNAMES).not.toContain(s.head.surnameCyr);
      expect(validateIin(s.head.iin)).toMatchObject({ ok: true, sex: s.head.sex });
    }
    expect(new Set(SHOWCASE_FAMILIES.map((s) => s.key)).size).toBe(SHOWCASE_FAMILIES.length);
  });

  it("has the six demo accounts plus the throttle probe, lower-case emails, regions matching roles", () => {
    expect(DEMO_USER_LIST).toHaveLength(7);
    expect(DEMO_PASSWORD).toBe("Demo-2026!");
    expect(DEMO_USERS.coordinatorPavlodar).toMatchObject({
      email: "coordinator.pavlodar@nurlykosh.kz",
      role: "COORDINATOR",
      regionId: "KZ-55",
    });
    expect(DEMO_USERS.throttleProbe.role).toBe("ANALYST");
    for (const u of DEMO_USER_LIST) {
      expect(u.email).toBe(u.email.toLowerCase());
      expect(u.password).toBe(DEMO_PASSWORD);
      expect(u.regionId === null).toBe(u.role === "ADMIN" || u.role === "ANALYST");
    }
    expect(demoUser("ANALYST").email).toBe("analyst@nurlykosh.kz");
    expect(demoUser("CASEWORKER", "KZ-11").email).toBe("caseworker.akmola@nurlykosh.kz");
    expect(() => demoUser("CASEWORKER", "KZ-63")).toThrow(RangeError);
  });
});
