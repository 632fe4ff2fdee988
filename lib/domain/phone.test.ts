import { describe, expect, it } from "vitest";
import { normaliseKzPhone } from "./phone";

describe("normaliseKzPhone", () => {
  it("accepts the usual ways of writing a Kazakhstan number", () => {
    for (const input of ["+7 701 234 56 78", "87012345678", "8 (701) 234-56-78", "7012345678", "+77012345678"]) {
      expect(normaliseKzPhone(input), input).toBe("+77012345678");
    }
    expect(normaliseKzPhone("+7 7182 55 12 34")).toBe("+77182551234");
  });
  it("refuses what cannot be a Kazakhstan number", () => {
    for (const input of ["", "12345", "+1 202 555 0100", "+7 901 234 56 78", "+7 701 234 56 7x"]) {
      expect(normaliseKzPhone(input), input).toBeNull();
    }
  });
});
