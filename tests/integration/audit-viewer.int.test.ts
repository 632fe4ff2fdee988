// The audit viewer's data functions on a real PostgreSQL: who may read which entries (an administrator
// all, a coordinator the own region and its staff's entries without a region, nobody else anything),
// every filter, keyset pages without repeats or gaps, the export with its cap, and that reading and
// exporting the log are audited themselves.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { FAMILY_SUBJECT_SQL } from "@/lib/db/audit/audit-entries";
import { exportAuditEntries } from "@/lib/db/audit/export-audit";
import { listAuditEntries } from "@/lib/db/audit/list-audit";
import { getFamily } from "@/lib/db/families/get-family";
import { authenticate } from "@/lib/db/users/authenticate";
import { auditCsv } from "@/lib/domain/audit-csv";
import { AUDIT_EXPORT_MAX_ROWS, parseAuditQuery, type AuditFilters } from "@/lib/domain/audit-query";
import type { Actor } from "@/lib/domain/permissions";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";
import { FORBIDDEN } from "./refusals";

let admin: StaffActor;
let analyst: StaffActor;
let pavlodarCoordinator: StaffActor;
let pavlodarCaseworker: StaffActor;
let akmolaCoordinator: StaffActor;
let akmolaCaseworker: StaffActor;
let pavlodarFamily: { id: number; caseNumber: string };
let akmolaFamily: { id: number; caseNumber: string };

const query = (params: string) => parseAuditQuery(new URLSearchParams(params));

/** Every entry of the filters, page after page through the cursor, as [id, action] in the order shown. */
async function allPages(actor: Actor, params: string) {
  const { filters } = query(params);
  const seen: { id: string; action: string; at: Date; regionId: string | null }[] = [];
  let before: string | null = null;
  for (let page = 0; page < 200; page++) {
    const result = await listAuditEntries(actor, { filters, before });
    seen.push(...result.entries.map(({ id, action, at, regionId }) => ({ id, action, at, regionId })));
    if (!result.nextCursor) return seen;
    before = result.nextCursor;
  }
  throw new Error("more than 200 pages");
}

const ip = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  pavlodarCoordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  pavlodarCaseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  pavlodarFamily = await createFamily(prisma, PAVLODAR, pavlodarCaseworker.id);
  akmolaFamily = await createFamily(prisma, AKMOLA, akmolaCaseworker.id);

  // What the viewer shows: real views, a refused view, sign-ins and a failed sign-in.
  await getFamily(pavlodarCaseworker, pavlodarFamily.id);
  await getFamily(admin, pavlodarFamily.id);
  await getFamily(akmolaCaseworker, akmolaFamily.id);
  await expect(getFamily(pavlodarCaseworker, akmolaFamily.id)).rejects.toThrow();
  await authenticate(pavlodarCaseworker.email, pavlodarCaseworker.password, ip());
  await authenticate(pavlodarCaseworker.email, "wrong password", ip());
  await authenticate(akmolaCaseworker.email, akmolaCaseworker.password, ip());
});

