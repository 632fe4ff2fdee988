import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/db/users/load-session-user";
import { ForbiddenError, NotFoundError } from "@/lib/db/errors";
import type { StaffRole } from "@/lib/domain/access";

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

/**
 * An error that a user can act on. `messageKey` and the values of `fieldErrors` are catalogue keys:
 * a bare key is looked up under `errors` (messages) or `validation` (fields), a dotted key from the root.
 */
export class UserFacingError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly fieldErrors?: Record<string, string | { key: string; values: Record<string, string | number> }>,
    readonly details?: unknown,
  ) {
    super(messageKey);
    this.name = "UserFacingError";
  }
}

type ActionDefinition<S extends z.ZodType, T> = {
  schema: S;
  /** Roles that may call the action at all; finer checks happen in lib/db against the row. */
  roles: StaffRole[];
  run: (input: z.infer<S>, user: SessionUser) => Promise<T>;
  /** Paths whose server-rendered pages change when the action succeeds. */
  revalidate?: string[];
};

/**
 * The single wrapper every server action goes through: parse with the shared schema → load the
 * session from the database → check the role → run the lib/db mutation (which authorizes against
 * the row and writes its audit entry in the same transaction) → revalidate. Users' mistakes come back
 * as translated messages; unexpected errors are logged with a request id and never leak details.
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    const t = await getTranslations();
    const translate = (key: string, namespace: "errors" | "validation", values?: Record<string, string | number>) => {
      const fullKey = key.includes(".") ? key : `${namespace}.${key}`;
      return t.has(fullKey) ? t(fullKey, values) : t("validation.invalid");
    };
    const parsed = definition.schema.safeParse(rawInput);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        fieldErrors[issue.path.join(".")] ??= translate(issue.message, "validation");
      }
      return { ok: false, message: t("errors.invalidInput"), fieldErrors };
    }
    const user = await currentUser();
    if (!user) return { ok: false, message: t("errors.signedOut"), isSignedOut: true };
    try {
      if (!definition.roles.includes(user.role)) throw new NotFoundError("action");
      const data = await definition.run(parsed.data, user);
      for (const path of definition.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) return { ok: false, message: t("errors.notFound") };
      if (error instanceof UserFacingError) {
        const fieldErrors = error.fieldErrors
          ? Object.fromEntries(
              Object.entries(error.fieldErrors).map(([field, entry]) => [
                field,
                typeof entry === "string" ? translate(entry, "validation", error.values) : translate(entry.key, "validation", entry.values),
              ]),
            )
          : undefined;
        return { ok: false, message: translate(error.messageKey, "errors", error.values), fieldErrors, details: error.details };
      }
      const requestId = randomUUID();
      console.error(`[action error ${requestId}]`, error);
      return { ok: false, message: t("errors.unexpected", { requestId }) };
    }
  };
}
