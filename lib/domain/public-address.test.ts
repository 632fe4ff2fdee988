import { describe, expect, it } from "vitest";
import { caseLookupUrl, forwardedScheme, isPlainHost, parsePublicBaseUrl, publicLookupUrl } from "./public-address";

describe("publicLookupUrl from a configured base", () => {
  it("appends /status to the base, with or without a trailing slash", () => {
    expect(publicLookupUrl({ baseUrl: "https://nurlykosh.enbek.kz" })).toBe("https://nurlykosh.enbek.kz/status");
    expect(publicLookupUrl({ baseUrl: "https://nurlykosh.enbek.kz/" })).toBe("https://nurlykosh.enbek.kz/status");
  });

  it("keeps a path prefix and a port", () => {
    expect(publicLookupUrl({ baseUrl: "https://gov.example.kz/nurly-kosh/" })).toBe(
      "https://gov.example.kz/nurly-kosh/status",
    );
    expect(publicLookupUrl({ baseUrl: "http://10.0.0.5:8080" })).toBe("http://10.0.0.5:8080/status");
  });

  it("prefers the base over the request's headers", () => {
    expect(publicLookupUrl({ baseUrl: "https://nk.example.kz", host: "internal:3000", forwardedProto: "http" })).toBe(
      "https://nk.example.kz/status",
    );
  });

  it("refuses a base that is no plain web address", () => {
    expect(publicLookupUrl({ baseUrl: "ftp://nk.example.kz" })).toBeNull();
    expect(publicLookupUrl({ baseUrl: "https://user:secret@nk.example.kz" })).toBeNull();
    expect(publicLookupUrl({ baseUrl: "https://nk.example.kz/?case=NK-2026-000001" })).toBeNull();
    expect(publicLookupUrl({ baseUrl: "nk.example.kz" })).toBeNull();
  });
});

describe("publicLookupUrl from the request", () => {
  it("builds the address from Host and X-Forwarded-Proto (the embedded demo)", () => {
    expect(publicLookupUrl({ host: "localhost:3100", forwardedProto: "http" })).toBe("http://localhost:3100/status");
    expect(publicLookupUrl({ host: "NK.Example.KZ", forwardedProto: "https" })).toBe("https://nk.example.kz/status");
    expect(publicLookupUrl({ host: "192.168.1.20:3000", forwardedProto: null })).toBe(
      "http://192.168.1.20:3000/status",
    );
    expect(publicLookupUrl({ host: "[::1]:3000", forwardedProto: "http" })).toBe("http://[::1]:3000/status");
  });

  it("drops the default port of the scheme", () => {
    expect(publicLookupUrl({ host: "nk.example.kz:443", forwardedProto: "https" })).toBe(
      "https://nk.example.kz/status",
    );
  });

  it("gives no address for a missing or odd host", () => {
    for (const host of [
      null,
      "",
      "evil.example/phish?x=",
      "user@nk.example.kz",
      "nk.example.kz evil.example",
      "nk.example.kz,evil.example",
      "nk_example.kz",
      "-nk.example.kz",
      "nk..example.kz",
      "nk.example.kz:0",
      "nk.example.kz:70000",
      "nk.example.kz:",
      "нк.пример.kz",
      "999.1.1.1",
      "[::::]",
      `${"a".repeat(63)}.`.repeat(5),
      "<script>",
    ]) {
      expect(publicLookupUrl({ host, forwardedProto: "https" }), String(host)).toBeNull();
    }
  });
});

describe("the parts", () => {
  it("takes the client-facing scheme from X-Forwarded-Proto, http for anything else", () => {
    expect(forwardedScheme("https")).toBe("https");
    expect(forwardedScheme("HTTPS, http")).toBe("https");
    expect(forwardedScheme("http, https")).toBe("http");
    expect(forwardedScheme("javascript")).toBe("http");
    expect(forwardedScheme(undefined)).toBe("http");
  });

  it("accepts plain host names and addresses only", () => {
    expect(isPlainHost("localhost")).toBe(true);
    expect(isPlainHost("xn--80aff3a.kz:8443")).toBe(true);
    expect(isPlainHost("127.0.0.1:65535")).toBe(true);
    expect(isPlainHost("[2001:db8::1]")).toBe(true);
    expect(isPlainHost("localhost:65536")).toBe(false);
    expect(isPlainHost("host/path")).toBe(false);
  });

  it("parses a base URL or refuses it", () => {
    expect(parsePublicBaseUrl(" https://nk.example.kz/app ")?.href).toBe("https://nk.example.kz/app");
    expect(parsePublicBaseUrl("https://nk.example.kz/#top")).toBeNull();
    expect(parsePublicBaseUrl("not a url")).toBeNull();
  });
});

describe("caseLookupUrl", () => {
  it("fills in the case number and nothing else, below a path prefix too", () => {
    expect(caseLookupUrl("https://nk.example.kz/status", "NK-2026-000123")).toBe(
      "https://nk.example.kz/status?case=NK-2026-000123",
    );
    expect(caseLookupUrl("https://gov.example.kz/nurly-kosh/status", "NK-2026-000123")).toBe(
      "https://gov.example.kz/nurly-kosh/status?case=NK-2026-000123",
    );
  });

  it("encodes whatever the case number holds", () => {
    expect(caseLookupUrl("http://localhost:3100/status", "NK 1&lang=x")).toBe(
      "http://localhost:3100/status?case=NK+1%26lang%3Dx",
    );
  });
});
