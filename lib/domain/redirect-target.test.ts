import { describe, expect, it } from "vitest";
import { afterSignInPath, safeRedirectPath, signInAgainPath, signInReason } from "./redirect-target";

describe("safeRedirectPath", () => {
  it("keeps a path of the site with its query and fragment", () => {
    expect(safeRedirectPath("/families?q=Ахмет&status=APPROVED")).toBe(
      "/families?q=%D0%90%D1%85%D0%BC%D0%B5%D1%82&status=APPROVED",
    );
    expect(safeRedirectPath("/families/12#history")).toBe("/families/12#history");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it.each([
    ["a scheme-relative URL", "//evil.example/"],
    ["a backslash after the slash", "/\\evil.example/"],
    ["a slash and a backslash", "/\\/evil.example/"],
    ["a tab after the first slash", "/\t/evil.example/"],
    ["a line break after the first slash", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "evil.example"],
    ["an empty string", ""],
    ["a URL with credentials", "//user:pass@evil.example"],
  ])("refuses %s", (_, target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("keeps encoded slashes and backslashes as parts of a path here, never as another host", () => {
    expect(safeRedirectPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirectPath("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(safeRedirectPath("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it("resolves dot segments without leaving the site", () => {
    expect(safeRedirectPath("/families/../../evil.example")).toBe("/evil.example");
  });

  it("refuses what is not a string, or too long, with the fallback given", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/families"], "/x")).toBe("/x");
    expect(safeRedirectPath(`/${"a".repeat(5000)}`)).toBe("/");
  });
});

describe("afterSignInPath", () => {
  it("never sends a signed-in person back to the login page", () => {
    for (const target of ["/login", "/login?callbackUrl=/families", "/login/", "/login#x", "//evil.example"]) {
      expect(afterSignInPath(target), target).toBe("/");
    }
    expect(afterSignInPath("/families?status=APPROVED")).toBe("/families?status=APPROVED");
    expect(afterSignInPath("/logins-report")).toBe("/logins-report");
  });
});

describe("signInAgainPath", () => {
  it("sends the person to sign in with the reason and the way back to the page", () => {
    expect(signInAgainPath("idle", "/families/12?tab=documents")).toBe(
      "/login?reason=idle&callbackUrl=%2Ffamilies%2F12%3Ftab%3Ddocuments",
    );
    expect(signInAgainPath("expired", "/")).toBe("/login?reason=expired");
  });

  it("never carries a way back that leaves the site or loops to the login page", () => {
    expect(signInAgainPath("signedOut", "//evil.example/")).toBe("/login?reason=signedOut");
    expect(signInAgainPath("signedOut", "/login?callbackUrl=/x")).toBe("/login?reason=signedOut");
    expect(signInAgainPath("idle", undefined)).toBe("/login?reason=idle");
  });
});

describe("signInReason", () => {
  it("knows the reasons the login page explains and nothing else", () => {
    expect(signInReason("idle")).toBe("idle");
    expect(signInReason("sessionEnded")).toBe("sessionEnded");
    expect(signInReason("<script>")).toBeNull();
    expect(signInReason(["idle"])).toBeNull();
  });
});
