import { describe, expect, it } from "vitest";
import { hasBearerToken, isLoopback, mayReadMetrics } from "@/lib/domain/metrics-access";
import { clientAddress } from "@/lib/domain/client-address";

const TOKEN = "s3cret-metrics-token-of-some-length";
const isSameSecret = (presented: string, secret: string) => presented === secret;

describe("isLoopback", () => {
  it("accepts the IPv4 loopback network and ::1", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("127.8.9.10")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
  });

  it("refuses every other address and the unknown one", () => {
    for (const address of ["10.0.0.1", "203.0.113.9", "::", "0.0.0.0", "1127.0.0.1", "fe80::1", "unknown"]) {
      expect(isLoopback(address), address).toBe(false);
    }
  });
});

describe("hasBearerToken", () => {
  it("accepts the token as a bearer token", () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN, isSameSecret)).toBe(true);
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN, isSameSecret)).toBe(true);
  });

  it("refuses another token, a prefix of it, another scheme and a missing header", () => {
    expect(hasBearerToken("Bearer wrong", TOKEN, isSameSecret)).toBe(false);
    expect(hasBearerToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN, isSameSecret)).toBe(false);
    expect(hasBearerToken(`Bearer ${TOKEN}x`, TOKEN, isSameSecret)).toBe(false);
    expect(hasBearerToken(`Basic ${TOKEN}`, TOKEN, isSameSecret)).toBe(false);
    expect(hasBearerToken(TOKEN, TOKEN, isSameSecret)).toBe(false);
    expect(hasBearerToken(null, TOKEN, isSameSecret)).toBe(false);
  });

  it("accepts nothing when no token is set, not even an empty one", () => {
    expect(hasBearerToken("Bearer ", undefined, isSameSecret)).toBe(false);
    expect(hasBearerToken("Bearer x", "", isSameSecret)).toBe(false);
  });
});

describe("mayReadMetrics", () => {
  it("lets a scraper on this machine in without a token", () => {
    expect(mayReadMetrics({ clientAddress: "127.0.0.1", authorization: null, token: undefined, isSameSecret })).toBe(
      true,
    );
  });

  it("refuses a forged X-Forwarded-For: the address is the one resolved from the trusted hops", () => {
    // Behind one trusted proxy, a client who writes 127.0.0.1 first still arrives as its own address.
    const address = clientAddress({
      socketAddress: "10.0.0.2",
      forwardedFor: "127.0.0.1, 203.0.113.9",
      trustedHops: 1,
    });
    expect(mayReadMetrics({ clientAddress: address, authorization: null, token: TOKEN, isSameSecret })).toBe(false);
    expect(
      mayReadMetrics({ clientAddress: address, authorization: `Bearer ${TOKEN}`, token: TOKEN, isSameSecret }),
    ).toBe(true);
  });
});
