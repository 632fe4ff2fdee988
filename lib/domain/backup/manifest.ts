/**
 * The manifest of a backup (manifest.json at its top): what was taken and, for every file in the
 * backup, its size and SHA-256, so that `db:backup --verify` and `db:restore` can prove the copy whole
 * before anything relies on it.
 */

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_FORMAT = 1;

export type ManifestFile = { path: string; size: number; sha256: string };

export type Manifest = {
  format: typeof MANIFEST_FORMAT;
  /** "physical": the cluster folder in `data/` and its WAL in `wal/`; "pg_dump": `database.dump`. */
  method: "physical" | "pg_dump";
  kind: "daily" | "manual";
  serverVersion: string;
  startedAt: string;
  finishedAt: string;
  /** Physical backups: the WAL range recovery must replay for the copy to be consistent. */
  startLsn?: string;
  stopLsn?: string;
  timeline?: number;
  walSegmentBytes?: number;
  /** The applied migrations (`_prisma_migrations`), oldest first. */
  migrations: string[];
  files: ManifestFile[];
  /** Physical backups: every folder of the copy, so that empty ones the server needs are recreated. */
  folders?: string[];
};

export type ManifestProblem =
  | { path: string; problem: "missing" }
  | { path: string; problem: "unexpected" }
  | { path: string; problem: "size"; expected: number; actual: number }
  | { path: string; problem: "checksum" };

/**
 * How the files found in a backup differ from its manifest: each listed file missing, of another size
 * or another checksum, and each file found that the manifest does not list. Empty when the backup is whole.
 */
export function compareWithManifest(
  manifest: Pick<Manifest, "files">,
  found: ReadonlyMap<string, { size: number; sha256?: string }>,
): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const actual = found.get(file.path);
    if (!actual) problems.push({ path: file.path, problem: "missing" });
    else if (actual.size !== file.size)
      problems.push({ path: file.path, problem: "size", expected: file.size, actual: actual.size });
    else if (actual.sha256 !== undefined && actual.sha256 !== file.sha256)
      problems.push({ path: file.path, problem: "checksum" });
  }
  for (const path of [...found.keys()].sort()) {
    if (!listed.has(path)) problems.push({ path, problem: "unexpected" });
  }
  return problems;
}

/** One line per problem, in words an operator can act on. */
export function describeProblem(problem: ManifestProblem): string {
  switch (problem.problem) {
    case "missing":
      return `${problem.path}: missing`;
    case "unexpected":
      return `${problem.path}: not in the manifest`;
    case "size":
      return `${problem.path}: ${problem.actual} bytes, the manifest says ${problem.expected}`;
    case "checksum":
      return `${problem.path}: content changed (SHA-256 differs from the manifest)`;
  }
}

/** A manifest read from JSON, or the reason it is not one. */
export function parseManifest(value: unknown): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  if (typeof value !== "object" || value === null) return { ok: false, reason: "not a JSON object" };
  const candidate = value as Partial<Manifest>;
  if (candidate.format !== MANIFEST_FORMAT) return { ok: false, reason: `unknown format ${String(candidate.format)}` };
  if (candidate.method !== "physical" && candidate.method !== "pg_dump")
    return { ok: false, reason: "unknown backup method" };
  const files = candidate.files;
  if (
    !Array.isArray(files) ||
    !files.every(
      (file: Partial<ManifestFile>) =>
        typeof file?.path === "string" &&
        typeof file.size === "number" &&
        typeof file.sha256 === "string" &&
        !file.path.split("/").includes("..") &&
        !file.path.startsWith("/"),
    )
  )
    return { ok: false, reason: "its file list is malformed" };
  return { ok: true, manifest: candidate as Manifest };
}
