import { describe, expect, it } from "vitest";
import {
  actionText,
  actorlessText,
  changesText,
  changeText,
  entityText,
  fieldChanges,
  fieldText,
  outcomeText,
  regionText,
  subjectText,
  valueText,
  type Translate,
} from "./audit-entry-text";

// Echoes the key and its values, so the tests see which message was asked for.
const t: Translate = (key, values) => (values ? `${key}(${JSON.stringify(values)})` : key);

describe("actionText", () => {
  it("labels a listed action and the refusal of one by the action's label, without the code", () => {
    expect(actionText("family.view", t)).toEqual({ label: "audit.action.familyView", code: null });
    expect(actionText("casefile.view.denied", t)).toEqual({ label: "audit.action.casefileView", code: null });
  });

  it("names only the area of an action newer than the catalogue, and keeps its code beside it", () => {
    expect(actionText("user.archive", t)).toEqual({ label: "audit.area.staff", code: "user.archive" });
    expect(actionText("import.run", t)).toEqual({ label: "audit.action.other", code: "import.run" });
  });
});

describe("actorlessText", () => {
  it("names the system, a visitor of the public page, or someone not signed in", () => {
    expect(actorlessText("seed", t)).toBe("audit.actorSystem");
    expect(actorlessText("public.lookup", t)).toBe("audit.actorPublic");
    expect(actorlessText("auth.login.failed", t)).toBe("audit.actorNone");
    expect(actorlessText("something.new", t)).toBe("audit.actorNone");
  });
});

describe("subjectText", () => {
  it("shows the case number of a family the reader may open, and only the family's number otherwise", () => {
    expect(subjectText({ kind: "family", familyId: 7, caseNumber: "NK-2026-000007" }, t, "en")).toBe("NK-2026-000007");
    expect(subjectText({ kind: "family", familyId: 7, caseNumber: null }, t, "en")).toBe(
      'audit.subject.family({"id":7})',
    );
  });

  it("names people, regions and other records", () => {
    expect(subjectText({ kind: "user", userId: 3, fullName: "Оспанов Асхат" }, t, "en")).toBe("Оспанов Асхат");
    expect(subjectText({ kind: "user", userId: 3, fullName: null }, t, "en")).toBe('audit.subject.user({"id":3})');
    expect(subjectText({ kind: "region", regionId: "KZ-55" }, t, "en")).toBe("Pavlodar Region");
    expect(subjectText({ kind: "region", regionId: "KZ-55" }, t, "ru")).toBe("Павлодарская область");
    expect(subjectText({ kind: "other", entity: "report", entityId: "overview-2025" }, t, "en")).toBe(
      "audit.entity.report: overview-2025",
    );
    expect(subjectText({ kind: "other", entity: "quota_order", entityId: null }, t, "en")).toBe(
      "audit.entity.quota_order",
    );
    expect(subjectText({ kind: "other", entity: "import_batch", entityId: "4" }, t, "en")).toBe(
      "audit.entity.import_batch: 4",
    );
    expect(subjectText({ kind: "other", entity: "archive_box", entityId: "4" }, t, "en")).toBe("audit.entity.other: 4");
    expect(subjectText(null, t, "en")).toBe("—");
  });

  it("names a setting by its label and the MCI by its year, never by a key or a table", () => {
    expect(subjectText({ kind: "other", entity: "setting", entityId: "review.timeLimitWorkingDays" }, t, "en")).toBe(
      "settings.items.reviewTimeLimit.label",
    );
    expect(
      subjectText({ kind: "other", entity: "setting", entityId: "benefits.relocationMciPerMember" }, t, "en"),
    ).toBe("settings.items.relocationMciPerMember.label");
    expect(subjectText({ kind: "other", entity: "setting", entityId: "retired.key" }, t, "en")).toBe(
      "audit.entity.setting",
    );
    expect(subjectText({ kind: "other", entity: "mci_rate", entityId: "2027" }, t, "en")).toBe(
      'audit.subject.mci({"year":"2027"})',
    );
  });
});

describe("entityText and fieldText", () => {
  it("name what the catalogues know, and say other record or other field for the rest, never a code", () => {
    expect(entityText("quota_order", t)).toBe("audit.entity.quota_order");
    expect(entityText("mci_rate", t)).toBe("audit.entity.mci_rate");
    expect(entityText("archive_box", t)).toBe("audit.entity.other");
    expect(fieldText("amountTenge", t)).toBe("audit.field.amountTenge");
    expect(fieldText("passwordHash", t)).toBe("audit.field.passwordHash");
    expect(fieldText("deactivationReason", t)).toBe("audit.field.deactivationReason");
    expect(fieldText("surnameLat", t)).toBe("audit.field.other");
  });
});