describe("who reads which entries", () => {
  crossRegionTest(
    listAuditEntries,
    "shows a coordinator the own region's entries and its staff's entries without a region, never another region's",
    async () => {
      const pavlodarCase = await allPages(pavlodarCoordinator, `case=${pavlodarFamily.caseNumber}`);
      expect(pavlodarCase.map((entry) => entry.action).sort()).toEqual(["family.view", "family.view"]);

      // Another region's case number names no family for the coordinator (see the next test).
      expect(await allPages(pavlodarCoordinator, `case=${akmolaFamily.caseNumber}`)).toEqual([]);
      expect((await allPages(akmolaCoordinator, `case=${akmolaFamily.caseNumber}`)).map((e) => e.action)).toEqual([
        "family.view",
      ]);

      // Sign-ins (with an actor) and a failed sign-in (without one, about the account) of the own staff.
      const caseworkerEntries = await allPages(pavlodarCoordinator, `person=${pavlodarCaseworker.id}`);
      expect(caseworkerEntries.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(["auth.login", "auth.login.failed", "family.view", "family.view.denied"]),
      );
      expect(await allPages(pavlodarCoordinator, `person=${akmolaCaseworker.id}`)).toEqual([]);
      expect(await allPages(pavlodarCoordinator, `person=${admin.id}&case=${akmolaFamily.caseNumber}`)).toEqual([]);
    },
  );

  it("resolves a case number only to a family the reader may open, so another region's case is as unknown", async () => {
    // The Pavlodar caseworker's refused view of Akmola's family has no region: it is in the Pavlodar
    // coordinator's reach, and a case filter resolved in every region would list it.
    const ownStaffEntries = await allPages(pavlodarCoordinator, `person=${pavlodarCaseworker.id}&prefix=family.view`);
    expect(ownStaffEntries.map((entry) => entry.action)).toContain("family.view.denied");
    const otherRegionCase = await allPages(pavlodarCoordinator, `case=${akmolaFamily.caseNumber}`);
    const unknownCase = await allPages(pavlodarCoordinator, "case=NK-2099-999999");
    expect(otherRegionCase).toEqual([]);
    expect(otherRegionCase).toEqual(unknownCase);
    const { filters } = query(`case=${akmolaFamily.caseNumber}`);
    expect(await exportAuditEntries(pavlodarCoordinator, filters)).toEqual([]);
    expect((await allPages(akmolaCoordinator, `case=${akmolaFamily.caseNumber}`)).length).toBe(1);
    expect((await allPages(admin, `case=${akmolaFamily.caseNumber}`)).length).toBe(2);
  });

  it("reaches every entry the coordinator reads through the region or the region's staff only", async () => {
    const staff = await prisma.user.findMany({ where: { regionId: PAVLODAR }, select: { id: true } });
    const staffIds = new Set(staff.map((user) => user.id));
    const { filters } = query("");
    const { entries } = await listAuditEntries(pavlodarCoordinator, { filters, before: null });
    expect(entries.length).toBeGreaterThan(0);
    const ids = entries.map((entry) => BigInt(entry.id));
    const rows = await prisma.auditLog.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      const ownStaffRow =
        row.regionId === null &&
        ((row.actorId !== null && staffIds.has(row.actorId)) ||
          (row.actorId === null && row.entity === "user" && staffIds.has(Number(row.entityId))));
      expect(row.regionId === PAVLODAR || ownStaffRow, `entry ${row.id} ${row.action}`).toBe(true);
    }
  });

  it("shows the administrator every region", async () => {
    const actions = (await allPages(admin, `prefix=family.view&person=${pavlodarCaseworker.id}`)).map((e) => e.action);
    expect(actions.sort()).toEqual(["family.view", "family.view.denied"]);
    expect((await allPages(admin, `case=${akmolaFamily.caseNumber}`)).length).toBe(2);
  });

  it("refuses analysts and caseworkers as not found", async () => {
    const { filters } = query("");
    for (const actor of [analyst, pavlodarCaseworker, akmolaCaseworker]) {
      await expect(listAuditEntries(actor, { filters, before: null })).rejects.toThrow(FORBIDDEN);
    }
  });

  it("names the people and shows a case number only of a family the reader may open", async () => {
    const { filters } = query(`person=${pavlodarCaseworker.id}&prefix=family.view.denied`);
    const [asCoordinator] = (await listAuditEntries(pavlodarCoordinator, { filters, before: null })).entries;
    expect(asCoordinator?.subject).toEqual({ kind: "family", familyId: akmolaFamily.id, caseNumber: null });
    expect(asCoordinator?.actor).toMatchObject({ id: pavlodarCaseworker.id, role: "CASEWORKER" });
    const asAdmin = (await listAuditEntries(admin, { filters, before: null })).entries;
    expect(asAdmin.map((entry) => entry.subject)).toContainEqual({
      kind: "family",
      familyId: akmolaFamily.id,
      caseNumber: akmolaFamily.caseNumber,
    });
  });
});

