import { describe, expect, it } from "vitest";
import { REVIEW_TIME_LIMIT_MESSAGE, reviewTimeLimitSchema } from "./review-time-limit";

describe("reviewTimeLimitSchema", () => {
  it("accepts whole days from 1 to 365, typed or as numbers", () => {
    expect(reviewTimeLimitSchema.parse({ days: "15" })).toEqual({ days: 15 });
    expect(reviewTimeLimitSchema.parse({ days: " 30 " })).toEqual({ days: 30 });
    expect(reviewTimeLimitSchema.parse({ days: 1 })).toEqual({ days: 1 });
    expect(reviewTimeLimitSchema.parse({ days: "365" })).toEqual({ days: 365 });
  });

  it("refuses zero, negative, fractional, too large and non-numeric limits with one message", () => {
    for (const days of ["0", "-3", "2.5", "2,5", "366", "1000", "", "ten", "1e2", 0, 12.5, 400]) {
      const result = reviewTimeLimitSchema.safeParse({ days });
      expect(result.success, String(days)).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        ["days", REVIEW_TIME_LIMIT_MESSAGE],
      ]);
    }
  });

  it("refuses unknown fields", () => {
    expect(reviewTimeLimitSchema.safeParse({ days: "10", key: "status.validityMonths" }).success).toBe(false);
  });
});
