import { describe, expect, it } from "vitest";
import { fieldProblems } from "./error-summary";

describe("fieldProblems", () => {
  it("lists every message with its field's path, nested fields and array items included", () => {
    const members: unknown[] = [];
    members[1] = { surnameCyr: { type: "too_small", message: "validation.required", ref: { name: "x" } } };
    const errors = {
      category: { type: "invalid_value", message: "validation.required" },
      members,
      email: { type: "server", message: "This e-mail is taken" },
    };
    expect(fieldProblems(errors)).toEqual([
      { path: "category", message: "validation.required", type: "invalid_value" },
      { path: "members.1.surnameCyr", message: "validation.required", type: "too_small" },
      { path: "email", message: "This e-mail is taken", type: "server" },
    ]);
  });

  it("gives a field array's own error the array's path", () => {
    const members = Object.assign([], { root: { type: "custom", message: "familyForm.errors.oneHead" } });
    expect(fieldProblems({ members })).toEqual([
      { path: "members", message: "familyForm.errors.oneHead", type: "custom" },
    ]);
  });

  it("finds nothing in an empty tree and skips messages that are empty", () => {
    expect(fieldProblems({})).toEqual([]);
    expect(fieldProblems(undefined)).toEqual([]);
    expect(fieldProblems({ phone: { type: "custom", message: "" } })).toEqual([]);
  });
});
