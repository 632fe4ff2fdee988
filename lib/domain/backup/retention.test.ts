import { describe, expect, it } from "vitest";
import { DAY_MS, dailyBackupName, dailyBackupsToRemove, isDailyBackupName, nextDailyBackupDelay } from "./retention";

describe("nextDailyBackupDelay", () => {
  const now = new Date("2026-12-07T10:00:00Z");

  it("is due now without a backup or with one a day old or older", () => {
    expect(nextDailyBackupDelay(null, now)).toBe(0);
    expect(nextDailyBackupDelay(new Date(now.getTime() - DAY_MS), now)).toBe(0);
    expect(nextDailyBackupDelay(new Date("2026-12-01T00:00:00Z"), now)).toBe(0);
  });

  it("waits out the rest of the newest backup's day", () => {
    expect(nextDailyBackupDelay(new Date("2026-12-07T04:00:00Z"), now)).toBe(18 * 60 * 60 * 1000);
  });
});

describe("daily backup names", () => {
  it("names a backup by its start in UTC, sortable and without colons", () => {
    expect(dailyBackupName(new Date("2026-12-07T10:15:30.250Z"))).toBe("20261207T101530Z");
    expect(isDailyBackupName("20261207T101530Z")).toBe(true);
    expect(isDailyBackupName("20261207T101530Z.partial")).toBe(false);
  });
});

describe("dailyBackupsToRemove", () => {
  const names = ["20261203T000000Z", "20261201T000000Z", "20261202T000000Z", "20261204T000000Z", "notes"];

  it("keeps the newest N and removes the older ones", () => {
    expect(dailyBackupsToRemove(names, 2)).toEqual(["20261201T000000Z", "20261202T000000Z"]);
    expect(dailyBackupsToRemove(names, 7)).toEqual([]);
  });

  it("never removes the newest, whatever the setting, and ignores other folders", () => {
    expect(dailyBackupsToRemove(names, 0)).toEqual(["20261201T000000Z", "20261202T000000Z", "20261203T000000Z"]);
    expect(dailyBackupsToRemove(names, 1)).not.toContain("notes");
  });
});
