/**
 * Whether this app server's schema is the one its code expects: every migration folder it ships
 * (prisma/migrations) is recorded as finished in `_prisma_migrations`. A server whose migrations another
 * server is still applying is not ready yet; a database with more migrations than the code knows (a
 * newer server already upgraded it) is, because migrations only add.
 */
export function pendingMigrations(folders: readonly string[], finished: Iterable<string>): string[] {
  const recorded = new Set(finished);
  return folders.filter((name) => !recorded.has(name));
}
