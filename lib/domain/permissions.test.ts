import { describe, expect, it } from "vitest";
import {
  auditScope,
  can,
  canSeeFamilyInRegion,
  familyScope,
  figuresScope,
  hasRegion,
  isDemotionFromAdministration,
  permissionsOf,
  PERMISSIONS,
  ROLES,
  rolesWith,
  scopeIncludes,
  statusCountScope,
  type Actor,
} from "./permissions";

const admin: Actor = { id: 1, role: "ADMIN", regionId: null };
const analyst: Actor = { id: 2, role: "ANALYST", regionId: null };
const pavlodarCaseworker: Actor = { id: 3, role: "CASEWORKER", regionId: "KZ-55" };
const akmolaCoordinator: Actor = { id: 4, role: "COORDINATOR", regionId: "KZ-11" };
const caseworkerWithoutRegion: Actor = { id: 5, role: "CASEWORKER", regionId: null };

describe("the permission map", () => {
  // The duties of each role as docs/domain.md describes them; a change to the map must change this table.
  it.each([
    [
      "ADMIN",
      [
        "family.view",
        "family.allRegions",
        "family.edit",
        "case.transition",
        "case.decide",
        "case.assign",
        "case.overrideChecklist",
        "document.verify",
        "quota.view",
        "quota.allocate",
        "quota.amend",
        "family.transfer",
        "waitlist.manage",
        "report.view",
        "report.allRegions",
        "report.personalData",
        "settings.update",
        "users.manage",
        "audit.view",
        "audit.allRegions",
        "import.run",
        "account.own",
      ],
    ],
    [
      "COORDINATOR",
      [
        "family.view",
        "family.edit",
        "case.transition",
        "case.decide",
        "case.assign",
        "case.overrideChecklist",
        "document.verify",
        "quota.view",
        "quota.allocate",
        "family.transfer",
        "waitlist.manage",
        "report.view",
        "report.personalData",
        "audit.view",
        "import.run",
        "account.own",
      ],
    ],
    ["CASEWORKER", ["family.view", "family.edit", "case.transition", "case.own", "account.own"]],
    ["ANALYST", ["quota.view", "report.view", "report.allRegions", "account.own"]],
  ] as const)("gives %s exactly its duties", (role, expected) => {
    expect(permissionsOf(role)).toEqual(
      [...expected].sort((a, b) => Object.keys(PERMISSIONS).indexOf(a) - Object.keys(PERMISSIONS).indexOf(b)),
    );
  });

  it("keeps the import with the regional coordinators and the administrator", () => {
    expect(can(admin, "import.run")).toBe(true);
    expect(can(akmolaCoordinator, "import.run")).toBe(true);
    expect(can(pavlodarCaseworker, "import.run")).toBe(false);
  });

  it("lists the roles that hold a permission", () => {
    expect(rolesWith("users.manage")).toEqual(["ADMIN"]);
    expect(rolesWith("report.view").sort()).toEqual(["ADMIN", "ANALYST", "COORDINATOR"]);
    for (const role of rolesWith("case.decide")) expect(can({ role }, "case.decide")).toBe(true);
  });

  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });

  it("never lets a role decide a case it cannot see", () => {
    for (const role of ROLES) {
      if (can({ role }, "case.decide")) expect(can({ role }, "family.view")).toBe(true);
      if (can({ role }, "family.edit")) expect(can({ role }, "family.view")).toBe(true);
    }
  });
});

describe("familyScope", () => {
  it("gives the administrator every region", () => {
    expect(familyScope(admin)).toEqual({ kind: "all" });
  });
  it("limits regional roles to their region", () => {
    expect(familyScope(pavlodarCaseworker)).toEqual({ kind: "region", regionId: "KZ-55" });
    expect(familyScope(akmolaCoordinator)).toEqual({ kind: "region", regionId: "KZ-11" });
  });
  it("gives analysts no families", () => {
    expect(familyScope(analyst)).toEqual({ kind: "none" });
  });
  it("gives a regional role without a region nothing", () => {
    expect(familyScope(caseworkerWithoutRegion)).toEqual({ kind: "none" });
  });
});

describe("figuresScope and statusCountScope", () => {
  it("gives national readers the country and a coordinator the own region", () => {
    expect(figuresScope(admin)).toEqual({ kind: "all" });
    expect(figuresScope(analyst)).toEqual({ kind: "all" });
    expect(figuresScope(akmolaCoordinator)).toEqual({ kind: "region", regionId: "KZ-11" });
  });
  it("gives a caseworker no report figures but the own region's counts", () => {
    expect(figuresScope(pavlodarCaseworker)).toEqual({ kind: "none" });
    expect(statusCountScope(pavlodarCaseworker)).toEqual({ kind: "region", regionId: "KZ-55" });
    expect(statusCountScope(caseworkerWithoutRegion)).toEqual({ kind: "none" });
    expect(statusCountScope(analyst)).toEqual({ kind: "all" });
  });
});

describe("auditScope", () => {
  it("gives the administrator every region's entries and a coordinator the own region's", () => {
    expect(auditScope(admin)).toEqual({ kind: "all" });
    expect(auditScope(akmolaCoordinator)).toEqual({ kind: "region", regionId: "KZ-11" });
  });
  it("gives caseworkers and analysts no audit entries", () => {
    expect(auditScope(pavlodarCaseworker)).toEqual({ kind: "none" });
    expect(auditScope(analyst)).toEqual({ kind: "none" });
  });
});

describe("canSeeFamilyInRegion and scopeIncludes", () => {
  it("lets a caseworker see only families of the own region", () => {
    expect(canSeeFamilyInRegion(pavlodarCaseworker, "KZ-55")).toBe(true);
    expect(canSeeFamilyInRegion(pavlodarCaseworker, "KZ-11")).toBe(false);
  });
  it("lets the administrator see any region and the analyst none", () => {
    expect(canSeeFamilyInRegion(admin, "KZ-11")).toBe(true);
    expect(canSeeFamilyInRegion(analyst, "KZ-11")).toBe(false);
  });
  it("reaches nothing from an empty scope", () => {
    expect(scopeIncludes({ kind: "none" }, "KZ-11")).toBe(false);
  });
});

describe("hasRegion", () => {
  it("gives coordinators and caseworkers a region and national roles none", () => {
    expect(ROLES.filter(hasRegion)).toEqual(["COORDINATOR", "CASEWORKER"]);
  });
  it("agrees with the scopes: exactly the roles that reach no region without one of their own", () => {
    for (const role of ROLES) {
      const withoutRegion: Actor = { id: 9, role, regionId: null };
      expect(statusCountScope(withoutRegion).kind === "all", role).toBe(!hasRegion(role));
    }
  });
});

describe("isDemotionFromAdministration", () => {
  it("is a change from a role that administers staff to one that does not", () => {
    expect(isDemotionFromAdministration("ADMIN", "COORDINATOR")).toBe(true);
    expect(isDemotionFromAdministration("ADMIN", "ANALYST")).toBe(true);
    expect(isDemotionFromAdministration("ADMIN", "ADMIN")).toBe(false);
    expect(isDemotionFromAdministration("CASEWORKER", "COORDINATOR")).toBe(false);
    expect(isDemotionFromAdministration("CASEWORKER", "ADMIN")).toBe(false);
  });
});
