import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "./client-address";

describe("clientAddress with no trusted proxy", () => {
  it("is the connection's address, whatever X-Forwarded-For says", () => {
    for (const forwardedFor of [undefined, "1.2.3.4", "evil, 1.2.3.4", ["1.2.3.4", "5.6.7.8"], "not an address"]) {
      expect(clientAddress({ socketAddress: "203.0.113.7", forwardedFor, trustedHops: 0 })).toBe("203.0.113.7");
    }
  });

  it("writes an IPv4 client reaching an IPv6 socket as IPv4, and keeps IPv6 as it is", () => {
    expect(clientAddress({ socketAddress: "::ffff:203.0.113.7", forwardedFor: null, trustedHops: 0 })).toBe(
      "203.0.113.7",
    );
    expect(clientAddress({ socketAddress: "2001:DB8::1", forwardedFor: null, trustedHops: 0 })).toBe("2001:db8::1");
  });
});

describe("clientAddress behind trusted proxies", () => {
  it("takes the entry the outermost trusted proxy wrote, ignoring what the client put before it", () => {
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.7", trustedHops: 1 })).toBe(
      "203.0.113.7",
    );
    expect(
      clientAddress({ socketAddress: "10.0.0.3", forwardedFor: "1.2.3.4, 203.0.113.7, 10.0.0.2", trustedHops: 2 }),
    ).toBe("203.0.113.7");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["1.2.3.4", "203.0.113.7"], trustedHops: 1 })).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the left-most entry, or the connection, when the header is short or missing", () => {
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.7", trustedHops: 3 })).toBe(
      "203.0.113.7",
    );
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: " , ", trustedHops: 1 })).toBe("10.0.0.2");
  });
});

describe("normaliseAddress", () => {
  it("refuses anything that is not written like an address", () => {
    expect(normaliseAddress("<script>")).toBe("unknown");
    expect(normaliseAddress("1.2.3.4\u0000")).toBe("unknown");
    expect(normaliseAddress("a".repeat(100))).toBe("unknown");
    expect(normaliseAddress(undefined)).toBe("unknown");
    expect(normaliseAddress("[2001:db8::1]")).toBe("2001:db8::1");
  });
});