describe("filters", () => {
  let person: StaffActor;
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    person = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const entry = (action: string, when: string, extra: Partial<Prisma.AuditLogCreateManyInput> = {}) => ({
      actorId: person.id,
      actorRole: "CASEWORKER" as const,
      action,
      entity: "family",
      entityId: String(pavlodarFamily.id),
      regionId: PAVLODAR,
      at: at(when),
      ...extra,
    });
    await prisma.auditLog.createMany({
      data: [
        // 00:30 on 1 March 2031 in Kazakhstan (UTC+5), and 23:30 on the day before.
        entry("family.view", "2031-02-28T19:30:00Z"),
        entry("casefile.view", "2031-02-28T18:30:00Z"),
        entry("family.viewer.test", "2031-03-02T10:00:00Z"),
        entry("quota.waitlist.add.denied", "2031-03-03T10:00:00Z", { entityId: null, regionId: null }),
        entry("public.lookup", "2031-03-04T10:00:00Z", {
          actorId: null,
          actorRole: null,
          changes: { outcome: "miss", secretKind: "iin" },
          entityId: null,
          regionId: null,
        }),
        entry("public.lookup", "2031-03-05T10:00:00Z", {
          actorId: null,
          actorRole: null,
          changes: { outcome: "hit", secretKind: "iin" },
        }),
      ],
    });
  });

  const actionsOf = async (params: string) => (await allPages(admin, params)).map((entry) => entry.action);

  it("finds a person by number and by e-mail, in any letter case, and nobody for an unknown address", async () => {
    const byId = await actionsOf(`person=${person.id}&from=2031-01-01`);
    expect(byId).toEqual(["quota.waitlist.add.denied", "family.viewer.test", "family.view", "casefile.view"]);
    expect(await actionsOf(`person=${person.email.toUpperCase()}&from=2031-01-01`)).toEqual(byId);
    expect(await actionsOf(`person=nobody-${randomUUID()}@test.kz`)).toEqual([]);
  });

  it("cuts days at midnight in Kazakhstan", async () => {
    expect(await actionsOf(`person=${person.id}&from=2031-03-01&to=2031-03-01`)).toEqual(["family.view"]);
    expect(await actionsOf(`person=${person.id}&from=2031-02-28&to=2031-02-28`)).toEqual(["casefile.view"]);
  });

  it("matches a chosen action and its refusals by whole segments, and a typed prefix letter by letter", async () => {
    expect(await actionsOf(`person=${person.id}&action=family.view&from=2031-01-01`)).toEqual(["family.view"]);
    expect(await actionsOf(`person=${person.id}&prefix=family.view&from=2031-01-01`)).toEqual([
      "family.viewer.test",
      "family.view",
    ]);
    expect(await actionsOf(`person=${person.id}&action=quota.waitlist.add&from=2031-01-01`)).toEqual([
      "quota.waitlist.add.denied",
    ]);
    expect(await actionsOf(`prefix=no.such.action`)).toEqual([]);
  });

  it("tells refused requests from the others, the public lookup by its details", async () => {
    const days = "from=2031-03-01&to=2031-03-31";
    expect(await actionsOf(`${days}&outcome=refused`)).toEqual(["public.lookup", "quota.waitlist.add.denied"]);
    const refusedLookup = await allPages(admin, `${days}&outcome=refused&action=public.lookup`);
    expect(refusedLookup.map((entry) => entry.at.toISOString())).toEqual(["2031-03-04T10:00:00.000Z"]);
    expect(await actionsOf(`${days}&outcome=succeeded`)).toEqual([
      "public.lookup",
      "family.viewer.test",
      "family.view",
    ]);
  });

  it("finds the entries about a case, the refused ones among them", async () => {
    const aboutCase = await actionsOf(`case=${pavlodarFamily.caseNumber}&from=2031-01-01`);
    expect(aboutCase).toEqual(["public.lookup", "family.viewer.test", "family.view", "casefile.view"]);
    expect(await actionsOf(`case=NK-2099-999999`)).toEqual([]);
  });

  it("answers with nothing, not everything, for a cursor that names no entry", async () => {
    const { filters } = query(`person=${person.id}`);
    expect((await listAuditEntries(admin, { filters, before: "9223372036854775807" })).entries).toEqual([]);
  });

  it("audits the view of the log with its filters and what was shown", async () => {
    const { filters } = query(`person=${person.id}&outcome=refused`);
    const page = await listAuditEntries(pavlodarCoordinator, { filters, before: null });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "audit.view", actorId: pavlodarCoordinator.id },
      orderBy: { id: "desc" },
    });
    expect(entry.regionId).toBe(PAVLODAR);
    expect(entry.changes).toEqual({
      filters: { person: String(person.id), outcome: "refused" },
      shown: page.entries.length,
    });
  });
});