describe("regionText and outcomeText", () => {
  it("names a region, and says nothing for none", () => {
    expect(regionText("KZ-11", "kk")).toBe("Ақмола облысы");
    expect(regionText(null, "kk")).toBe("—");
    expect(regionText("XX-99", "kk")).toBe("XX-99");
  });

  it("words the outcome", () => {
    expect(outcomeText("refused", t)).toBe("audit.outcome.refused");
  });
});

describe("field changes", () => {
  it("reads the changes stored with an entry, in order, and nothing from other shapes", () => {
    expect(
      fieldChanges({ eventId: 9, changes: { status: { from: "REGISTERED", to: "UNDER_REVIEW" }, odd: 5 } }),
    ).toEqual([{ field: "status", from: "REGISTERED", to: "UNDER_REVIEW" }]);
    expect(fieldChanges({ shown: [1, 2] })).toEqual([]);
    expect(fieldChanges({ changes: [1, 2] })).toEqual([]);
    expect(fieldChanges(null)).toEqual([]);
    expect(fieldChanges("text")).toEqual([]);
  });

  it("writes a change as field: from → to, with case statuses, days and yes/no in words", () => {
    expect(changeText({ field: "status", from: "REGISTERED", to: "UNDER_REVIEW" }, t, "en")).toBe(
      "audit.field.status: status.REGISTERED → status.UNDER_REVIEW",
    );
    expect(changeText({ field: "decisionDate", from: null, to: "2026-03-01T00:00:00.000Z" }, t, "en")).toBe(
      "audit.field.decisionDate: — → 2026-03-01",
    );
    expect(changeText({ field: "isActive", from: true, to: false }, t, "en")).toBe(
      "audit.field.isActive: audit.value.yes → audit.value.no",
    );
    expect(changeText({ field: "contactPhone", from: "*********67", to: "*********89" }, t, "en")).toBe(
      "audit.field.contactPhone: *********67 → *********89",
    );
    expect(changeText({ field: "surnameLat", from: "Testov", to: "Testova" }, t, "en")).toBe(
      "audit.field.other: Testov → Testova",
    );
  });

  it("says a password was changed in words, and names roles and regions", () => {
    expect(changeText({ field: "passwordHash", from: null, to: "[changed]" }, t, "en")).toBe(
      "audit.field.passwordHash: — → audit.value.changed",
    );
    expect(changeText({ field: "role", from: "CASEWORKER", to: "COORDINATOR" }, t, "en")).toBe(
      "audit.field.role: role.CASEWORKER → role.COORDINATOR",
    );
    expect(changeText({ field: "regionId", from: "KZ-55", to: "KZ-11" }, t, "ru")).toBe(
      "audit.field.regionId: Павлодарская область → Акмолинская область",
    );
    expect(changeText({ field: "amountTenge", from: 4325, to: 4400 }, t, "en")).toBe(
      "audit.field.amountTenge: 4325 → 4400",
    );
  });

  it("writes every change of an entry in one line, and nothing for an entry without changes", () => {
    const details = {
      eventId: 9,
      changes: { isActive: { from: true, to: false }, deactivationReason: { from: null, to: "Left the service" } },
    };
    expect(changesText(details, t, "en")).toBe(
      "audit.field.isActive: audit.value.yes → audit.value.no; audit.field.deactivationReason: — → Left the service",
    );
    expect(changesText({ filters: { case: "NK-2026-000001" } }, t, "en")).toBe("");
  });

  it("keeps other values readable and short", () => {
    expect(valueText("status", "MISSING", t, "en")).toBe("MISSING");
    expect(valueText("regionId", "XX-99", t, "en")).toBe("XX-99");
    expect(valueText("at", "2026-03-01T10:15:00.000Z", t, "en")).toBe("2026-03-01T10:15:00.000Z");
    expect(valueText("members", { a: 1 }, t, "en")).toBe('{"a":1}');
    expect(valueText("members", "x".repeat(10), t, "en")).toBe("xxxxxxxxxx");
    expect(
      valueText(
        "list",
        Array.from({ length: 100 }, (_, i) => i),
        t,
        "en",
      ),
    ).toMatch(/^\[0,1,2,.*…$/);
    expect(
      valueText(
        "list",
        Array.from({ length: 100 }, (_, i) => i),
        t,
        "en",
      ).length,
    ).toBe(201);
  });
});
