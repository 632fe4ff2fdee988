import { describe, expect, it } from "vitest";
import { htmlResponse, pageLocale, rememberLocale, requestedLocale } from "./response";

describe("htmlResponse", () => {
  it("is never cached, never indexed, sends no referrer and names its language", async () => {
    const response = htmlResponse("<p>x</p>", "ru", 429, { "Retry-After": "120" });
    expect(response.status).toBe(429);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
      "content-language": "ru",
      "retry-after": "120",
    });
    expect(await response.text()).toBe("<p>x</p>");
  });

  it("remembers a chosen language for a year, for the whole site, same-site only", () => {
    const cookie = rememberLocale(htmlResponse("", "en"), "en").headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^NK_LOCALE=en;/);
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain(`Max-Age=${365 * 24 * 60 * 60}`);
    expect(cookie.toLowerCase()).toContain("samesite=lax");
  });
});

describe("the page language", () => {
  it("takes an explicit valid choice first, then the remembered one, then Kazakh", () => {
    expect(pageLocale("ru", "en")).toBe("ru");
    expect(pageLocale("xx", "en")).toBe("en");
    expect(pageLocale(null, undefined)).toBe("kk");
    expect(pageLocale("<script>", "<script>")).toBe("kk");
    expect(requestedLocale("EN")).toBeNull();
    expect(requestedLocale("en")).toBe("en");
  });
});
