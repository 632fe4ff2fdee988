import { describe, expect, it } from "vitest";
import { holdsQuota } from "@/lib/domain/case-status";
import { compareIinWithPerson, validateIin } from "@/lib/domain/iin";
import { patronymicFrom } from "@/lib/domain/names";
import { getRegion } from "@/lib/domain/regions";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import { SEED_REFERENCE_DATE, buildFamily, type FamilyDraft } from "./family";
import { familyCreateData } from "./prisma-data";
import { addMonths, isoDay, mulberry32 } from "./random";

const YEAR_MS = 365.25 * 86_400_000;
const ageOn = (birth: Date, at: Date) => (at.getTime() - birth.getTime()) / YEAR_MS;

function many(n: number, seed = 11): FamilyDraft[] {
  const rng = mulberry32(seed);
  const usedIins = new Set<string>();
  return Array.from({ length: n }, () => buildFamily(rng, { usedIins }));
}

const FAMILIES = many(600);
const PERSONS = FAMILIES.flatMap((f) => f.members.map((m) => ({ f, m })));

describe("buildFamily: determinism", () => {
  it("builds the same family from the same seed", () => {
    expect(buildFamily(mulberry32(5))).toEqual(buildFamily(mulberry32(5)));
    expect(buildFamily(mulberry32(5))).not.toEqual(buildFamily(mulberry32(6)));
  });
});

