import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function flatten(tree: object, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [nested, text] of flatten(value as object, path)) entries.set(nested, text);
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "").sort();
}

const catalogues = {
  en: flatten(loadMessages("en")),
  kk: flatten(loadMessages("kk")),
  ru: flatten(loadMessages("ru")),
};
// Words that are the same in every language: language names, the programme's name in Latin, codes, and
// patterns that only join translated parts.
const SAME_EVERYWHERE = new Set([
  "language.kk",
  "language.ru",
  "language.en",
  "family.phone",
  "reportCommon.exportLinkName",
]);

describe("message catalogues", () => {
  it("have the same keys in Kazakh, Russian and English", () => {
    const keys = [...catalogues.en.keys()].sort();
    expect([...catalogues.kk.keys()].sort()).toEqual(keys);
    expect([...catalogues.ru.keys()].sort()).toEqual(keys);
  });

  it("use the same placeholders in every language", () => {
    for (const [key, text] of catalogues.en) {
      expect(placeholders(catalogues.kk.get(key) ?? ""), `kk ${key}`).toEqual(placeholders(text));
      expect(placeholders(catalogues.ru.get(key) ?? ""), `ru ${key}`).toEqual(placeholders(text));
    }
  });

  it("are really translated, not copies of the English text", () => {
    for (const [key, text] of catalogues.en) {
      if (SAME_EVERYWHERE.has(key) || /^[\W\d]*$/.test(text)) continue;
      expect(catalogues.kk.get(key), `kk ${key}`).not.toBe(text);
      expect(catalogues.ru.get(key), `ru ${key}`).not.toBe(text);
    }
  });

  it("write Kazakh with Kazakh letters where the language needs them", () => {
    const kazakhLetters = /[әғқңөұүһі]/i;
    const withKazakhLetters = [...catalogues.kk.values()].filter((text) => kazakhLetters.test(text)).length;
    expect(withKazakhLetters / catalogues.kk.size).toBeGreaterThan(0.5);
  });
});
