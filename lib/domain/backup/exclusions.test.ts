import { describe, expect, it } from "vitest";
import { backupEntry } from "./exclusions";

describe("backupEntry", () => {
  it("copies the relation files, the control file and the configuration", () => {
    expect(backupEntry("base/16384/2619", false)).toBe("copy");
    expect(backupEntry("global/pg_control", false)).toBe("copy");
    expect(backupEntry("postgresql.auto.conf", false)).toBe("copy");
    expect(backupEntry("nurly-kosh.password", false)).toBe("copy");
    expect(backupEntry("pg_xact/0000", false)).toBe("copy");
  });

  it("keeps the WAL and runtime folders but not their contents", () => {
    for (const folder of ["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots"]) {
      expect(backupEntry(folder, true)).toBe("emptyFolder");
    }
    expect(backupEntry("pg_stat_tmp", true)).toBe("emptyFolder");
    expect(backupEntry("pg_subtrans", true)).toBe("emptyFolder");
    expect(backupEntry("base/pg_wal", true)).toBe("copy");
  });

  it("skips the running server's files, an old backup label, temporary files and the relation cache", () => {
    expect(backupEntry("postmaster.pid", false)).toBe("skip");
    expect(backupEntry("postmaster.opts", false)).toBe("skip");
    expect(backupEntry("backup_label", false)).toBe("skip");
    expect(backupEntry("recovery.signal", false)).toBe("skip");
    expect(backupEntry("base/16384/pgsql_tmp", true)).toBe("skip");
    expect(backupEntry("base/pgsql_tmp/pgsql_tmp123.0", false)).toBe("skip");
    expect(backupEntry("base/16384/pg_internal.init", false)).toBe("skip");
    expect(backupEntry("global/pg_internal.init", false)).toBe("skip");
  });

  it("judges top-level names only at the top", () => {
    expect(backupEntry("base/16384/postmaster.pid", false)).toBe("copy");
  });
});
