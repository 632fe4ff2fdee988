import { describe, expect, it } from "vitest";
import {
  archivedFilesToRemove,
  isTimelineHistory,
  parseSegmentName,
  segmentName,
  segmentOfLsn,
  segmentsBetween,
} from "./wal";

const MB16 = 16 * 1024 * 1024;

describe("WAL segment names", () => {
  it("reads timeline and position, and writes them back", () => {
    expect(parseSegmentName("000000010000000200000003", MB16)).toEqual({ timeline: 1, position: 2 * 256 + 3 });
    expect(segmentName({ timeline: 2, position: 2 * 256 + 255 }, MB16)).toBe("0000000200000002000000FF");
    expect(parseSegmentName("0000000100000000000000FF", MB16)?.position).toBe(255);
  });

  it("refuses other names and a low part beyond the segments of one log file", () => {
    expect(parseSegmentName("00000001.history", MB16)).toBeNull();
    expect(parseSegmentName("000000010000000000000100", MB16)).toBeNull();
    expect(parseSegmentName("00000001000000000000000a", MB16)).toBeNull();
  });

  it("lists the segments between two, across a log file boundary", () => {
    expect(segmentsBetween("0000000100000000000000FE", "000000010000000100000001", MB16)).toEqual([
      "0000000100000000000000FE",
      "0000000100000000000000FF",
      "000000010000000100000000",
      "000000010000000100000001",
    ]);
    expect(segmentsBetween("000000010000000000000005", "000000010000000000000005", MB16)).toHaveLength(1);
  });

  it("uses the segment size: with 64 MB segments a log file holds 64 of them", () => {
    expect(segmentsBetween("00000001000000000000003F", "000000010000000100000000", 64 * 1024 * 1024)).toEqual([
      "00000001000000000000003F",
      "000000010000000100000000",
    ]);
  });

  it("refuses a range across timelines or backwards", () => {
    expect(() => segmentsBetween("000000010000000000000005", "000000020000000000000006", MB16)).toThrow(/timelines/);
    expect(() => segmentsBetween("000000010000000000000006", "000000010000000000000005", MB16)).toThrow(/precedes/);
  });
});

describe("archivedFilesToRemove", () => {
  const files = [
    "000000010000000000000003",
    "000000010000000000000004",
    "000000010000000000000004.00000028.backup",
    "000000010000000000000005",
    "00000002.history",
    "000000020000000000000006",
    ".000000020000000000000007.tmp",
  ];

  it("removes segments and backup files before the oldest kept backup's first segment, on every timeline", () => {
    expect(archivedFilesToRemove(files, "000000020000000000000005", MB16)).toEqual([
      "000000010000000000000003",
      "000000010000000000000004",
      "000000010000000000000004.00000028.backup",
    ]);
  });

  it("keeps timeline histories and files it does not recognise", () => {
    const removed = archivedFilesToRemove(files, "0000000200000000000000FF", MB16);
    expect(removed).not.toContain("00000002.history");
    expect(removed).not.toContain(".000000020000000000000007.tmp");
    expect(removed).toContain("000000020000000000000006");
    expect(isTimelineHistory("00000002.history")).toBe(true);
    expect(isTimelineHistory("000000020000000000000006")).toBe(false);
  });
});

describe("segmentOfLsn", () => {
  it("finds the segment of a WAL location like pg_walfile_name, on the given timeline", () => {
    expect(segmentOfLsn("0/5000028", 1, MB16)).toBe("000000010000000000000005");
    expect(segmentOfLsn("2/FF123456", 3, MB16)).toBe("0000000300000002000000FF");
    expect(segmentOfLsn("0/0", 1, MB16)).toBe("000000010000000000000000");
    expect(() => segmentOfLsn("5000028", 1, MB16)).toThrow(/WAL location/);
  });
});
