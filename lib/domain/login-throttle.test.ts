import { describe, expect, it } from "vitest";
import { accountThrottleKey, clientIpFromForwardedFor, minutesUntil, normaliseEmail } from "./login-throttle";

describe("login throttle keys", () => {
  it("shares one account counter across spellings of the same e-mail", () => {
    expect(accountThrottleKey(" Admin@NurlyKosh.kz ")).toBe(accountThrottleKey("admin@nurlykosh.kz"));
    expect(normaliseEmail(" A@B.KZ")).toBe("a@b.kz");
  });
});

describe("minutesUntil", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  it("rounds up to whole minutes", () => {
    expect(minutesUntil(new Date("2026-01-01T10:14:01Z"), now)).toBe(15);
  });
  it("never says zero minutes", () => {
    expect(minutesUntil(new Date("2026-01-01T10:00:00Z"), now)).toBe(1);
  });
});

describe("clientIpFromForwardedFor", () => {
  it("takes the right-most entry when no proxy is trusted", () => {
    expect(clientIpFromForwardedFor("10.0.0.1, 203.0.113.7", 0)).toBe("203.0.113.7");
  });
  it("takes the entry written by the outermost trusted proxy, ignoring what the client sent", () => {
    expect(clientIpFromForwardedFor("1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor("1.2.3.4, 203.0.113.7, 10.0.0.5", 2)).toBe("203.0.113.7");
  });
  it("falls back to the left-most entry when there are fewer entries than hops", () => {
    expect(clientIpFromForwardedFor("203.0.113.7", 3)).toBe("203.0.113.7");
  });
  it("reports an unknown address when the header is missing", () => {
    expect(clientIpFromForwardedFor(undefined, 0)).toBe("unknown");
    expect(clientIpFromForwardedFor(" , ", 0)).toBe("unknown");
  });
});
