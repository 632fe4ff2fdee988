// What scripts/serve.ts learns from the app about one request: the app runs inside serve.ts's call to
// Next's handler, so an AsyncLocalStorage entered there is the current store in the app's code of the
// same request (pages, server actions, route handlers), and the app can name the acting user for the
// request's log line. The storage is kept on globalThis because Next.js bundles its own copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestScope = { requestId: string; userId: number | null };

const KEY = Symbol.for("nurly-kosh.request-scope");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<RequestScope> };

function storage(): AsyncLocalStorage<RequestScope> {
  return (holder[KEY] ??= new AsyncLocalStorage<RequestScope>());
}

/** Runs `handle` with `scope` as the current request's scope. */
export function runInRequestScope<T>(scope: RequestScope, handle: () => T): T {
  return storage().run(scope, handle);
}

/** Tells the request's log line who acted (lib/auth/session.ts, once the session is checked). */
export function noteActingUser(userId: number): void {
  const scope = storage().getStore();
  if (scope) scope.userId = userId;
}

/** The id scripts/serve.ts gave the current request, where the app has no headers at hand (next-auth's callbacks). */
export function currentRequestId(): string | null {
  return storage().getStore()?.requestId ?? null;
}
