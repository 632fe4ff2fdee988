import { describe, expect, it } from "vitest";
import { addressedHost, isCrossSiteRequest } from "./request-origin";

describe("addressedHost", () => {
  it("prefers the first X-Forwarded-Host entry, else Host", () => {
    expect(addressedHost("nurlykosh.kz, internal:3000", "localhost:3000")).toBe("nurlykosh.kz");
    expect(addressedHost(" nurlykosh.kz ", "localhost:3000")).toBe("nurlykosh.kz");
    expect(addressedHost(null, "localhost:3000")).toBe("localhost:3000");
    expect(addressedHost("", "localhost:3000")).toBe("localhost:3000");
    expect(addressedHost(null, null)).toBeNull();
  });
});

describe("isCrossSiteRequest", () => {
  const host = "localhost:3201";

  it("lets a POST from the same host through, with or without a default port", () => {
    expect(isCrossSiteRequest("POST", "http://localhost:3201", host)).toBe(false);
    expect(isCrossSiteRequest("POST", "https://nurlykosh.kz", "nurlykosh.kz")).toBe(false);
    expect(isCrossSiteRequest("POST", "https://nurlykosh.kz:443", "nurlykosh.kz")).toBe(false);
  });

  it("refuses a POST from another host, another port, a `null` or a malformed Origin", () => {
    for (const origin of [
      "https://evil.example",
      "http://localhost:3202",
      "http://localhost",
      "http://localhost:3201.evil.example",
      "null",
      "not a url",
      "",
    ]) {
      expect(isCrossSiteRequest("POST", origin, host), origin).toBe(true);
    }
  });

  it("refuses any state-changing method, and a request whose addressed host is unknown", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(isCrossSiteRequest(method, "https://evil.example", host), method).toBe(true);
    }
    expect(isCrossSiteRequest("POST", "http://localhost:3201", null)).toBe(true);
  });

  it("lets a request without Origin through, as Next does", () => {
    expect(isCrossSiteRequest("POST", null, host)).toBe(false);
  });

  it("never judges reads: GET, HEAD and preflights pass whatever their Origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(isCrossSiteRequest(method, "https://evil.example", host), method).toBe(false);
    }
  });
});
