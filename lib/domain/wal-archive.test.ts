import { describe, expect, it } from "vitest";
import { archiveLagSeconds, isArchiveFailing, type ArchiverState } from "@/lib/domain/wal-archive";

const now = new Date("2026-03-01T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

const healthy: ArchiverState = {
  archiveMode: "on",
  currentWalFile: "00000001000000000000000B",
  lastArchivedWal: "00000001000000000000000A",
  lastArchivedAt: minutesAgo(2),
  lastFailedAt: null,
  serverStartedAt: minutesAgo(60),
};

describe("archiveLagSeconds", () => {
  it("is the time since the last archive while WAL written since waits in the current segment", () => {
    expect(archiveLagSeconds(healthy, now)).toBe(120);
  });

  it("is 0 when nothing was written after the last archived segment", () => {
    expect(archiveLagSeconds({ ...healthy, currentWalFile: "00000001000000000000000A" }, now)).toBe(0);
  });

  it("reads the segment of a backup history file and compares positions across timelines", () => {
    const state = { ...healthy, lastArchivedWal: "00000001000000000000000B.00000028.backup" };
    expect(archiveLagSeconds(state, now)).toBe(0);
    expect(archiveLagSeconds({ ...healthy, currentWalFile: "00000002000000000000000A" }, now)).toBe(0);
  });

  it("counts from the server's start when nothing was ever archived", () => {
    const state = { ...healthy, lastArchivedWal: null, lastArchivedAt: null };
    expect(archiveLagSeconds(state, now)).toBe(3600);
  });

  it("counts from the last archive when the last archived file names no segment", () => {
    expect(archiveLagSeconds({ ...healthy, lastArchivedWal: "00000002.history" }, now)).toBe(120);
  });

  it("is NaN when the server does not archive or is a standby", () => {
    expect(archiveLagSeconds({ ...healthy, archiveMode: "off" }, now)).toBeNaN();
    expect(archiveLagSeconds({ ...healthy, currentWalFile: null }, now)).toBeNaN();
  });
});

describe("isArchiveFailing", () => {
  it("is true only when the last failure came after the last success", () => {
    expect(isArchiveFailing({ lastArchivedAt: minutesAgo(5), lastFailedAt: minutesAgo(1) })).toBe(true);
    expect(isArchiveFailing({ lastArchivedAt: null, lastFailedAt: minutesAgo(1) })).toBe(true);
    expect(isArchiveFailing({ lastArchivedAt: minutesAgo(1), lastFailedAt: minutesAgo(5) })).toBe(false);
    expect(isArchiveFailing({ lastArchivedAt: minutesAgo(1), lastFailedAt: null })).toBe(false);
  });
});
