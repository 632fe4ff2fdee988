import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIME, isLastSeenStale, sessionEnd } from "./session-lifetime";

const start = new Date("2026-12-07T09:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe("sessionEnd", () => {
  it("keeps a session alive while requests come within the idle timeout, up to the absolute lifetime", () => {
    const session = { startedAt: start, lastSeenAt: minutes(7 * 60 + 50), endedAt: null };
    expect(sessionEnd(session, DEFAULT_SESSION_LIFETIME, minutes(7 * 60 + 59))).toBeNull();
    expect(sessionEnd(session, DEFAULT_SESSION_LIFETIME, minutes(8 * 60))).toBe("expired");
  });

  it("ends a session after the idle timeout without a request, not a minute before", () => {
    const session = { startedAt: start, lastSeenAt: minutes(10), endedAt: null };
    expect(sessionEnd(session, DEFAULT_SESSION_LIFETIME, minutes(39))).toBeNull();
    expect(sessionEnd(session, DEFAULT_SESSION_LIFETIME, minutes(40))).toBe("idle");
    expect(sessionEnd(session, { idleMinutes: 60, absoluteHours: 8 }, minutes(40))).toBeNull();
  });

  it("says a signed-out session is signed out, whatever its times", () => {
    expect(
      sessionEnd({ startedAt: start, lastSeenAt: start, endedAt: minutes(1) }, DEFAULT_SESSION_LIFETIME, minutes(2)),
    ).toBe("signedOut");
  });
});

describe("isLastSeenStale", () => {
  it("writes the last request at most once a minute", () => {
    expect(isLastSeenStale(start, new Date(start.getTime() + 59_999))).toBe(false);
    expect(isLastSeenStale(start, minutes(1))).toBe(true);
  });
});
