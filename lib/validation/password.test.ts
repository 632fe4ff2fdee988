import { describe, expect, it } from "vitest";
import { activationSchema, ownPasswordSchema } from "./password";

const token = "q0dTUx2xk4V_Wk-9f8ZfYcvJ1n3yH4lP2m5nB7cD8eF";
const messagesAt = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("activationSchema", () => {
  it("accepts a good password typed twice", () => {
    const input = { token, password: "Steppe-Falcon-Morning-7", confirmation: "Steppe-Falcon-Morning-7" };
    expect(activationSchema().parse(input)).toEqual(input);
  });

  it("gives each refusal its own message", () => {
    const at = (password: string, context = {}) =>
      messagesAt(activationSchema(context).safeParse({ token, password, confirmation: password })).password;
    expect(at("Short-1")).toBe("account.password.tooShort");
    expect(at("x".repeat(129))).toBe("account.password.tooLong");
    expect(at("qwerty123456")).toBe("account.password.common");
    expect(at("Seitov-Steppe-Falcon", { email: "seitov@nurlykosh.kz" })).toBe("account.password.containsEmailName");
  });

  it("refuses a repetition that does not match", () => {
    expect(
      messagesAt(
        activationSchema().safeParse({ token, password: "Steppe-Falcon-Morning-7", confirmation: "Steppe-Falcon" }),
      ),
    ).toEqual({ confirmation: "account.password.mismatch" });
  });
});

describe("ownPasswordSchema", () => {
  it("requires the current password and a new one that differs from it", () => {
    expect(
      messagesAt(ownPasswordSchema().safeParse({ currentPassword: "", password: "a", confirmation: "a" })),
    ).toMatchObject({ currentPassword: "validation.required", password: "account.password.tooShort" });
    const same = "Steppe-Falcon-Morning-7";
    expect(
      messagesAt(ownPasswordSchema().safeParse({ currentPassword: same, password: same, confirmation: same })),
    ).toEqual({ password: "account.password.sameAsCurrent" });
  });
});
