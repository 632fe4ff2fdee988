/**
 * How long a staff session lasts (issue 13, decision 003): it ends after a stretch without requests (the
 * idle timeout) and, however busy, a fixed time after sign-in (the absolute lifetime). Both are programme
 * settings; this module only decides, from the session's times, whether it still counts.
 */

export type SessionLifetime = { idleMinutes: number; absoluteHours: number };

/** The lifetimes the programme starts with: 30 minutes idle, 8 hours (a working day) at most. */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMinutes: 30, absoluteHours: 8 };

/**
 * The longest absolute lifetime an administrator may set; the session cookie is issued for this long, so
 * that the server's own check is the one that ends a session.
 */
export const MAX_SESSION_HOURS = 24;

/** How often a session's last request is written: once a minute is precise enough for an idle timeout. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Why a session no longer counts; `null` while it does. */
export type SessionEnd = "signedOut" | "idle" | "expired" | null;

/** Whether the session is still good at `now`, and if not why: signed out, idle too long or too old. */
export function sessionEnd(
  session: { startedAt: Date; lastSeenAt: Date; endedAt: Date | null },
  lifetime: SessionLifetime,
  now: Date,
): SessionEnd {
  if (session.endedAt) return "signedOut";
  if (now.getTime() - session.startedAt.getTime() >= lifetime.absoluteHours * 3_600_000) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= lifetime.idleMinutes * 60_000) return "idle";
  return null;
}

/** Whether this request should record itself as the session's last one (at most once a minute). */
export function isLastSeenStale(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
