// Region scoping in lib/db: a regional user reaches only the own region's rows, analysts reach no
// personal data, and a record outside the scope looks exactly like a missing one. The last test makes
// sure every lib/db function that acts for a user has such a test somewhere (crossRegionTest).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countFamiliesByStatus } from "@/lib/db/families/count-by-status";
import { getFamily } from "@/lib/db/families/get-family";
import { listFamilies } from "@/lib/db/families/list-families";
import { listQuotas } from "@/lib/db/quotas/list-quotas";
import { createQuotaOrder } from "@/lib/db/quotas/orders";
import { listDistricts, listRegions } from "@/lib/db/regions";
import { listUsers } from "@/lib/db/users/list-users";
import { loadSessionUser } from "@/lib/db/users/load-session-user";
import { setUserActive } from "@/lib/db/users/set-user-active";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, sessionOf } from "./fixtures";
import { NOT_FOUND, FORBIDDEN } from "./refusals";

type Actors = Awaited<ReturnType<typeof setUpActors>>;
async function setUpActors() {
  return {
    admin: await createStaffUser(prisma, "ADMIN"),
    analyst: await createStaffUser(prisma, "ANALYST"),
    pavlodarCaseworker: await createStaffUser(prisma, "CASEWORKER", PAVLODAR),
    pavlodarCoordinator: await createStaffUser(prisma, "COORDINATOR", PAVLODAR),
    akmolaCaseworker: await createStaffUser(prisma, "CASEWORKER", AKMOLA),
  };
}

let actors: Actors;
let pavlodarFamily: { id: number };
let akmolaFamily: { id: number };

beforeAll(async () => {
  actors = await setUpActors();
  pavlodarFamily = await createFamily(prisma, PAVLODAR, actors.pavlodarCaseworker.id);
  akmolaFamily = await createFamily(prisma, AKMOLA, actors.akmolaCaseworker.id);
});

async function allListedIds(actor: Actors[keyof Actors], filters = {}) {
  const ids: number[] = [];
  let after: number | undefined;
  do {
    const page = await listFamilies(actor, { ...filters, after });
    ids.push(...page.items.map((item) => item.id));
    after = page.nextCursor ?? undefined;
  } while (after);
  return ids;
}

async function lastAudit(action: string, entityId: number) {
  return prisma.auditLog.findFirst({ where: { action, entityId: String(entityId) }, orderBy: { id: "desc" } });
}

describe("listFamilies", () => {
  crossRegionTest(listFamilies, "shows a caseworker the own region's families only", async () => {
    const ids = await allListedIds(actors.pavlodarCaseworker);
    expect(ids).toContain(pavlodarFamily.id);
    expect(ids).not.toContain(akmolaFamily.id);
    const regions = await prisma.family.findMany({
      where: { id: { in: ids } },
      select: { targetRegionId: true },
      distinct: ["targetRegionId"],
    });
    expect(regions.map((row) => row.targetRegionId)).toEqual([PAVLODAR]);
  });

  it("ignores a region filter that points outside the user's region", async () => {
    expect(await allListedIds(actors.pavlodarCaseworker, { region: AKMOLA })).toEqual([]);
  });

  it("shows the administrator every region and the analyst nothing", async () => {
    const adminIds = await allListedIds(actors.admin);
    expect(adminIds).toEqual(expect.arrayContaining([pavlodarFamily.id, akmolaFamily.id]));
    expect(await allListedIds(actors.analyst)).toEqual([]);
  });

  it("pages with a stable keyset cursor, newest first, without repeats", async () => {
    for (let index = 0; index < 30; index++) await createFamily(prisma, PAVLODAR, actors.pavlodarCaseworker.id);
    const ids = await allListedIds(actors.pavlodarCaseworker);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(ids.length).toBe(await prisma.family.count({ where: { targetRegionId: PAVLODAR } }));
  });

  it("audits the view of the list", async () => {
    await listFamilies(actors.pavlodarCoordinator, {});
    const entry = await prisma.auditLog.findFirst({
      where: { action: "family.list", actorId: actors.pavlodarCoordinator.id },
    });
    expect(entry).not.toBeNull();
  });
});

