import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { auditForbidden } from "@/lib/db/audit";
import { requestContext } from "@/lib/db/request-context";
import type { SessionUser } from "@/lib/db/users/load-session-user";
import { AppError, forbiddenError, INVALID_INPUT } from "@/lib/domain/app-error";
import { can, type Permission } from "@/lib/domain/permissions";
import { REQUESTED_PATH_HEADER } from "@/lib/domain/redirect-target";
import { errorTranslator } from "@/lib/i18n/error-message";
import { logUnexpected } from "@/lib/log";

export type ActionFailure = {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Structured data the form needs to help the user (e.g. possible duplicates to decide on). */
  details?: unknown;
  /** The session ended while the form was open: the form keeps its input and sends the user to log in. */
  isSignedOut?: boolean;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

type ActionDefinition<S extends z.ZodType, T> = {
  schema: S;
  /** What the caller must be allowed to do at all; finer checks happen in lib/db against the row. */
  permission: Permission;
  run: (input: z.infer<S>, user: SessionUser) => Promise<T>;
  /** Only the second factor's enrolment: also for a person who has yet to set up a required second factor. */
  duringEnrolment?: boolean;
  /** Paths whose server-rendered pages change when the action succeeds (a function when they depend on it). */
  revalidate?: string[] | ((input: z.infer<S>, data: T) => string[]);
};

/** The input parsed with the action's schema, or the refusal with the messages at the fields. */
function parseInput<S extends z.ZodType>(
  schema: S,
  rawInput: unknown,
  text: (code: string) => string,
): { ok: true; data: z.infer<S> } | ActionFailure {
  const parsed = schema.safeParse(rawInput);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= text(issue.message);
  return { ok: false, message: text(INVALID_INPUT), fieldErrors };
}

/** A thrown error as the form's refusal: an AppError in words, anything else logged under the request's id. */
async function failureOf(error: unknown, translator: Translator): Promise<ActionFailure> {
  if (error instanceof AppError)
    return { ok: false, ...translator.translate(error, { forForm: true }), details: error.details };
  const { requestId } = await requestContext();
  return {
    ok: false,
    message: translator.text("errors.unexpected", { requestId: logUnexpected("action", requestId, error) }),
  };
}

type Translator = Awaited<ReturnType<typeof errorTranslator>>;

/**
 * The single wrapper every server action goes through: parse with the shared schema → load the
 * session from the database → check the permission → run the lib/db mutation (which authorizes
 * against the row and writes its audit entry in the same transaction) → revalidate. An AppError comes
 * back as translated messages; anything else is logged under the request's id (the one in the audit
 * rows of the same request) and never leaks details.
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    const translator = await errorTranslator();
    const parsed = parseInput(definition.schema, rawInput, translator.text);
    if (!parsed.ok) return parsed;
    const user = await currentUser({ duringEnrolment: definition.duringEnrolment });
    if (!user) return { ok: false, message: translator.text("errors.signedOut"), isSignedOut: true };
    try {
      if (!can(user, definition.permission)) throw forbiddenError(definition.permission);
      const data = await definition.run(parsed.data, user);
      const paths =
        typeof definition.revalidate === "function"
          ? definition.revalidate(parsed.data, data)
          : (definition.revalidate ?? []);
      for (const path of paths) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      await auditForbidden(user, error, (await headers()).get(REQUESTED_PATH_HEADER));
      return failureOf(error, translator);
    }
  };
}

/**
 * A server action of a page that has no session (the activation link): the same parsing, refusals and
 * logging as defineAction, without a session or a permission. Its input must carry its own authority
 * (a one-time token), which the lib/db function it runs checks.
 */
export function definePublicAction<S extends z.ZodType, T>(definition: {
  schema: S;
  run: (input: z.infer<S>) => Promise<T>;
}) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    const translator = await errorTranslator();
    const parsed = parseInput(definition.schema, rawInput, translator.text);
    if (!parsed.ok) return parsed;
    try {
      return { ok: true, data: await definition.run(parsed.data) };
    } catch (error) {
      return failureOf(error, translator);
    }
  };
}
