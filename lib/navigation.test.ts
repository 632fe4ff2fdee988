import { describe, expect, it } from "vitest";
import { currentNavHref, navigationFor } from "./navigation";

const hrefs = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.href);

describe("navigationFor", () => {
  it("shows each role the pages it may open", () => {
    expect(hrefs("ADMIN")).toEqual([
      "/",
      "/families",
      "/families/expiring",
      "/quotas",
      "/transfers",
      "/reports/overview",
      "/admin/users",
      "/admin/settings",
      "/admin/audit",
    ]);
    expect(hrefs("COORDINATOR")).toEqual([
      "/",
      "/families",
      "/families/expiring",
      "/quotas",
      "/transfers",
      "/reports/overview",
      "/admin/audit",
    ]);
    expect(hrefs("CASEWORKER")).toEqual(["/", "/families", "/families/expiring"]);
    expect(hrefs("ANALYST")).toEqual(["/", "/quotas", "/reports/overview"]);
  });
});

describe("currentNavHref", () => {
  const items = navigationFor("ADMIN");
  it("marks the longest entry the page is at or under", () => {
    expect(currentNavHref(items, "/")).toBe("/");
    expect(currentNavHref(items, "/families?q=Ivanov&sort=case")).toBe("/families");
    expect(currentNavHref(items, "/families/42")).toBe("/families");
    expect(currentNavHref(items, "/families/expiring")).toBe("/families/expiring");
    expect(currentNavHref(items, "/admin/users/7")).toBe("/admin/users");
  });
  it("marks the entry of the same section, and none outside every entry", () => {
    expect(currentNavHref(items, "/reports/quotas")).toBe("/reports/overview");
    expect(currentNavHref(items, "/account")).toBeNull();
    expect(currentNavHref(navigationFor("CASEWORKER"), "/reports/quotas")).toBeNull();
  });
});