describe("getFamily", () => {
  it("opens a family of the own region and audits the view", async () => {
    const family = await getFamily(actors.pavlodarCaseworker, pavlodarFamily.id);
    expect(family.id).toBe(pavlodarFamily.id);
    expect(family.members).toHaveLength(1);
    expect(family.events.map((event) => event.toStatus)).toEqual(["REGISTERED"]);
    const entry = await lastAudit("family.view", pavlodarFamily.id);
    expect(entry?.actorId).toBe(actors.pavlodarCaseworker.id);
  });

  crossRegionTest(
    getFamily,
    "answers another region's family exactly like a missing one, and audits the attempt",
    async () => {
      await expect(getFamily(actors.pavlodarCaseworker, akmolaFamily.id)).rejects.toThrow(NOT_FOUND);
      await expect(getFamily(actors.pavlodarCaseworker, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
      const entry = await lastAudit("family.view.denied", akmolaFamily.id);
      expect(entry?.actorId).toBe(actors.pavlodarCaseworker.id);
    },
  );

  it("keeps personal data from analysts and opens any region for the administrator", async () => {
    await expect(getFamily(actors.analyst, pavlodarFamily.id)).rejects.toThrow(NOT_FOUND);
    expect((await getFamily(actors.admin, akmolaFamily.id)).id).toBe(akmolaFamily.id);
  });
});

describe("countFamiliesByStatus", () => {
  crossRegionTest(
    countFamiliesByStatus,
    "counts the own region for regional roles and the whole country for national roles",
    async () => {
      const sum = (rows: { families: number }[]) => rows.reduce((total, row) => total + row.families, 0);
      expect(sum(await countFamiliesByStatus(actors.akmolaCaseworker))).toBe(
        await prisma.family.count({ where: { targetRegionId: AKMOLA } }),
      );
      expect(sum(await countFamiliesByStatus(actors.analyst))).toBe(await prisma.family.count());
      expect(sum(await countFamiliesByStatus(actors.admin))).toBe(await prisma.family.count());
    },
  );
});

describe("staff administration", () => {
  crossRegionTest(listUsers, "lists users for the administrator only, without password hashes", async () => {
    const { items: users } = await listUsers(actors.admin, {});
    expect(users.length).toBeGreaterThanOrEqual(5);
    expect(users[0]).not.toHaveProperty("passwordHash");
    for (const actor of [actors.analyst, actors.pavlodarCoordinator, actors.pavlodarCaseworker]) {
      await expect(listUsers(actor, {})).rejects.toThrow(FORBIDDEN);
    }
  });

  crossRegionTest(
    setUserActive,
    "lets only the administrator deactivate, even in the coordinator's own region; audits it and ends the session at once",
    async () => {
      const target = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
      await expect(
        setUserActive(actors.pavlodarCoordinator, { userId: target.id, isActive: false, reason: "Left the centre" }),
      ).rejects.toThrow(FORBIDDEN);
      expect((await loadSessionUser(await sessionOf(target))).user).not.toBeNull();

      await setUserActive(actors.admin, { userId: target.id, isActive: false, reason: "Left the centre" });
      expect((await loadSessionUser(await sessionOf(target))).user).toBeNull();
      const entry = await lastAudit("user.deactivate", target.id);
      expect(entry?.actorId).toBe(actors.admin.id);
      expect(entry?.changes).toMatchObject({ changes: { isActive: { from: true, to: false } } });
    },
  );

  it("refuses to let an administrator deactivate the own account", async () => {
    await expect(
      setUserActive(actors.admin, { userId: actors.admin.id, isActive: false, reason: "Left the centre" }),
    ).rejects.toMatchObject({
      code: "errors.selfDeactivation",
    });
  });

  it("never deactivates the last active administrator, even when two deactivate each other at once", async () => {
    const first = await createStaffUser(prisma, "ADMIN");
    const second = await createStaffUser(prisma, "ADMIN");
    // Other test files' administrators are set aside for this test, so these two are the only ones.
    const others = await prisma.user.findMany({
      where: { role: "ADMIN", isActive: true, id: { notIn: [first.id, second.id] } },
      select: { id: true },
    });
    const otherIds = others.map((other) => other.id);
    await prisma.user.updateMany({ where: { id: { in: otherIds } }, data: { isActive: false } });
    try {
      const results = await Promise.allSettled([
        setUserActive(first, { userId: second.id, isActive: false, reason: "Left the centre" }),
        setUserActive(second, { userId: first.id, isActive: false, reason: "Left the centre" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "errors.lastAdministrator", status: 409 });
      expect(await prisma.user.count({ where: { id: { in: [first.id, second.id] }, isActive: true } })).toBe(1);
    } finally {
      await prisma.user.updateMany({ where: { id: { in: otherIds } }, data: { isActive: true } });
    }
  });

  it("reads role and region from the database, so a demotion applies on the next request", async () => {
    const user = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    await prisma.user.update({ where: { id: user.id }, data: { role: "CASEWORKER", regionId: AKMOLA } });
    expect((await loadSessionUser(await sessionOf(user))).user).toMatchObject({ role: "CASEWORKER", regionId: AKMOLA });
  });
});

describe("reference data", () => {
  it("lists regions and districts to every role (they carry no personal data)", async () => {
    expect((await listRegions()).length).toBe(20);
    expect(Array.isArray(await listDistricts(PAVLODAR))).toBe(true);
  });
});

describe("listQuotas", () => {
  // A year no other test file uses.
  const QUOTA_YEAR = 2085;
  beforeAll(async () => {
    await createQuotaOrder(actors.admin, {
      year: QUOTA_YEAR,
      reference: `SCOPE-${QUOTA_YEAR}`,
      orderDate: `${QUOTA_YEAR}-01-15`,
      places: [
        { regionId: PAVLODAR, pool: "KANDAS", total: 30 },
        { regionId: PAVLODAR, pool: "SETTLER", total: 20 },
        { regionId: AKMOLA, pool: "KANDAS", total: 10 },
      ],
    });
    await prisma.quota.update({
      where: { year_regionId_pool: { year: QUOTA_YEAR, regionId: PAVLODAR, pool: "KANDAS" } },
      data: { allocated: 12 },
    });
  });

  const rows = (quotas: Awaited<ReturnType<typeof listQuotas>>) =>
    quotas.map(({ regionId, pool, total, allocated, remaining }) => ({ regionId, pool, total, allocated, remaining }));

  it("shows the administrator and the analyst every region, with allocated and remaining places", async () => {
    const expected = [
      { regionId: AKMOLA, pool: "KANDAS", total: 10, allocated: 0, remaining: 10 },
      { regionId: PAVLODAR, pool: "KANDAS", total: 30, allocated: 12, remaining: 18 },
      { regionId: PAVLODAR, pool: "SETTLER", total: 20, allocated: 0, remaining: 20 },
    ];
    expect(rows(await listQuotas(actors.admin, QUOTA_YEAR))).toEqual(expected);
    expect(rows(await listQuotas(actors.analyst, QUOTA_YEAR))).toEqual(expected);
  });

  crossRegionTest(listQuotas, "shows a coordinator the own region only and refuses a caseworker", async () => {
    expect((await listQuotas(actors.pavlodarCoordinator, QUOTA_YEAR)).map((quota) => quota.regionId)).toEqual([
      PAVLODAR,
      PAVLODAR,
    ]);
    await expect(listQuotas(actors.pavlodarCaseworker, QUOTA_YEAR)).rejects.toThrow(FORBIDDEN);
    await expect(listQuotas(actors.akmolaCaseworker, QUOTA_YEAR)).rejects.toThrow(FORBIDDEN);
  });

  it("returns nothing for a year without quotas", async () => {
    // 2070: no integration test creates quotas for it (see the year list in fixtures.ts).
    expect(await listQuotas(actors.admin, 2070)).toEqual([]);
  });
});

// Every lib/db function that acts for a user (its first parameter is `actor: Actor`) needs a test that
// proves its region or role scoping, declared as crossRegionTest(<the function>, …) (./cross-region.ts)
// in one of tests/integration/*.int.test.ts. Left out on purpose:
// - lib/db/scopes.ts: its helpers (assertCan, familyScopeWhere, quotaRegionOf, requireReportScope…) are
//   rules for queries, proven through the functions that apply them and in lib/domain/permissions.test.ts;
// - lib/db/audit.ts: it writes the entries of its callers' views and changes (auditFamilyView audits what
//   getFamily's and getReceipt's scoped queries found), so its callers' tests prove the scoping;
// - functions without an actor, which reach no region's families on behalf of a user: the client (db,
//   createPrismaClient), reference data (listRegions, listDistricts, listAllDistricts), the public status
//   lookup (lookupCaseStatus: one case by its number and a secret, tested in public-lookup.int.test.ts),
//   sign-in (authenticate, loadSessionUser: the user's own account), the one-time account links
//   (openAccountLink, setPasswordWithLink: the token is the authority, staff-accounts.int.test.ts), the programme
//   settings in force (settingInForce, settingsInForce: no personal data), audit and request metadata (recordAudit,
//   requestContext);
// - helpers that get the actor or a scope from their caller (findFamilyInScope, ensureChecklist,
//   loadEntitlements, waitingEntryWhere, sortedRows): their callers' actor-taking functions are checked.
const ACTOR_FUNCTION = /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^>]*>)?\(\s*actor\s*:\s*Actor\b/g;

function sourcesUnder(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(accept)
    .sort();
}

describe("coverage of lib/db", () => {
  it("has a crossRegionTest for every lib/db function that takes the acting user first", () => {
    const libDb = path.resolve("lib/db");
    const dataFiles = sourcesUnder(
      libDb,
      (file) =>
        file.endsWith(".ts") &&
        !file.endsWith(".test.ts") &&
        !["scopes.ts", "audit.ts"].some((name) => file === path.join(libDb, name)),
    );
    const actorFunctions = dataFiles.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(ACTOR_FUNCTION)].map((match) => match[1]!),
    );
    // A pattern that stopped matching the signatures would pass with nothing to check.
    expect(actorFunctions).toContain("getFamily");

    const testDir = path.resolve("tests/integration");
    const tests = sourcesUnder(testDir, (file) => file.endsWith(".int.test.ts"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const untested = actorFunctions.filter((name) => !new RegExp(`\\bcrossRegionTest\\(\\s*${name}\\s*,`).test(tests));
    expect(
      untested,
      "write a crossRegionTest(<function>, …) that proves the scoping of these lib/db functions",
    ).toEqual([]);
  });
});
