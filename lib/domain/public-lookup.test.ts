import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "./case-status";
import {
  addressThrottleKey,
  caseThrottleText,
  familyActionsFor,
  isOverLimit,
  missingDocuments,
  nextStepFor,
  publicNextStep,
  NEXT_STEPS,
  normaliseCaseNumber,
  parseLookupInput,
  DEFAULT_LOOKUP_LIMITS,
  publicName,
  publicTimeline,
  secondsUntilWindowEnds,
  secretText,
  showsStatusExpiry,
  stepsAhead,
  throttleRetentionMinutes,
} from "./public-lookup";

const IIN = "850412353067";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("parseLookupInput", () => {
  it("reads a case number with the head's date of birth from a date input", () => {
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate: "1985-04-12", iin: "" })).toEqual({
      caseNumber: "NK-2099-000123",
      secret: { kind: "birthDate", day: day("1985-04-12") },
    });
  });

  it("reads the IIN with spaces, and prefers it when both are given", () => {
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", iin: " 850412 353067 " })).toEqual({
      caseNumber: "NK-2099-000123",
      secret: { kind: "iin", iin: IIN },
    });
    expect(
      parseLookupInput({ caseNumber: "NK-2099-000123", birthDate: "1999-01-01", iin: "8504 1235 3067" })?.secret,
    ).toEqual({
      kind: "iin",
      iin: IIN,
    });
  });

  it("forgives letter case, spaces, missing separators and a missing prefix in the case number", () => {
    for (const typed of ["nk-2099-000123", "  NK 2099 000123 ", "NK2099000123", "2099-000123", "Nk-2099000123"]) {
      expect(normaliseCaseNumber(typed), typed).toBe("NK-2099-000123");
    }
  });

  it("turns full-width digits and letters into ASCII (NFKC), as some phone keyboards type them", () => {
    expect(normaliseCaseNumber("ＮＫ－２０９９－０００１２３")).toBe("NK-2099-000123");
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate: "１９８５-０４-１２" })?.secret).toEqual({
      kind: "birthDate",
      day: day("1985-04-12"),
    });
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", iin: "８５０４１２３５３０６７" })?.secret).toEqual({
      kind: "iin",
      iin: IIN,
    });
  });

  it("refuses dates in any format but yyyy-mm-dd, and impossible dates", () => {
    for (const birthDate of [
      "12.04.1985",
      "04/12/1985",
      "1985/04/12",
      "12 April 1985",
      "19850412",
      "1985-4-12",
      "1985-02-30",
      "0000-01-01",
    ]) {
      expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate }), birthDate).toBeNull();
    }
  });

  it("refuses an IIN that is too short, not digits or fails its check digit", () => {
    for (const iin of ["85041235306", "850412353068", "85041235306x", "8504-1235-3067"]) {
      expect(parseLookupInput({ caseNumber: "NK-2099-000123", iin }), iin).toBeNull();
    }
  });

  it("refuses missing fields and values that are not strings", () => {
    expect(parseLookupInput({ caseNumber: "NK-2099-000123" })).toBeNull();
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate: "", iin: "  " })).toBeNull();
    expect(parseLookupInput({ birthDate: "1985-04-12" })).toBeNull();
    expect(parseLookupInput({ caseNumber: ["NK-2099-000123"], birthDate: "1985-04-12" })).toBeNull();
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate: { toString: () => "1985-04-12" } })).toBeNull();
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", iin: 850412353067 })).toBeNull();
  });

  it("refuses case numbers that cannot exist: sequence 0, a year before 1000, extra digits", () => {
    for (const typed of ["NK-2099-000000", "NK-0999-000001", "NK-2099-0001234", "NK-20990-00123", "NK--2099-000123"]) {
      expect(normaliseCaseNumber(typed), typed).toBeNull();
    }
  });

  it("refuses 10 kB strings in every field without work on them", () => {
    const huge = "9".repeat(10_240);
    const padded = `NK-2099-000123${" ".repeat(10_240)}`;
    expect(parseLookupInput({ caseNumber: huge, birthDate: "1985-04-12" })).toBeNull();
    expect(parseLookupInput({ caseNumber: padded, birthDate: "1985-04-12" })).toBeNull();
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate: `1985-04-12${" ".repeat(10_240)}` })).toBeNull();
    expect(parseLookupInput({ caseNumber: "NK-2099-000123", iin: huge })).toBeNull();
  });

  it("refuses markup, SQL fragments and Unicode tricks", () => {
    const hostile = [
      "<script>alert(1)</script>",
      "NK-2099-000123<script>",
      "' OR 1=1 --",
      "NK-2099-000123' OR '1'='1",
      "NK-2099-000123; DROP TABLE family;",
      "NK-2099\u200B-000123", // zero-width space
      "NK-2099-000123\u200D", // zero-width joiner
      "NK-2099-\uFEFF000123", // byte-order mark inside (at either end trim() removes it, as it removes spaces)
      "\u202ENK-2099-000123", // right-to-left override
      "NK-2099-321000\u202C",
      "NK\u20132099\u2013000123", // en dashes
      "NK-2099-٠٠٠١٢٣", // Arabic-Indic digits
      "NK-2099-000123\u0000",
    ];
    for (const caseNumber of hostile) {
      expect(parseLookupInput({ caseNumber, birthDate: "1985-04-12" }), JSON.stringify(caseNumber)).toBeNull();
    }
    for (const birthDate of ["<script>", "1985-04-12' OR 1=1 --", "1985-04-12\u200B", "\u202E21-40-5891"]) {
      expect(parseLookupInput({ caseNumber: "NK-2099-000123", birthDate }), JSON.stringify(birthDate)).toBeNull();
    }
    for (const iin of ["' OR 1=1 --", "850412\u200B353067", "\u202E760353214058"]) {
      expect(parseLookupInput({ caseNumber: "NK-2099-000123", iin }), JSON.stringify(iin)).toBeNull();
    }
  });
});

