import { describe, expect, it } from "vitest";
import {
  currentRequestId,
  noteActingUser,
  runInRequestScope,
  type RequestScope,
} from "@/lib/observability/request-scope";

describe("request scope", () => {
  it("lets code running for the request name the acting user, also after awaiting", async () => {
    const scope: RequestScope = { requestId: "0f8e1c3a-1b2c-4d5e-8f90-123456789abc", userId: null };
    await runInRequestScope(scope, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      expect(currentRequestId()).toBe(scope.requestId);
      noteActingUser(42);
    });
    expect(scope.userId).toBe(42);
  });

  it("keeps two requests apart and ignores a user named outside any request", async () => {
    const first: RequestScope = { requestId: "a", userId: null };
    const second: RequestScope = { requestId: "b", userId: null };
    await Promise.all([
      runInRequestScope(first, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        noteActingUser(1);
      }),
      runInRequestScope(second, async () => noteActingUser(2)),
    ]);
    noteActingUser(3);
    expect([first.userId, second.userId]).toEqual([1, 2]);
    expect(currentRequestId()).toBeNull();
  });
});
