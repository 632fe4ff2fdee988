const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs `compute` once for every caller that asks for the same `key` while it is running: callers who come
 * while it runs get the same promise (and the same result or error); the first caller after it has settled
 * starts a new computation. Nothing is kept afterwards, so a result is never older than the request that
 * waited for it. Per process: several app servers each compute their own. The result is shared, so callers
 * must not modify it.
 */
export function singleFlight<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const started = compute().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
