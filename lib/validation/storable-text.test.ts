import { describe, expect, it } from "vitest";
import {
  isStorableText,
  numberOrStorableString,
  storableString,
  UNSTORABLE_TEXT_MESSAGE,
  withUnstorableMarked,
} from "./storable-text";

const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

describe("isStorableText", () => {
  it("accepts what PostgreSQL stores: any script, emoji (surrogate pairs), control characters, noncharacters", () => {
    for (const text of [
      "",
      "Қасымов Нұрлан",
      "Kassymov",
      "😀 家族",
      "tab\tand\nnewline\r",
      "\u0001\u007f\u009f",
      "\uFFFE\uFFFF",
      "\uFFFD",
    ]) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("refuses a NUL anywhere and an unpaired surrogate of either half", () => {
    for (const text of [
      "\u0000",
      "a\u0000b",
      "abc\u0000",
      `a${LONE_HIGH}b`,
      `a${LONE_LOW}b`,
      `${LONE_LOW}${LONE_HIGH}`,
      `😀${LONE_HIGH}`,
    ]) {
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it("gives the same answer on repeated calls (no regex state carried over)", () => {
    expect([isStorableText("a\u0000"), isStorableText("a\u0000"), isStorableText("ok")]).toEqual([false, false, true]);
  });
});

describe("withUnstorableMarked", () => {
  it("replaces each refused character by U+FFFD and keeps the rest, pairs included", () => {
    expect(withUnstorableMarked("a\u0000b\u0000")).toBe("a\uFFFDb\uFFFD");
    expect(withUnstorableMarked(`😀${LONE_HIGH}x`)).toBe("😀\uFFFDx");
    expect(withUnstorableMarked("Қасымов")).toBe("Қасымов");
  });
});

describe("storableString", () => {
  it("refuses with the shared message only, before the checks chained after it", () => {
    const schema = storableString()
      .trim()
      .min(1, "required")
      .regex(/^[a-z]+$/, "letters");
    const result = schema.safeParse("ab\u0000");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([UNSTORABLE_TEXT_MESSAGE]);
    expect(schema.parse("  ab ")).toBe("ab");
    expect(schema.safeParse("a1").error?.issues.map((issue) => issue.message)).toEqual(["letters"]);
  });

  it("keeps z.string's own parameters and takes another message key where a form needs one", () => {
    expect(storableString("required").safeParse(42).error?.issues[0]?.message).toBe("required");
    expect(storableString(undefined, "unstorableText").safeParse(LONE_LOW).error?.issues[0]?.message).toBe(
      "unstorableText",
    );
  });
});

describe("numberOrStorableString", () => {
  it("passes numbers and storable text on, refuses other text with the shared message only", () => {
    const schema = numberOrStorableString().transform((value) => Number(value));
    expect(schema.parse(15)).toBe(15);
    expect(schema.parse("15")).toBe(15);
    expect(schema.safeParse("1\u00005").error?.issues.map((issue) => issue.message)).toEqual([UNSTORABLE_TEXT_MESSAGE]);
  });
});