describe("buildFamily: people", () => {
  it("gives every IIN that exists a valid, unique value matching birth date and sex", () => {
    const iins = PERSONS.map(({ m }) => m.iin).filter((x): x is string => x !== null);
    expect(new Set(iins).size).toBe(iins.length);
    for (const { m } of PERSONS) {
      if (m.iin === null) continue;
      expect(validateIin(m.iin).ok).toBe(true);
      expect(compareIinWithPerson(m.iin, m.birthDate, m.sex)).toEqual([]);
    }
  });

  it("leaves about 20% of kandas without an IIN and every settler with one", () => {
    const kandas = PERSONS.filter(({ f }) => f.category === "KANDAS");
    const missing = kandas.filter(({ m }) => m.iin === null).length / kandas.length;
    expect(missing).toBeGreaterThan(0.12);
    expect(missing).toBeLessThan(0.28);
    expect(PERSONS.filter(({ f, m }) => f.category === "SETTLER" && m.iin === null)).toEqual([]);
  });

  it("has one head at position 1 and positions 1..n", () => {
    for (const f of FAMILIES) {
      expect(f.members.map((m) => m.position)).toEqual(f.members.map((_, i) => i + 1));
      expect(f.members.filter((m) => m.isHead)).toHaveLength(1);
      expect(f.members[0]?.isHead).toBe(true);
      for (const m of f.members) expect(m.relationship === "HEAD").toBe(m.isHead);
    }
  });

  it("sizes households 1–8 with a mean of about 3.5", () => {
    const sizes = FAMILIES.map((f) => f.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(8);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(3.2);
    expect(mean).toBeLessThan(3.9);
  });

  it("mixes ages about 60% working age, 32% minors, 8% pensioners", () => {
    const ages = PERSONS.map(({ m }) => ageOn(m.birthDate, SEED_REFERENCE_DATE));
    const minors = ages.filter((a) => a < 18).length / ages.length;
    const pensioners = ages.filter((a) => a >= 63).length / ages.length;
    expect(minors).toBeGreaterThan(0.27);
    expect(minors).toBeLessThan(0.38);
    expect(pensioners).toBeGreaterThan(0.05);
    expect(pensioners).toBeLessThan(0.12);
    expect(1 - minors - pensioners).toBeGreaterThan(0.52);
  });

  it("keeps relationships consistent with ages and sexes", () => {
    for (const f of FAMILIES) {
      const head = f.members[0]!;
      for (const m of f.members) {
        const gap = ageOn(m.birthDate, head.birthDate); // positive: m is older than the head
        if (m.relationship === "CHILD") expect(gap).toBeLessThan(-16);
        if (m.relationship === "GRANDCHILD") expect(gap).toBeLessThan(-36);
        if (m.relationship === "PARENT") expect(gap).toBeGreaterThan(16);
        if (m.relationship === "SPOUSE") {
          expect(m.sex).not.toBe(head.sex);
          expect(ageOn(m.birthDate, f.applicationDate)).toBeGreaterThanOrEqual(18);
        }
      }
    }
  });

  it("writes names in Cyrillic and their passport Latin", () => {
    for (const { m } of PERSONS) {
      expect(m.surnameLat).toBe(transliterateKazakh(m.surnameCyr));
      expect(m.givenNameLat).toBe(transliterateKazakh(m.givenNameCyr));
      expect(m.patronymicLat).toBe(m.patronymicCyr === null ? null : transliterateKazakh(m.patronymicCyr));
      if (m.sex === "F") expect(m.surnameCyr).toMatch(/а$/);
      if (m.patronymicCyr?.endsWith("ұлы") || m.patronymicCyr?.endsWith("вич")) expect(m.sex).toBe("M");
    }
  });

  it("derives children's patronymic from the father's given name", () => {
    for (const f of FAMILIES) {
      const head = f.members[0]!;
      if (head.sex !== "M" || head.patronymicCyr === null) continue;
      for (const c of f.members.filter((m) => m.relationship === "CHILD")) {
        expect([
          patronymicFrom(head.givenNameCyr, c.sex, "kazakh"),
          patronymicFrom(head.givenNameCyr, c.sex, "russian"),
        ]).toContain(c.patronymicCyr);
      }
    }
  });
});

describe("buildFamily: origin and target", () => {
  it("takes kandas from origin countries in the published proportions", () => {
    const kandas = FAMILIES.filter((f) => f.category === "KANDAS");
    const share = (c: string) => kandas.filter((f) => f.originCountry === c).length / kandas.length;
    expect(share("UZ")).toBeGreaterThan(0.4);
    expect(share("UZ")).toBeLessThan(0.58);
    expect(share("CN")).toBeGreaterThan(0.17);
    expect(share("CN")).toBeLessThan(0.33);
    expect(share("MN")).toBeGreaterThan(0.06);
    expect(share("MN")).toBeLessThan(0.16);
    for (const f of kandas) expect(f.originRegionId).toBeNull();
  });

  it("takes settlers from labour-surplus regions", () => {
    for (const f of FAMILIES.filter((x) => x.category === "SETTLER")) {
      expect(f.originCountry).toBeNull();
      expect(getRegion(f.originRegionId ?? "").isLabourSurplus).toBe(true);
      expect(f.members.every((m) => m.citizenship === "KZ")).toBe(true);
    }
  });

  it("sends families only to regions with a quota in their pool, weighted towards Pavlodar", () => {
    for (const f of FAMILIES) expect(getRegion(f.targetRegionId).isResettlementTarget).toBe(true);
    for (const f of FAMILIES.filter((x) => x.category === "SETTLER")) expect(f.targetRegionId).not.toBe("KZ-11");
    const pavlodar = FAMILIES.filter((f) => f.targetRegionId === "KZ-55").length / FAMILIES.length;
    expect(pavlodar).toBeGreaterThan(0.25);
  });
});

describe("buildFamily: history", () => {
  it("ends in the family's status with a consistent chain of increasing dates", () => {
    for (const f of FAMILIES) {
      expect(f.events[0]?.fromStatus).toBeNull();
      expect(f.events[0]?.toStatus).toBe("REGISTERED");
      expect(isoDay(f.events[0]!.at)).toBe(isoDay(f.applicationDate));
      expect(f.events[f.events.length - 1]?.toStatus).toBe(f.status);
      for (let i = 1; i < f.events.length; i++) {
        expect(f.events[i]!.fromStatus).toBe(f.events[i - 1]!.toStatus);
        expect(f.events[i]!.at.getTime()).toBeGreaterThan(f.events[i - 1]!.at.getTime());
      }
      expect(f.events[f.events.length - 1]!.at.getTime()).toBeLessThan(SEED_REFERENCE_DATE.getTime() + 86_400_000);
    }
  });

  it("spreads statuses over the whole lifecycle", () => {
    const statuses = new Set(FAMILIES.map((f) => f.status));
    expect(statuses.size).toBe(10);
  });

  it("records the decision for approved cases and the status period for kandas", () => {
    for (const f of FAMILIES) {
      const approved = f.events.find((e) => e.toStatus === "APPROVED");
      if (!approved) {
        expect(f.decisionNumber).toBeNull();
        continue;
      }
      expect(f.decisionNumber).toMatch(/^(KS|PS)-[0-9]{2}\/20[0-9]{2}-[0-9]{4}$/);
      expect(approved.data).toEqual({ decisionNumber: f.decisionNumber, decisionDate: isoDay(f.decisionDate!) });
      if (f.category === "KANDAS") expect(f.statusValidUntil).toEqual(addMonths(f.decisionDate!, 12));
      else expect(f.statusValidUntil).toBeNull();
    }
  });

  it("keeps active kandas cases within their status period", () => {
    for (const f of FAMILIES.filter(
      (x) => x.category === "KANDAS" && ["APPROVED", "QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED"].includes(x.status),
    )) {
      expect(f.statusValidUntil!.getTime()).toBeGreaterThan(SEED_REFERENCE_DATE.getTime());
    }
    for (const f of FAMILIES.filter((x) => x.status === "EXPIRED")) {
      expect(f.category).toBe("KANDAS");
      expect(f.statusValidUntil!.getTime()).toBeLessThan(f.events[f.events.length - 1]!.at.getTime());
    }
  });

  it("records arrival for resettled cases and reasons for rejections and withdrawals", () => {
    for (const f of FAMILIES) {
      const arrived = f.events.find((e) => e.toStatus === "RESETTLED");
      expect(f.arrivalDate === null).toBe(!arrived);
      if (arrived) expect(arrived.data).toEqual({ arrivalDate: isoDay(f.arrivalDate!) });
      for (const e of f.events) {
        if (e.toStatus === "REJECTED" || e.toStatus === "WITHDRAWN") expect(e.reason).toBeTruthy();
        else expect(e.reason).toBeNull();
      }
    }
  });

  it("allocates quota after the order, released if the family leaves before arrival", () => {
    for (const f of FAMILIES) {
      const allocated = f.events.find((e) => e.toStatus === "QUOTA_ALLOCATED");
      expect(f.allocation === null).toBe(!allocated);
      if (!f.allocation) continue;
      expect(f.allocation.year).toBe(2026);
      expect(f.allocation.at.getTime()).toBeGreaterThan(Date.UTC(2026, 0, 15));
      expect(f.allocation.persons).toBe(f.members.length);
      expect(f.allocation.status === "ACTIVE").toBe(holdsQuota(f.status));
    }
  });

  it("keeps registration and review recent", () => {
    for (const f of FAMILIES.filter((x) => x.status === "REGISTERED" || x.status === "UNDER_REVIEW")) {
      expect(SEED_REFERENCE_DATE.getTime() - f.applicationDate.getTime()).toBeLessThanOrEqual(60 * 86_400_000);
    }
  });
});

describe("buildFamily: options", () => {
  it("honours category, region, status, size and head overrides", () => {
    const birthDate = new Date(Date.UTC(1985, 3, 12));
    const f = buildFamily(mulberry32(1), {
      category: "KANDAS",
      targetRegionId: "KZ-11",
      status: "QUOTA_ALLOCATED",
      originCountry: "MN",
      size: 5,
      targetDistrictNameEn: "Burabay District",
      head: {
        surnameCyr: "Тестов",
        givenNameCyr: "Асқар",
        patronymicCyr: null,
        sex: "M",
        birthDate,
        iin: "850412353067",
      },
    });
    expect(f).toMatchObject({
      category: "KANDAS",
      targetRegionId: "KZ-11",
      status: "QUOTA_ALLOCATED",
      originCountry: "MN",
    });
    expect(f.targetDistrictNameEn).toBe("Burabay District");
    expect(f.members).toHaveLength(5);
    expect(f.members[0]).toMatchObject({
      surnameCyr: "Тестов",
      givenNameCyr: "Асқар",
      patronymicCyr: null,
      iin: "850412353067",
      birthDate,
    });
  });

  it("never marks a settler EXPIRED (settlers hold no status period)", () => {
    expect(buildFamily(mulberry32(2), { category: "SETTLER", status: "EXPIRED" }).status).toBe("APPROVED");
  });

  it("does not reuse IINs in the shared set", () => {
    const usedIins = new Set<string>();
    const f = buildFamily(mulberry32(3), { usedIins, category: "SETTLER" });
    expect(usedIins.size).toBe(f.members.length);
  });
});

describe("familyCreateData", () => {
  it("nests members and events with the actors of their roles", () => {
    const f = FAMILIES.find((x) => x.status === "SUPPORTED")!;
    const data = familyCreateData(f, {
      caseNumber: "NK-2026-000001",
      districtId: 7,
      actorIdFor: (r) => (r === "COORDINATOR" ? 2 : 3),
    });
    expect(data).toMatchObject({
      caseNumber: "NK-2026-000001",
      targetDistrictId: 7,
      createdById: 3,
      status: "SUPPORTED",
    });
    expect(data.version).toBe(f.events.length);
    const members = data.members as { create: unknown[] };
    const events = data.events as { create: { actorId: number; toStatus: string }[] };
    expect(members.create).toHaveLength(f.members.length);
    expect(events.create.find((e) => e.toStatus === "APPROVED")?.actorId).toBe(2);
    expect(events.create.find((e) => e.toStatus === "RESETTLED")?.actorId).toBe(3);
  });
});
