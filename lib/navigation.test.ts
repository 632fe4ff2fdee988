import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";

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
