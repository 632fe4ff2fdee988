/** Fields that identify a person; the audit log keeps only their last two characters. */
const IDENTIFYING_FIELDS = new Set([
  "iin",
  "contactPhone",
  "contactEmail",
  "phone",
  "email",
  "passwordHash",
  "address",
]);

/** What the log keeps of a password hash that was set or changed: never the hash itself. */
export const MASKED_SECRET = "[changed]";

/** Masks a personal identifier, keeping its last two characters so a reviewer can tell values apart. */
export function maskIdentifier(value: string): string {
  if (value.length <= 2) return "**";
  return `${"*".repeat(Math.min(value.length - 2, 10))}${value.slice(-2)}`;
}

export type FieldChange = { from: unknown; to: unknown };

/** Returns the change set with identifying fields masked (and password hashes never shown). */
export function maskChanges(changes: Record<string, FieldChange>): Record<string, FieldChange> {
  const masked: Record<string, FieldChange> = {};
  for (const [field, change] of Object.entries(changes)) {
    masked[field] = IDENTIFYING_FIELDS.has(field)
      ? { from: maskValue(field, change.from), to: maskValue(field, change.to) }
      : change;
  }
  return masked;
}

function maskValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field === "passwordHash") return MASKED_SECRET;
  return maskIdentifier(String(value));
}

/** The fields whose values differ between two snapshots, as a change set. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field];
    if (!sameValue(from, to)) changes[field] = { from, to };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
