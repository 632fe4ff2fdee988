// Secrets the server keeps (TOTP keys) or hands to the browser to carry for a few minutes (a pending
// enrolment, a half-finished sign-in), sealed with AES-256-GCM so that they can be neither read nor
// altered. Keys are derived from NEXTAUTH_SECRET with HKDF, one per purpose, so a value sealed for one
// purpose never opens as another. No "server-only" guard: the e2e fixtures seal and open test accounts'
// keys with the test server's secret. docs/decisions/016-second-factor.md.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/** What a sealed value is for; each has its own key. */
export type SealPurpose = "totp-secret" | "totp-enrolment" | "sign-in-challenge" | "recovery-code";

/** The format's version, first in every sealed value, so that a later key or cipher can be told apart. */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

const keys = new Map<string, Buffer>();

/** The 256-bit key of `purpose`, derived from the server's secret (HKDF-SHA-256, a fixed info string). */
function keyOf(serverSecret: string, purpose: SealPurpose): Buffer {
  const cacheKey = `${purpose}\u0000${serverSecret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", serverSecret, "", `nurly-kosh/${purpose}/${VERSION}`, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

export type SealOptions = {
  /** NEXTAUTH_SECRET of the server. */
  serverSecret: string;
  purpose: SealPurpose;
  /**
   * What the value belongs to (e.g. `user:42`), authenticated but not encrypted: a value sealed for one
   * person does not open for another, even if someone with write access copies it to another row.
   */
  context: string;
};

/** `plaintext` sealed as `v1.<iv>.<ciphertext>.<tag>` (base64url parts); a fresh random IV every time. */
export function seal(plaintext: string, { serverSecret, purpose, context }: SealOptions): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(serverSecret, purpose), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/**
 * The plaintext of a sealed value, or null when it was not sealed by this server for this purpose and
 * context, or has been altered in any way.
 */
export function unseal(sealed: string, { serverSecret, purpose, context }: SealOptions): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (!iv || !ciphertext || !tag || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(serverSecret, purpose), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * A keyed digest (HMAC-SHA-256, hex) of a value that must be found again but never read back, such as a
 * recovery code: the same input gives the same digest, and without the server's secret it cannot be
 * computed, so a copy of the database alone does not allow guessing codes offline.
 */
export function keyedDigest(value: string, serverSecret: string, purpose: SealPurpose): string {
  return createHmac("sha256", keyOf(serverSecret, purpose)).update(value, "utf8").digest("hex");
}
