import { describe, expect, it } from "vitest";
import { parseBackupArgs, parseInstant, parseRestoreArgs } from "./cli-args";

describe("parseBackupArgs", () => {
  it("reads --out and --verify, with a space or an equals sign", () => {
    expect(parseBackupArgs(["--out", "/b/1"])).toEqual({ ok: true, command: { action: "backup", out: "/b/1" } });
    expect(parseBackupArgs(["--verify=/b/1"])).toEqual({ ok: true, command: { action: "verify", dir: "/b/1" } });
  });

  it("refuses none, both, a missing value, a repeat and an unknown argument", () => {
    expect(parseBackupArgs([]).ok).toBe(false);
    expect(parseBackupArgs(["--out", "a", "--verify", "b"])).toEqual({
      ok: false,
      error: "give --out or --verify, not both",
    });
    expect(parseBackupArgs(["--out"])).toEqual({ ok: false, error: "--out needs a value" });
    expect(parseBackupArgs(["--out", "--verify"])).toEqual({ ok: false, error: "--out needs a value" });
    expect(parseBackupArgs(["--out", "a", "--out", "b"])).toEqual({ ok: false, error: "--out is given twice" });
    expect(parseBackupArgs(["--outt", "a"])).toEqual({ ok: false, error: "unknown argument --outt" });
  });
});

describe("parseRestoreArgs", () => {
  it("reads every option", () => {
    expect(
      parseRestoreArgs(["--from", "/b", "--to-time", "2026-12-07T10:15:00+05:00", "--wal-archive", "/w", "--force"]),
    ).toEqual({
      ok: true,
      command: { from: "/b", toTime: new Date("2026-12-07T05:15:00Z"), walArchive: "/w", force: true },
    });
    expect(parseRestoreArgs(["--from=/b"])).toEqual({
      ok: true,
      command: { from: "/b", toTime: undefined, walArchive: undefined, force: false },
    });
  });

  it("needs --from and a timestamp with its offset", () => {
    expect(parseRestoreArgs(["--force"]).ok).toBe(false);
    const noOffset = parseRestoreArgs(["--from", "/b", "--to-time", "2026-12-07T10:15:00"]);
    expect(noOffset.ok).toBe(false);
    expect(!noOffset.ok && noOffset.error).toMatch(/offset/);
    expect(parseRestoreArgs(["--from", "/b", "--force=yes"]).ok).toBe(false);
  });
});

describe("parseInstant", () => {
  it("accepts UTC and offsets, with seconds and fractions", () => {
    expect(parseInstant("2026-01-02T03:04Z")).toEqual(new Date("2026-01-02T03:04:00Z"));
    expect(parseInstant("2026-01-02T03:04:05.123456-02:00")?.toISOString()).toBe("2026-01-02T05:04:05.123Z");
  });

  it("refuses dates alone, no offset and impossible dates", () => {
    expect(parseInstant("2026-01-02")).toBeNull();
    expect(parseInstant("2026-01-02 03:04:05Z")).toBeNull();
    expect(parseInstant("2026-13-02T03:04:05Z")).toBeNull();
  });
});
