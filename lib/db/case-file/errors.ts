/**
 * A case-file rule the input breaks (a too-large file, a payment above the entitlement, a plan saved by
 * someone else meanwhile…). `key` names a catalogue entry under `casefile.rules`; `field` the form field
 * it belongs to, if any. Raised by lib/db, translated by the server action or route handler.
 */
export class CaseFileRuleError extends Error {
  constructor(
    readonly key: string,
    readonly field: string | null = null,
    readonly values: Record<string, string | number | Date> = {},
  ) {
    super(`case file rule: ${key}`);
    this.name = "CaseFileRuleError";
  }
}
