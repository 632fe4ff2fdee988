/**
 * What a base backup of a running cluster leaves out, as PostgreSQL's documentation on the low-level
 * backup API lists it ("Backing Up the Data Directory"): the server recreates or never needs these, and
 * copying them would carry a live server's state (its pid file, WAL being written) into the copy.
 */

/** Folders kept empty in the copy: the server expects them to exist but rebuilds their contents. */
const EMPTIED = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);

/** Files of the cluster's top folder that belong to the running server (or to an earlier backup). */
const TOP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "current_logfiles",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "tablespace_map.old",
  "recovery.signal",
  "standby.signal",
  "postgresql.auto.conf.tmp",
]);

export type BackupEntry = "copy" | "skip" | "emptyFolder";

/**
 * How the backup treats a path of the cluster folder (relative, `/`-separated): copy it, skip it, or
 * (a folder) create it empty and copy nothing inside.
 */
export function backupEntry(relativePath: string, isFolder: boolean): BackupEntry {
  const parts = relativePath.split("/");
  const name = parts.at(-1) ?? "";
  if (parts.length === 1 && isFolder && EMPTIED.has(name)) return "emptyFolder";
  if (parts.length === 1 && !isFolder && TOP_FILES.has(name)) return "skip";
  // Temporary files of running queries, anywhere (base/<db>/pgsql_tmp, or a tablespace's).
  if (name.startsWith("pgsql_tmp")) return "skip";
  // The relation cache's init file is rebuilt at start and must not be trusted from a copy.
  if (name === "pg_internal.init") return "skip";
  return "copy";
}
