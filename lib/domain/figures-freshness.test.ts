import { describe, expect, it } from "vitest";
import { figuresFreshness, REPLICA_LAG_WARNING_MS, type ReplicaState } from "./figures-freshness";

const now = new Date("2026-03-02T10:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const replica = (state: Partial<ReplicaState>): ReplicaState => ({
  isInRecovery: true,
  isCaughtUp: true,
  lastMessageAt: secondsAgo(5),
  lastReplayedAt: secondsAgo(600),
  now,
  ...state,
});

describe("figuresFreshness", () => {
  it("calls figures read from the primary current", () => {
    expect(figuresFreshness(null)).toEqual({ kind: "current" });
  });

  it("calls a server that is not in recovery current (a promoted replica is a primary)", () => {
    expect(figuresFreshness(replica({ isInRecovery: false, lastMessageAt: null, lastReplayedAt: null }))).toEqual({
      kind: "current",
    });
  });

  it("dates a caught-up replica by the last message from the primary, not by its last replayed commit", () => {
    // Nothing committed for ten minutes, but the primary was heard from five seconds ago: nothing is missing.
    expect(figuresFreshness(replica({}))).toEqual({ kind: "asOf", asOf: secondsAgo(5), isLagging: false });
  });

  it("dates a replica with WAL still to replay by its last replayed commit", () => {
    expect(figuresFreshness(replica({ isCaughtUp: false, lastReplayedAt: secondsAgo(20) }))).toEqual({
      kind: "asOf",
      asOf: secondsAgo(20),
      isLagging: false,
    });
  });

  it("warns when the replica is more than a minute behind", () => {
    const limit = REPLICA_LAG_WARNING_MS / 1000;
    expect(figuresFreshness(replica({ isCaughtUp: false, lastReplayedAt: secondsAgo(limit) }))).toMatchObject({
      isLagging: false,
    });
    expect(figuresFreshness(replica({ isCaughtUp: false, lastReplayedAt: secondsAgo(limit + 1) }))).toEqual({
      kind: "asOf",
      asOf: secondsAgo(limit + 1),
      isLagging: true,
    });
  });

  it("falls back to the last replayed commit when a caught-up replica has lost its connection", () => {
    expect(figuresFreshness(replica({ lastMessageAt: null, lastReplayedAt: secondsAgo(90) }))).toEqual({
      kind: "asOf",
      asOf: secondsAgo(90),
      isLagging: true,
    });
  });

  it("takes the later of the two times when both are known", () => {
    expect(figuresFreshness(replica({ lastMessageAt: secondsAgo(40), lastReplayedAt: secondsAgo(10) }))).toMatchObject({
      asOf: secondsAgo(10),
    });
  });

  it("cannot date a replica that has neither replayed nor heard anything", () => {
    expect(figuresFreshness(replica({ isCaughtUp: false, lastReplayedAt: null }))).toEqual({ kind: "unknown" });
    expect(figuresFreshness(replica({ lastMessageAt: null, lastReplayedAt: null }))).toEqual({ kind: "unknown" });
  });
});