describe("secretText", () => {
  it("keeps a date and an IIN apart and carries only the calendar day", () => {
    expect(secretText({ kind: "birthDate", day: day("1985-04-12") })).toBe("birthDate:1985-04-12");
    expect(secretText({ kind: "iin", iin: IIN })).toBe(`iin:${IIN}`);
  });
});

describe("publicName", () => {
  it("shows the first name and the initial of the surname, Cyrillic and Latin", () => {
    expect(publicName("Ерлан", "Сейітов")).toBe("Ерлан С.");
    expect(publicName("Erlan", "Seyitov")).toBe("Erlan S.");
    expect(publicName(" Әйгерім ", "әбілова")).toBe("Әйгерім Ә.");
    expect(publicName("Ілияс", "Ұлықбеков")).toBe("Ілияс Ұ.");
  });

  it("keeps a letter with its combining mark together and copes with blanks", () => {
    expect(publicName("Anna", "E\u0301rlanova")).toBe("Anna \u00C9.");
    expect(publicName("Ерлан", "")).toBe("Ерлан");
    expect(publicName("", "Сейітов")).toBe("С.");
    expect(publicName("Мария  Анна", "Ким")).toBe("Мария Анна К.");
  });
});

describe("nextStepFor", () => {
  it("names one step for every status, each a known key", () => {
    const expected = {
      REGISTERED: "review",
      UNDER_REVIEW: "decision",
      APPROVED: "quota",
      QUOTA_ALLOCATED: "arrival",
      RESETTLED: "support",
      SUPPORTED: "closing",
      CLOSED: "closed",
      REJECTED: "rejected",
      WITHDRAWN: "withdrawn",
      EXPIRED: "expired",
    };
    for (const status of CASE_STATUSES) {
      expect(nextStepFor(status)).toBe(expected[status]);
      expect(NEXT_STEPS).toContain(nextStepFor(status));
    }
  });
});

