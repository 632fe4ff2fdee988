import { describe, expect, it } from "vitest";
import { LOGIN_ERROR, loginFailureReason } from "@/lib/auth/login-errors";

describe("loginFailureReason", () => {
  it("names each refusal of the login page", () => {
    expect(loginFailureReason(LOGIN_ERROR.invalid)).toBe("invalid");
    expect(loginFailureReason(LOGIN_ERROR.deactivated)).toBe("deactivated");
    expect(loginFailureReason(`${LOGIN_ERROR.throttledPrefix}15`)).toBe("throttled");
    expect(loginFailureReason(LOGIN_ERROR.wrongCode)).toBe("wrongCode");
    expect(loginFailureReason(LOGIN_ERROR.restart)).toBe("restart");
  });

  it("counts neither the request for the second factor's code nor a failure of the server", () => {
    expect(loginFailureReason(`${LOGIN_ERROR.secondFactorPrefix}sealed`)).toBeNull();
    expect(loginFailureReason("Can't reach database server")).toBeNull();
  });
});
