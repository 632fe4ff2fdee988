import { describe, expect, it } from "vitest";
import { isSameSecret } from "@/lib/observability/same-secret";

describe("isSameSecret", () => {
  it("accepts the same secret and refuses a different, shorter or longer one", () => {
    expect(isSameSecret("metrics-token-123456", "metrics-token-123456")).toBe(true);
    expect(isSameSecret("metrics-token-123457", "metrics-token-123456")).toBe(false);
    expect(isSameSecret("metrics-token-12345", "metrics-token-123456")).toBe(false);
    expect(isSameSecret("metrics-token-1234567", "metrics-token-123456")).toBe(false);
  });
});