describe("publicNextStep", () => {
  it("tells a family with missing documents to bring them, whatever comes after, until arrival", () => {
    for (const status of ["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED"] as const) {
      expect(publicNextStep({ status, missingDocuments: ["APPLICATION"] })).toBe("documents");
      expect(publicNextStep({ status, missingDocuments: [] })).toBe(nextStepFor(status));
    }
  });

  it("ignores documents once they no longer matter", () => {
    for (const status of ["RESETTLED", "SUPPORTED", "CLOSED", "REJECTED", "WITHDRAWN", "EXPIRED"] as const)
      expect(publicNextStep({ status, missingDocuments: ["APPLICATION"] })).toBe(nextStepFor(status));
  });

  it("never says both to move and to bring documents", () => {
    const today = day("2026-06-01");
    const missingDocuments = ["IDENTITY_DOCUMENT"] as const;
    const input = { status: "QUOTA_ALLOCATED" as const, category: "KANDAS" as const, missingDocuments, today };
    expect(publicNextStep(input)).not.toBe("arrival");
    expect(familyActionsFor({ ...input, statusValidUntil: day("2027-01-01") })).not.toContain("prepare-arrival");
  });
});

describe("familyActionsFor", () => {
  const today = day("2026-06-01");
  const base = {
    category: "KANDAS" as const,
    missingDocuments: [] as const,
    statusValidUntil: day("2027-01-01"),
    today,
  };

  it("asks for missing documents until arrival, not after", () => {
    for (const status of ["REGISTERED", "UNDER_REVIEW", "APPROVED", "QUOTA_ALLOCATED"] as const) {
      expect(familyActionsFor({ ...base, status, missingDocuments: ["AUTOBIOGRAPHY"] })).toContain("bring-documents");
    }
    for (const status of ["RESETTLED", "SUPPORTED", "CLOSED", "WITHDRAWN"] as const) {
      expect(familyActionsFor({ ...base, status, missingDocuments: ["AUTOBIOGRAPHY"] })).not.toContain(
        "bring-documents",
      );
    }
    expect(familyActionsFor({ ...base, status: "REGISTERED" })).toEqual([]);
  });

  it("asks a kandas family to renew a status that expires within 30 days or has expired", () => {
    expect(familyActionsFor({ ...base, status: "APPROVED", statusValidUntil: day("2026-07-01") })).toEqual([
      "renew-status",
    ]);
    expect(familyActionsFor({ ...base, status: "APPROVED", statusValidUntil: day("2026-05-31") })).toEqual([
      "renew-status",
    ]);
    expect(familyActionsFor({ ...base, status: "APPROVED", statusValidUntil: day("2026-07-02") })).toEqual([]);
    expect(familyActionsFor({ ...base, status: "RESETTLED", statusValidUntil: day("2026-06-10") })).toEqual([
      "renew-status",
    ]);
    expect(
      familyActionsFor({ ...base, category: "SETTLER", status: "APPROVED", statusValidUntil: day("2026-06-10") }),
    ).toEqual([]);
    expect(familyActionsFor({ ...base, status: "CLOSED", statusValidUntil: day("2026-06-10") })).toEqual([]);
  });

  it("asks to prepare the move once places are allocated, and to contact the centre after a refusal or expiry", () => {
    expect(familyActionsFor({ ...base, status: "QUOTA_ALLOCATED" })).toEqual(["prepare-arrival"]);
    // Not while documents are missing: the arrival waits for them.
    expect(familyActionsFor({ ...base, status: "QUOTA_ALLOCATED", missingDocuments: ["APPLICATION"] })).toEqual([
      "bring-documents",
    ]);
    expect(familyActionsFor({ ...base, status: "REJECTED" })).toEqual(["contact-centre"]);
    expect(familyActionsFor({ ...base, status: "EXPIRED", statusValidUntil: day("2026-01-01") })).toEqual([
      "contact-centre",
    ]);
    expect(familyActionsFor({ ...base, status: "WITHDRAWN" })).toEqual([]);
  });
});

describe("showsStatusExpiry", () => {
  it("shows the kandas status expiry while the status matters or once it has lapsed", () => {
    expect(CASE_STATUSES.filter((status) => showsStatusExpiry("KANDAS", status))).toEqual([
      "APPROVED",
      "QUOTA_ALLOCATED",
      "RESETTLED",
      "SUPPORTED",
      "EXPIRED",
    ]);
    expect(CASE_STATUSES.filter((status) => showsStatusExpiry("SETTLER", status))).toEqual([]);
  });
});

