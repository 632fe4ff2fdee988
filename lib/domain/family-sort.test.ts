import { describe, expect, it } from "vitest";
import { ariaSortOf, familySortOf, sortOnClick } from "./family-sort";

describe("familySortOf", () => {
  it("is the default order (null) when the URL names no column, whatever direction it gives", () => {
    expect(familySortOf({})).toBeNull();
    expect(familySortOf({ dir: "desc" })).toBeNull();
  });

  it("sorts ascending unless the URL says desc", () => {
    expect(familySortOf({ sort: "surname" })).toEqual({ key: "surname", direction: "asc" });
    expect(familySortOf({ sort: "applied", dir: "desc" })).toEqual({ key: "applied", direction: "desc" });
  });
});

describe("sortOnClick", () => {
  it("sorts a new column ascending", () => {
    expect(sortOnClick(null, "caseNumber")).toEqual({ key: "caseNumber", direction: "asc" });
    expect(sortOnClick({ key: "surname", direction: "desc" }, "applied")).toEqual({ key: "applied", direction: "asc" });
  });

  it("turns the current column around", () => {
    expect(sortOnClick({ key: "surname", direction: "asc" }, "surname")).toEqual({ key: "surname", direction: "desc" });
    expect(sortOnClick({ key: "surname", direction: "desc" }, "surname")).toEqual({ key: "surname", direction: "asc" });
  });
});

describe("ariaSortOf", () => {
  it("marks only the sorted column, with its direction", () => {
    const sort = { key: "applied", direction: "desc" } as const;
    expect(ariaSortOf(sort, "applied")).toBe("descending");
    expect(ariaSortOf({ key: "applied", direction: "asc" }, "applied")).toBe("ascending");
    expect(ariaSortOf(sort, "surname")).toBeUndefined();
    expect(ariaSortOf(null, "caseNumber")).toBeUndefined();
  });
});
