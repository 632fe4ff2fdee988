/**
 * Raised when a record does not exist or lies outside the actor's scope. Both look the same to the
 * caller so that the existence of another region's family is never disclosed.
 */
export class NotFoundError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = "NotFoundError";
  }
}

/** Raised when the actor's role does not allow an operation at all (e.g. an analyst editing). */
export class ForbiddenError extends Error {
  constructor(readonly operation: string) {
    super(`${operation} is not allowed for this role`);
    this.name = "ForbiddenError";
  }
}