describe("keyset pages", () => {
  it("walk every entry once, newest first, even with entries of the same moment and ids out of time order", async () => {
    const person = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
    const base = Date.UTC(2032, 0, 1);
    // 130 entries: times go backwards as ids go up, and every third shares its moment with the one before.
    await prisma.auditLog.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        actorId: person.id,
        actorRole: "CASEWORKER" as const,
        action: "family.list",
        entity: "family",
        at: new Date(base - Math.floor(i / 3) * 60_000),
      })),
    });
    const pages = await allPages(admin, `person=${person.id}`);
    const expected = await prisma.auditLog.findMany({
      where: { actorId: person.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(pages.map((entry) => entry.id)).toEqual(expected.map((row) => row.id.toString()));
    expect(new Set(pages.map((entry) => entry.id)).size).toBe(130);
  });
});

describe("the export", () => {
  crossRegionTest(
    exportAuditEntries,
    "exports a coordinator's own region only, refuses analysts and caseworkers, and is audited",
    async () => {
      const filters: AuditFilters = query(`prefix=family.view&person=${pavlodarCaseworker.id}`).filters;
      const asPavlodar = await exportAuditEntries(pavlodarCoordinator, filters);
      expect(asPavlodar.map((entry) => [entry.action, entry.regionId]).sort()).toEqual([
        ["family.view", PAVLODAR],
        ["family.view.denied", null],
      ]);
      expect((await exportAuditEntries(akmolaCoordinator, filters)).length).toBe(0);
      expect((await exportAuditEntries(admin, filters)).length).toBe(2);
      for (const actor of [analyst, akmolaCaseworker]) {
        await expect(exportAuditEntries(actor, filters)).rejects.toThrow(FORBIDDEN);
      }
      const audited = await prisma.auditLog.findFirstOrThrow({
        where: { action: "audit.export", actorId: pavlodarCoordinator.id },
        orderBy: { id: "desc" },
      });
      expect(audited.changes).toEqual({
        filters: { person: String(pavlodarCaseworker.id), prefix: "family.view" },
        rows: 2,
      });
    },
  );

  it("writes a name that looks like a formula as text", async () => {
    const user = await prisma.user.create({
      data: {
        email: `formula-${randomUUID()}@test.nurlykosh.kz`,
        fullName: '=HYPERLINK("http://evil.example","x")',
        role: "CASEWORKER",
        regionId: PAVLODAR,
        passwordHash: null,
      },
    });
    await getFamily({ id: user.id, role: "CASEWORKER", regionId: PAVLODAR }, pavlodarFamily.id);
    const entries = await exportAuditEntries(admin, query(`person=${user.id}`).filters);
    const csv = auditCsv(entries, (key) => key, "en");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|;)"?=HYPERLINK/m);
  });

  it("refuses more than the cap with a message to narrow the filters, and audits the attempt", async () => {
    const person = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    await prisma.$executeRaw`
        INSERT INTO audit_log (at, "actorId", "actorRole", action, entity)
        SELECT now() - g * interval '1 second', ${person.id}, 'CASEWORKER', 'family.list', 'family'
          FROM generate_series(1, ${AUDIT_EXPORT_MAX_ROWS + 1}) AS g`;
    const filters = query(`person=${person.id}`).filters;
    await expect(exportAuditEntries(admin, filters)).rejects.toMatchObject({
      code: "audit.errors.exportTooLarge",
      status: 400,
      values: { max: { count: AUDIT_EXPORT_MAX_ROWS } },
    });
    const refused = await prisma.auditLog.findFirstOrThrow({
      where: { action: "audit.export.refused", actorId: admin.id },
      orderBy: { id: "desc" },
    });
    expect(refused.changes).toMatchObject({ filters: { person: String(person.id) } });
  }, 120_000);
});

describe("indexes", () => {
  it("finds a case's entries through the family-subject index, so the expression in the code matches the index", async () => {
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN SELECT l.id FROM audit_log l WHERE ${FAMILY_SUBJECT_SQL} = ${String(pavlodarFamily.id)}
          ORDER BY l.at DESC, l.id DESC LIMIT 51`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("audit_log_family_subject_idx");
  });
});
