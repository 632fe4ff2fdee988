import { describe, expect, it } from "vitest";
import { pendingMigrations } from "@/lib/domain/readiness";

describe("pendingMigrations", () => {
  const folders = ["20250101000000_init", "20250201000000_quotas", "20250301000000_backups"];

  it("is empty when every folder is recorded, also with extra recorded migrations", () => {
    expect(pendingMigrations(folders, [...folders, "20250401000000_newer"])).toEqual([]);
  });

  it("names the folders not recorded as finished, in their order", () => {
    expect(pendingMigrations(folders, ["20250201000000_quotas"])).toEqual([
      "20250101000000_init",
      "20250301000000_backups",
    ]);
    expect(pendingMigrations(folders, [])).toEqual(folders);
  });
});
