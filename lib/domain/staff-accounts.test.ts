import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LINK_HOURS,
  accountLinkExpiry,
  accountLinkPath,
  accountLinkState,
  isAccountTokenShaped,
  staffState,
} from "./staff-accounts";

const issued = new Date("2026-03-02T09:00:00Z");
const link = (overrides: Partial<{ expiresAt: Date; usedAt: Date | null; isActive: boolean }> = {}) => ({
  expiresAt: overrides.expiresAt ?? accountLinkExpiry(issued),
  usedAt: overrides.usedAt ?? null,
  user: { isActive: overrides.isActive ?? true },
});

describe("account links", () => {
  it("expire 72 hours after they are issued", () => {
    expect(ACCOUNT_LINK_HOURS).toBe(72);
    expect(accountLinkExpiry(issued)).toEqual(new Date("2026-03-05T09:00:00Z"));
  });

  it("are valid until the moment they expire, and not at it", () => {
    expect(accountLinkState(link(), new Date("2026-03-05T08:59:59Z"))).toBe("valid");
    expect(accountLinkState(link(), new Date("2026-03-05T09:00:00Z"))).toBe("expired");
  });

  it("say why they no longer work: unknown, used (before expiry counts), deactivated account", () => {
    const now = new Date("2026-03-03T09:00:00Z");
    expect(accountLinkState(null, now)).toBe("unknown");
    expect(accountLinkState(link({ usedAt: new Date("2026-03-02T10:00:00Z") }), now)).toBe("used");
    expect(accountLinkState(link({ usedAt: issued }), new Date("2026-03-09T00:00:00Z"))).toBe("used");
    expect(accountLinkState(link({ isActive: false }), now)).toBe("inactive");
  });

  it("have 43-character base64url tokens; anything else is refused before a lookup", () => {
    expect(isAccountTokenShaped("q0dTUx2xk4V_Wk-9f8ZfYcvJ1n3yH4lP2m5nB7cD8eF")).toBe(true);
    expect(isAccountTokenShaped("q0dTUx2xk4V_Wk-9f8ZfYcvJ1n3yH4lP2m5nB7cD8e")).toBe(false);
    expect(isAccountTokenShaped("q0dTUx2xk4V+Wk/9f8ZfYcvJ1n3yH4lP2m5nB7cD8eF")).toBe(false);
    expect(isAccountTokenShaped("../../../../etc/passwd")).toBe(false);
    expect(accountLinkPath("abc")).toBe("/activate/abc");
  });
});

describe("staffState", () => {
  it("is deactivated first, then pending without a password, else active", () => {
    expect(staffState({ isActive: false, hasPassword: true })).toBe("deactivated");
    expect(staffState({ isActive: false, hasPassword: false })).toBe("deactivated");
    expect(staffState({ isActive: true, hasPassword: false })).toBe("pending");
    expect(staffState({ isActive: true, hasPassword: true })).toBe("active");
  });
});
