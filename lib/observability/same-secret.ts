import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether a presented secret equals the real one, in constant time: both are hashed first, so the time
 * depends neither on the length nor on the first differing character.
 */
export function isSameSecret(presented: string, secret: string): boolean {
  return timingSafeEqual(digest(presented), digest(secret));
}
