import { describe, expect, it } from "vitest";
import { canManageUsers, canSeeFamilyInRegion, canSeePersonalData, familyScope, type Actor } from "./access";

const admin: Actor = { id: 1, role: "ADMIN", regionId: null };
const analyst: Actor = { id: 2, role: "ANALYST", regionId: null };
const pavlodarCaseworker: Actor = { id: 3, role: "CASEWORKER", regionId: "KZ-55" };
const akmolaCoordinator: Actor = { id: 4, role: "COORDINATOR", regionId: "KZ-11" };

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
    expect(familyScope({ id: 5, role: "CASEWORKER", regionId: null })).toEqual({ kind: "none" });
  });
});

describe("canSeeFamilyInRegion", () => {
  it("lets a caseworker see only families of the own region", () => {
    expect(canSeeFamilyInRegion(pavlodarCaseworker, "KZ-55")).toBe(true);
    expect(canSeeFamilyInRegion(pavlodarCaseworker, "KZ-11")).toBe(false);
  });
  it("lets the administrator see any region and the analyst none", () => {
    expect(canSeeFamilyInRegion(admin, "KZ-11")).toBe(true);
    expect(canSeeFamilyInRegion(analyst, "KZ-11")).toBe(false);
  });
});

describe("role capabilities", () => {
  it("keeps personal data from analysts", () => {
    expect(canSeePersonalData(analyst)).toBe(false);
    expect(canSeePersonalData(pavlodarCaseworker)).toBe(true);
  });
  it("reserves user management to administrators", () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageUsers(akmolaCoordinator)).toBe(false);
  });
});