describe("missingDocuments", () => {
  const members = [{ id: 1 }, { id: 2 }];
  it("lists each kind of the checklist that is not received or verified, once, in checklist order", () => {
    const documents = [
      { kind: "APPLICATION" as const, personId: null, status: "VERIFIED" as const },
      { kind: "AUTOBIOGRAPHY" as const, personId: null, status: "MISSING" as const },
      { kind: "IDENTITY_DOCUMENT" as const, personId: 1, status: "RECEIVED" as const },
      { kind: "IDENTITY_DOCUMENT" as const, personId: 2, status: "VERIFIED" as const },
      { kind: "IDENTITY_TRANSLATION" as const, personId: 1, status: "RECEIVED" as const },
    ];
    expect(missingDocuments({ status: "UNDER_REVIEW", category: "KANDAS", members, documents })).toEqual([
      "AUTOBIOGRAPHY",
      "IDENTITY_TRANSLATION",
      "NATIONALITY_PROOF",
    ]);
    expect(missingDocuments({ status: "UNDER_REVIEW", category: "SETTLER", members, documents })).toEqual([
      "AUTOBIOGRAPHY",
      "IDENTITY_TRANSLATION",
    ]);
  });

  it("counts items without a stored row as missing, and lists nothing after arrival", () => {
    expect(
      missingDocuments({ status: "REGISTERED", category: "SETTLER", members: [{ id: 1 }], documents: [] }),
    ).toEqual(["APPLICATION", "AUTOBIOGRAPHY", "IDENTITY_DOCUMENT", "IDENTITY_TRANSLATION"]);
    expect(missingDocuments({ status: "RESETTLED", category: "KANDAS", members, documents: [] })).toEqual([]);
  });
});

describe("publicTimeline and stepsAhead", () => {
  it("takes the first time each status was reached, in lifecycle order", () => {
    const at = (iso: string) => new Date(iso);
    expect(
      publicTimeline([
        { toStatus: "UNDER_REVIEW", at: at("2026-02-01T09:00:00Z") },
        { toStatus: "REGISTERED", at: at("2026-01-15T09:00:00Z") },
        { toStatus: "APPROVED", at: at("2026-03-01T09:00:00Z") },
        { toStatus: "UNDER_REVIEW", at: at("2026-01-20T09:00:00Z") },
      ]),
    ).toEqual([
      { status: "REGISTERED", at: at("2026-01-15T09:00:00Z") },
      { status: "UNDER_REVIEW", at: at("2026-01-20T09:00:00Z") },
      { status: "APPROVED", at: at("2026-03-01T09:00:00Z") },
    ]);
  });

  it("lists the ordinary steps still ahead, none after the end", () => {
    expect(stepsAhead("APPROVED")).toEqual(["QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED", "CLOSED"]);
    expect(stepsAhead("CLOSED")).toEqual([]);
    expect(stepsAhead("REJECTED")).toEqual([]);
  });
});

describe("rate limit arithmetic", () => {
  const limit = DEFAULT_LOOKUP_LIMITS.perAddress;
  it("lets exactly the limit through", () => {
    expect(isOverLimit(limit.attempts, limit)).toBe(false);
    expect(isOverLimit(limit.attempts + 1, limit)).toBe(true);
  });

  it("counts the seconds to the window's end, rounded up and never zero", () => {
    const start = new Date("2026-01-01T10:00:00Z");
    expect(secondsUntilWindowEnds(start, limit, new Date("2026-01-01T10:05:00.500Z"))).toBe(600);
    expect(secondsUntilWindowEnds(start, limit, new Date("2026-01-01T10:20:00Z"))).toBe(1);
  });

  it("keeps counter rows as long as the longest window in force", () => {
    expect(throttleRetentionMinutes([DEFAULT_LOOKUP_LIMITS.perAddress, DEFAULT_LOOKUP_LIMITS.perCase])).toBe(60);
    expect(throttleRetentionMinutes([{ attempts: 5, windowMinutes: 1440 }, limit])).toBe(1440);
  });

  it("keys: one per address, and malformed case numbers counted by their text", () => {
    expect(addressThrottleKey("203.0.113.7")).toBe("addr:203.0.113.7");
    expect(addressThrottleKey("x".repeat(500)).length).toBeLessThanOrEqual(160);
    expect(caseThrottleText(" nk 2099 000123")).toBe("NK-2099-000123");
    expect(caseThrottleText("<script>")).toBe("raw:<script>");
    expect(caseThrottleText(undefined)).toBe("raw:");
  });
});
