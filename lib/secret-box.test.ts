import { describe, expect, it } from "vitest";
import { keyedDigest, seal, unseal, type SealOptions } from "./secret-box";

const SERVER_SECRET = "a-server-secret-of-at-least-thirty-two-characters";
const options: SealOptions = { serverSecret: SERVER_SECRET, purpose: "totp-secret", context: "user:42" };
const TOTP_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** The sealed value with one character of part `index` changed. */
function alteredPart(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const part = parts[index]!;
  const replacement = part[0] === "A" ? "B" : "A";
  parts[index] = replacement + part.slice(1);
  return parts.join(".");
}

describe("sealing a secret", () => {
  it("opens again to the same text, in the versioned format", () => {
    const sealed = seal(TOTP_KEY, options);
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain(TOTP_KEY);
    expect(unseal(sealed, options)).toBe(TOTP_KEY);
  });

  it("uses a new random IV each time, so equal secrets do not look equal", () => {
    expect(seal(TOTP_KEY, options)).not.toBe(seal(TOTP_KEY, options));
  });

  it("detects any change to the IV, the ciphertext or the tag", () => {
    const sealed = seal(TOTP_KEY, options);
    for (const index of [1, 2, 3]) expect(unseal(alteredPart(sealed, index), options)).toBeNull();
    expect(unseal(sealed.slice(0, -2), options)).toBeNull();
  });

  it("opens only for the same person, purpose and server secret", () => {
    const sealed = seal(TOTP_KEY, options);
    expect(unseal(sealed, { ...options, context: "user:43" })).toBeNull();
    expect(unseal(sealed, { ...options, purpose: "sign-in-challenge" })).toBeNull();
    expect(unseal(sealed, { ...options, serverSecret: `${SERVER_SECRET}!` })).toBeNull();
  });

  it("refuses other formats and versions instead of throwing", () => {
    const sealed = seal(TOTP_KEY, options);
    expect(unseal(sealed.replace(/^v1\./, "v2."), options)).toBeNull();
    expect(unseal("", options)).toBeNull();
    expect(unseal("v1...", options)).toBeNull();
    expect(unseal(TOTP_KEY, options)).toBeNull();
  });
});

describe("a keyed digest", () => {
  it("is the same for the same value and differs with the value, the key or the purpose", () => {
    const digest = keyedDigest("abcdefgh23", SERVER_SECRET, "recovery-code");
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedDigest("abcdefgh23", SERVER_SECRET, "recovery-code")).toBe(digest);
    expect(keyedDigest("abcdefgh24", SERVER_SECRET, "recovery-code")).not.toBe(digest);
    expect(keyedDigest("abcdefgh23", `${SERVER_SECRET}!`, "recovery-code")).not.toBe(digest);
    expect(keyedDigest("abcdefgh23", SERVER_SECRET, "totp-secret")).not.toBe(digest);
  });
});
