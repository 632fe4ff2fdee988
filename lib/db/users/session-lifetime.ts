import "server-only";
import { DEFAULT_SESSION_LIFETIME, type SessionLifetime } from "@/lib/domain/session-lifetime";

/** The idle timeout and absolute lifetime in force on `on`. */
export async function sessionLifetime(_on: Date): Promise<SessionLifetime> {
  return DEFAULT_SESSION_LIFETIME;
}
