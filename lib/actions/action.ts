import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/db/users/load-session-user";
import { ForbiddenError, NotFoundError } from "@/lib/db/errors";
import type { StaffRole } from "@/lib/domain/access";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** An error that a user can act on: its `messageKey` names a catalogue entry under `errors`. */
export class UserFacingError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly fieldErrors?: Record<string, string>,
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
    const t = await getTranslations("errors");
    const tv = await getTranslations("validation");
    const parsed = definition.schema.safeParse(rawInput);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".");
        fieldErrors[field] ??= tv.has(issue.message) ? tv(issue.message) : tv("invalid");
      }
      return { ok: false, message: t("invalidInput"), fieldErrors };
    }
    const user = await requireUser();
    try {
      if (!definition.roles.includes(user.role)) throw new NotFoundError("action");
      const data = await definition.run(parsed.data, user);
      for (const path of definition.revalidate ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) return { ok: false, message: t("notFound") };
      if (error instanceof UserFacingError) {
        return { ok: false, message: t(error.messageKey, error.values), fieldErrors: error.fieldErrors };
      }
      const requestId = randomUUID();
      console.error(`[action error ${requestId}]`, error);
      return { ok: false, message: t("unexpected", { requestId }) };
    }
  };
}
