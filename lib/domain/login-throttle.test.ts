import { describe, expect, it } from "vitest";
import { accountThrottleKey, minutesUntil, normaliseEmail } from "./login-throttle";

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
