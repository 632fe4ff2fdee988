// The replication-state query of lib/db/reports/freshness.ts runs on the server versions the app
// supports; on a primary it says "not in recovery", so figures read there are current. The replica's
// side (paused replay, an older time, then the new figure) is proven by npm run test:cluster.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { replicaState, reportFreshness } from "@/lib/db/reports/freshness";

describe("report freshness", () => {
  it("reads a primary's replication state in one query: not in recovery, nothing replayed", async () => {
    const state = await replicaState(db());
    expect(state.isInRecovery).toBe(false);
    expect(state.isCaughtUp).toBe(false);
    expect(state.lastReplayedAt).toBeNull();
    expect(state.lastMessageAt).toBeNull();
    expect(state.now).toBeInstanceOf(Date);
  });

  it("calls the figures current when no replica is configured", async () => {
    expect(process.env.DATABASE_REPLICA_URL ?? "").toBe("");
    await expect(reportFreshness()).resolves.toEqual({ kind: "current" });
  });
});
