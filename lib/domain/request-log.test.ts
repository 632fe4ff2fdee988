import { describe, expect, it } from "vitest";
import { createRouteMatcher } from "@/lib/domain/route-pattern";
import { isRequestId, methodLabel, requestLogLine, statusClass } from "@/lib/domain/request-log";

const routeOf = createRouteMatcher(["/families", "/families/[id]", "/status"]);

describe("requestLogLine", () => {
  it("names the route pattern and none of the path's ids or the query's name and IIN", () => {
    const line = requestLogLine({
      requestId: "0f8e1c3a-1b2c-4d5e-8f90-123456789abc",
      method: "get",
      url: "/families?q=%D0%95%D1%80%D0%BB%D0%B0%D0%BD%20%D0%A1%D0%B0%D1%82%D0%BF%D0%B0%D0%B5%D0%B2&iin=880101300123",
      status: 200,
      durationMs: 12.345,
      userId: 17,
      routeOf,
    });
    expect(line).toEqual({
      requestId: "0f8e1c3a-1b2c-4d5e-8f90-123456789abc",
      method: "GET",
      route: "/families",
      status: 200,
      durationMs: 12.3,
      userId: 17,
    });
    const text = JSON.stringify(line);
    expect(text).not.toContain("880101300123");
    expect(text).not.toContain("%D0%95");
    expect(text).not.toContain("Ерлан");
  });

  it("leaves the user out for an anonymous request and keeps a record id out of the route", () => {
    const line = requestLogLine({
      requestId: "r",
      method: "POST",
      url: "/families/4711",
      status: 303,
      durationMs: 5,
      userId: null,
      routeOf,
    });
    expect(line).not.toHaveProperty("userId");
    expect(line.route).toBe("/families/[id]");
    expect(JSON.stringify(line)).not.toContain("4711");
  });
});

describe("labels", () => {
  it("keeps invented methods to one label", () => {
    expect(methodLabel("PATCH")).toBe("PATCH");
    expect(methodLabel("BREW")).toBe("OTHER");
    expect(methodLabel(undefined)).toBe("OTHER");
  });

  it("groups statuses by class", () => {
    expect(statusClass(200)).toBe("2xx");
    expect(statusClass(304)).toBe("3xx");
    expect(statusClass(429)).toBe("4xx");
    expect(statusClass(503)).toBe("5xx");
    expect(statusClass(0)).toBe("other");
  });
});

describe("isRequestId", () => {
  it("accepts the UUIDs serve.ts makes and nothing a client could smuggle into a log", () => {
    expect(isRequestId("0f8e1c3a-1b2c-4d5e-8f90-123456789abc")).toBe(true);
    expect(isRequestId("0F8E1C3A-1B2C-4D5E-8F90-123456789ABC")).toBe(false);
    expect(isRequestId("0f8e1c3a-1b2c-4d5e-8f90-123456789abc\nforged line")).toBe(false);
    expect(isRequestId("880101300123")).toBe(false);
    expect(isRequestId(null)).toBe(false);
  });
});
