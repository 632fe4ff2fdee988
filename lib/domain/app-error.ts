/**
 * The one error model: a refusal the user can act on travels as an AppError whose code is its
 * catalogue key (messages/<locale>/*.json), with typed values that lib/i18n/error-message.ts formats
 * in the reader's language (dates, tenge, region and pool names). lib/db throws it; defineAction and
 * defineRoute translate it in one place. Anything else that is thrown is a bug and is logged.
 */
import type { DocumentNeed } from "./checklist-gate";
import type { DocumentKind } from "./documents";

/** A value of a message; the non-scalar ones are formatted for the reader's language and locale. */
export type ErrorValue =
  | string
  | number
  /** A calendar day; null prints as a dash. */
  | { date: Date | null }
  /** A moment, with the time of day. */
  | { dateTime: Date }
  /** An amount of money in tenge. */
  | { tenge: number }
  /** A whole number with the language's grouping. */
  | { count: number }
  /** A region by its code (ISO 3166-2:KZ), printed by its local name. */
  | { region: string }
  /** A quota pool, printed by its name. */
  | { pool: "KANDAS" | "SETTLER" }
  /** Checklist items a step lacks (lib/domain/checklist-gate), printed as a list of their names. */
  | { documents: readonly { kind: DocumentKind; needs: DocumentNeed }[] };

export type ErrorValues = Record<string, ErrorValue>;

/** A message at one form field: a catalogue key and its values. */
export type FieldMessage = { code: string; values?: ErrorValues };

export type AppErrorOptions = {
  values?: ErrorValues;
  /**
   * The form field the refusal is about: a form shows the message at that field and says "correct the
   * highlighted fields"; a route handler answers with the message itself.
   */
  field?: string;
  /** Messages at several fields (member rows, grid cells); the form shows `code` as its message. */
  fieldErrors?: Record<string, FieldMessage>;
  /** The HTTP status a route handler answers with; server actions answer `{ ok: false }` whatever it is. */
  status?: number;
  /** Data the form needs to help the user (e.g. possible duplicates to decide on); sent to the browser. */
  details?: unknown;
  /** What happened, for the server log only (never shown). */
  log?: string;
  /** The operation the actor's role may not do at all (forbiddenError), so the wrappers audit the refusal. */
  forbidden?: string;
};

export const INVALID_INPUT = "errors.invalidInput";
export const NOT_FOUND = "errors.notFound";

/** A refusal a user can understand and act on; see the module comment. */
export class AppError extends Error {
  readonly code: string;
  readonly values: ErrorValues;
  readonly field: string | undefined;
  readonly fieldErrors: Record<string, FieldMessage> | undefined;
  readonly status: number;
  readonly details: unknown;
  readonly forbidden: string | undefined;
  private readonly log: string | undefined;

  constructor(code: string, options: AppErrorOptions = {}) {
    super(options.log ? `${code}: ${options.log}` : code);
    this.log = options.log;
    this.name = "AppError";
    this.code = code;
    this.values = options.values ?? {};
    this.field = options.field;
    this.fieldErrors = options.fieldErrors;
    this.status = options.status ?? 400;
    this.details = options.details;
    this.forbidden = options.forbidden;
  }

  /** The same refusal with its field names changed (e.g. an order's lines mapped back to grid cells). */
  withFields(rename: (field: string) => string): AppError {
    const fieldErrors =
      this.fieldErrors &&
      Object.fromEntries(Object.entries(this.fieldErrors).map(([field, message]) => [rename(field), message]));
    const field = this.field && rename(this.field);
    return new AppError(this.code, {
      values: this.values,
      field,
      fieldErrors,
      status: this.status,
      details: this.details,
      log: this.log,
      forbidden: this.forbidden,
    });
  }
}

/**
 * A record that does not exist or lies outside the actor's scope. Both look the same to the caller so
 * that the existence of another region's family is never disclosed.
 */
export function notFoundError(entity: string): AppError {
  return new AppError(NOT_FOUND, { status: 404, log: `not found: ${entity}` });
}

/**
 * An operation the actor's role may not do at all (an analyst editing). Answered like a missing
 * record (404) for the same reason; the log says which, and the wrappers audit it (access.denied).
 */
export function forbiddenError(operation: string): AppError {
  return new AppError(NOT_FOUND, { status: 404, log: `forbidden: ${operation}`, forbidden: operation });
}

/** Whether an error is the "not found" refusal (a missing record, another region's, or a forbidden operation). */
export function isNotFound(error: unknown): error is AppError {
  return error instanceof AppError && error.code === NOT_FOUND;
}
