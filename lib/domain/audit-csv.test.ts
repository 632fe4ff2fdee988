import { describe, expect, it } from "vitest";
import { auditCsv, kazakhstanTime, type AuditCsvEntry } from "./audit-csv";
import type { Translate } from "./audit-entry-text";

const t: Translate = (key) => key.split(".").at(-1)!;

const entry = (overrides: Partial<AuditCsvEntry> = {}): AuditCsvEntry => ({
  id: "42",
  at: new Date("2026-12-07T05:15:03.000Z"),
  action: "family.update",
  outcome: "succeeded",
  actor: { fullName: "Оспанов Асхат", email: "coordinator.pavlodar@nurlykosh.kz", role: "COORDINATOR" },
  subject: { kind: "family", familyId: 7, caseNumber: "NK-2026-000007" },
  regionId: "KZ-55",
  details: { changes: { decisionNumber: { from: null, to: "12-3" } } },
  ip: "10.0.0.1",
  requestId: "req-1",
  ...overrides,
});

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

describe("auditCsv", () => {
  it("writes a header in the reader's language and one row per entry, with Kazakhstan's time", () => {
    const [header, row] = lines(auditCsv([entry()], t, "en"));
    expect(header).toBe("id;when;person;email;role;action;actionCode;outcome;subject;region;changes;address;request");
    expect(row).toBe(
      "42;2026-12-07 10:15:03;Оспанов Асхат;coordinator.pavlodar@nurlykosh.kz;COORDINATOR;familyUpdate;family.update;succeeded;NK-2026-000007;Pavlodar Region;decisionNumber: — → 12-3;10.0.0.1;req-1",
    );
  });

  it("writes the changes as words in one cell, never the stored details", () => {
    const details = {
      eventId: 9,
      changes: { passwordHash: { from: null, to: "[changed]" }, deactivationReason: { from: "left", to: null } },
    };
    const [, row] = lines(auditCsv([entry({ details })], t, "en"));
    expect(row).toContain(';Pavlodar Region;"passwordHash: — → changed; deactivationReason: left → —";10.0.0.1;');
    expect(row).not.toContain("eventId");
  });

  it("neutralises text a spreadsheet would run as a formula, wherever it comes from", () => {
    const csv = auditCsv(
      [
        entry({
          actor: { fullName: '=HYPERLINK("http://evil")', email: "+cmd@x.kz", role: null },
          subject: { kind: "user", userId: 3, fullName: "@SUM(A1)" },
          ip: "-1+1",
          requestId: "\t=1",
        }),
      ],
      t,
      "en",
    );
    const cells = lines(csv)[1]!.split(";");
    expect(cells[2]).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(cells[3]).toBe("'+cmd@x.kz");
    expect(cells[8]).toBe("'@SUM(A1)");
    expect(cells.at(-2)).toBe("'-1+1");
    expect(cells.at(-1)).toBe("'\t=1");
  });

  it("says who acted without an account, and leaves the rest empty", () => {
    const [, row] = lines(
      auditCsv(
        [entry({ actor: null, subject: null, regionId: null, details: null, ip: null, requestId: null })],
        t,
        "en",
      ),
    );
    expect(row).toBe("42;2026-12-07 10:15:03;actorNone;;;familyUpdate;family.update;succeeded;—;—;;;");
    const [, lookup] = lines(auditCsv([entry({ action: "public.lookup", actor: null })], t, "en"));
    expect(lookup).toMatch(/^42;2026-12-07 10:15:03;actorPublic;;;publicLookup;public\.lookup;/);
  });

  it("writes only the header when nothing matched", () => {
    expect(lines(auditCsv([], t, "en"))).toHaveLength(1);
  });
});

describe("kazakhstanTime", () => {
  it("shows the moment at UTC+6 before 1 March 2024 and UTC+5 since", () => {
    expect(kazakhstanTime(new Date("2024-02-01T00:00:00Z"))).toBe("2024-02-01 06:00:00");
    expect(kazakhstanTime(new Date("2026-01-01T19:00:00Z"))).toBe("2026-01-02 00:00:00");
  });
});
