import { describe, expect, it } from "vitest";
import { addressedHost, isCrossSiteRequest, type RequestOriginHeaders } from "./request-origin";

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
  // A server action as the app's own JavaScript sends it.
  const action: RequestOriginHeaders = {
    method: "POST",
    origin: "http://localhost:3201",
    host,
    secFetchSite: "same-origin",
    contentType: "text/plain;charset=UTF-8",
    hasNextAction: true,
  };
  // The public /status form: a plain form post from a page with Referrer-Policy no-referrer.
  const statusForm: RequestOriginHeaders = {
    method: "POST",
    origin: "null",
    host,
    secFetchSite: "same-origin",
    contentType: "application/x-www-form-urlencoded",
    hasNextAction: false,
  };

  it("lets a request from the host addressed through, with or without a default port", () => {
    expect(isCrossSiteRequest(action)).toBe(false);
    expect(isCrossSiteRequest({ ...action, origin: "https://nurlykosh.kz", host: "nurlykosh.kz" })).toBe(false);
    expect(isCrossSiteRequest({ ...action, origin: "https://nurlykosh.kz:443", host: "nurlykosh.kz" })).toBe(false);
  });

  it("refuses an Origin of another host or port, or one that is not a URL, whatever else the request says", () => {
    for (const origin of [
      "https://evil.example",
      "http://localhost:3202",
      "http://localhost",
      "http://localhost:3201.evil.example",
      "not a url",
      "",
    ]) {
      expect(isCrossSiteRequest({ ...action, origin }), origin).toBe(true);
      expect(isCrossSiteRequest({ ...statusForm, origin, hasNextAction: false }), origin).toBe(true);
    }
    expect(isCrossSiteRequest({ ...action, host: null })).toBe(true);
  });

  it("refuses any state-changing method and never judges reads", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(isCrossSiteRequest({ ...action, method, origin: "https://evil.example" }), method).toBe(true);
    }
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(isCrossSiteRequest({ ...action, method, origin: "https://evil.example" }), method).toBe(false);
    }
  });

  it("lets a request without Origin through, as Next does", () => {
    expect(isCrossSiteRequest({ ...action, origin: null, secFetchSite: null })).toBe(false);
  });

  it("refuses a `null` Origin on anything that could be a server action", () => {
    expect(isCrossSiteRequest({ ...action, origin: "null" })).toBe(true);
    expect(isCrossSiteRequest({ ...action, origin: "null", secFetchSite: null })).toBe(true);
    const multipart = { ...statusForm, contentType: "multipart/form-data; boundary=x" };
    expect(isCrossSiteRequest(multipart)).toBe(true);
    expect(isCrossSiteRequest({ ...multipart, secFetchSite: null })).toBe(true);
  });

  it("lets the no-referrer /status form through with its `null` Origin unless the browser says it came from elsewhere", () => {
    expect(isCrossSiteRequest(statusForm)).toBe(false);
    expect(isCrossSiteRequest({ ...statusForm, secFetchSite: null })).toBe(false);
    for (const secFetchSite of ["cross-site", "same-site", "none"]) {
      expect(isCrossSiteRequest({ ...statusForm, secFetchSite }), secFetchSite).toBe(true);
    }
  });
});
