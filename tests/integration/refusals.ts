// How the data layer's refusals look from a test: every one is an AppError (lib/domain/app-error.ts);
// a missing record, another region's and a role's refusal share the code errors.notFound, and the
// log text says which, so a test can tell that the right check refused.

/** A record missing or outside the actor's scope. */
export const NOT_FOUND = /^errors\.notFound: not found/;

/** An operation the actor's role may not do at all. */
export const FORBIDDEN = /^errors\.notFound: forbidden/;
