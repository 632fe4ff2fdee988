import { describe, expect, it } from "vitest";
import { compareWithManifest, describeProblem, MANIFEST_FORMAT, parseManifest } from "./manifest";

const manifest = {
  files: [
    { path: "data/global/pg_control", size: 8192, sha256: "aa" },
    { path: "data/base/5/1259", size: 16384, sha256: "bb" },
    { path: "wal/000000010000000000000002", size: 16, sha256: "cc" },
  ],
};

const found = (entries: [string, number, string?][]) =>
  new Map(entries.map(([path, size, sha256]) => [path, { size, sha256 }]));

describe("compareWithManifest", () => {
  it("finds nothing wrong with a whole backup", () => {
    expect(
      compareWithManifest(
        manifest,
        found([
          ["data/global/pg_control", 8192, "aa"],
          ["data/base/5/1259", 16384, "bb"],
          ["wal/000000010000000000000002", 16, "cc"],
        ]),
      ),
    ).toEqual([]);
  });

  it("names a missing file, a changed one, one of another size and an unexpected one", () => {
    const problems = compareWithManifest(
      manifest,
      found([
        ["data/global/pg_control", 8192, "ab"],
        ["data/base/5/1259", 100, "bb"],
        ["data/base/5/9999", 1, "dd"],
      ]),
    );
    expect(problems).toEqual([
      { path: "data/global/pg_control", problem: "checksum" },
      { path: "data/base/5/1259", problem: "size", expected: 16384, actual: 100 },
      { path: "wal/000000010000000000000002", problem: "missing" },
      { path: "data/base/5/9999", problem: "unexpected" },
    ]);
    expect(problems.map(describeProblem)).toEqual([
      "data/global/pg_control: content changed (SHA-256 differs from the manifest)",
      "data/base/5/1259: 100 bytes, the manifest says 16384",
      "wal/000000010000000000000002: missing",
      "data/base/5/9999: not in the manifest",
    ]);
  });

  it("compares sizes alone when no checksum was computed", () => {
    expect(compareWithManifest(manifest, found([["data/global/pg_control", 8192]])).map((p) => p.problem)).toEqual([
      "missing",
      "missing",
    ]);
  });
});

describe("parseManifest", () => {
  const valid = { format: MANIFEST_FORMAT, method: "physical", files: manifest.files };

  it("accepts a manifest", () => {
    expect(parseManifest(valid).ok).toBe(true);
  });

  it("refuses other shapes, another format and paths leaving the backup", () => {
    expect(parseManifest(null)).toEqual({ ok: false, reason: "not a JSON object" });
    expect(parseManifest({ ...valid, format: 2 }).ok).toBe(false);
    expect(parseManifest({ ...valid, method: "tar" }).ok).toBe(false);
    expect(parseManifest({ ...valid, files: [{ path: "../etc/passwd", size: 1, sha256: "x" }] }).ok).toBe(false);
    expect(parseManifest({ ...valid, files: [{ path: "/etc/passwd", size: 1, sha256: "x" }] }).ok).toBe(false);
    expect(parseManifest({ ...valid, files: [{ path: "a", size: "1", sha256: "x" }] }).ok).toBe(false);
  });
});
