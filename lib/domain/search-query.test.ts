import { describe, expect, it } from "vitest";
import {
  classifySearchQuery,
  nameQueryWords,
  normalizeLatinLetters,
  RESULT_COUNT_CAP,
  resultCount,
  SEARCH_MAX_VARIANTS,
  SEARCH_MAX_WORDS,
  spellingVariants,
} from "./search-query";

describe("classifySearchQuery: case numbers", () => {
  it("recognises a full case number regardless of letter case and spaces", () => {
    for (const query of [
      "NK-2026-000123",
      "nk-2026-000123",
      "  NK 2026 000123 ",
      "NK2026000123",
      "Nk - 2026 - 000123",
      "NK–2026–000123",
    ]) {
      expect(classifySearchQuery(query), query).toEqual({ kind: "caseNumber", caseNumber: "NK-2026-000123" });
    }
  });

  it("pads a short sequence and accepts Cyrillic НК typed on a Russian keyboard", () => {
    expect(classifySearchQuery("NK-2026-123")).toEqual({ kind: "caseNumber", caseNumber: "NK-2026-000123" });
    expect(classifySearchQuery("нк-2025-000007")).toEqual({ kind: "caseNumber", caseNumber: "NK-2025-000007" });
  });

  it("finds nothing for sequence zero", () => {
    expect(classifySearchQuery("NK-2026-000000")).toEqual({ kind: "nothing" });
  });

  it("takes up to six digits as the numeric tail of a case number of any year", () => {
    expect(classifySearchQuery("123")).toEqual({ kind: "caseSequence", seq: 123 });
    expect(classifySearchQuery("000123")).toEqual({ kind: "caseSequence", seq: 123 });
    expect(classifySearchQuery("999999")).toEqual({ kind: "caseSequence", seq: 999_999 });
    expect(classifySearchQuery("0")).toEqual({ kind: "nothing" });
  });
});

describe("classifySearchQuery: IINs", () => {
  it("takes twelve digits as an IIN, also typed in groups", () => {
    expect(classifySearchQuery("860314300125")).toEqual({ kind: "iin", iin: "860314300125" });
    expect(classifySearchQuery(" 860314 300125 ")).toEqual({ kind: "iin", iin: "860314300125" });
  });

  it("finds nothing for other lengths of digits rather than guessing", () => {
    expect(classifySearchQuery("8603143001")).toEqual({ kind: "nothing" });
    expect(classifySearchQuery("8603143001251")).toEqual({ kind: "nothing" });
  });
});

describe("classifySearchQuery: names", () => {
  it("gives the same words for Kazakh letters, Russian look-alikes and the passport Latin", () => {
    const kazakh = classifySearchQuery("Қасымов Нұрлан");
    expect(classifySearchQuery("Касымов Нурлан")).toEqual(kazakh);
    expect(classifySearchQuery("Kassymov Nurlan")).toEqual(kazakh);
    if (kazakh.kind !== "name") throw new Error("expected a name query");
    expect(kazakh.words.map((variants) => variants[0])).toEqual(["kassymov", "nurlan"]);
  });

  it("splits on spaces, hyphens and punctuation and keeps each word", () => {
    const query = classifySearchQuery("  Bekbolatov,  Nurlan-Serik ");
    if (query.kind !== "name") throw new Error("expected a name query");
    expect(query.words.map((variants) => variants[0])).toEqual(["bekbolatov", "nurlan", "serik"]);
  });

  it("ignores words without letters in a name query and caps the number of words", () => {
    const query = classifySearchQuery("Бекболатов 1986");
    if (query.kind !== "name") throw new Error("expected a name query");
    expect(query.words.map((variants) => variants[0])).toEqual(["bekbolatov"]);
    const long = classifySearchQuery("a b c d e f g h");
    if (long.kind !== "name") throw new Error("expected a name query");
    expect(long.words).toHaveLength(SEARCH_MAX_WORDS);
  });

  it("finds nothing for punctuation only", () => {
    expect(classifySearchQuery(" -- ,, ")).toEqual({ kind: "nothing" });
    expect(classifySearchQuery("")).toEqual({ kind: "nothing" });
  });

  it("spells the Kazakh Latin alphabet's letters as passports do", () => {
    const query = classifySearchQuery("Qasymov Äset Şynar");
    if (query.kind !== "name") throw new Error("expected a name query");
    expect(query.words.map((variants) => variants[0])).toEqual(["kasymov", "aset", "shynar"]);
  });
});

describe("nameQueryWords", () => {
  it("transliterates Cyrillic words after folding Kazakh letters", () => {
    expect(nameQueryWords("Әсем Жаңабаева-Ерланқызы")).toEqual(["assem", "zhanabayeva", "yerlankyzy"]);
    expect(nameQueryWords("Ордабаев Галым")).toEqual(nameQueryWords("Ордабаев Ғалым"));
    expect(nameQueryWords("Айгерiм")).toEqual(["aigerim"]);
  });

  it("drops words with no Latin letter left, which the trigram index could not narrow", () => {
    expect(nameQueryWords("王 Li")).toEqual(["li"]);
    expect(classifySearchQuery("王芳")).toEqual({ kind: "nothing" });
  });
});

describe("normalizeLatinLetters", () => {
  it("removes diacritics from Latin letters but keeps Cyrillic й and ё", () => {
    expect(normalizeLatinLetters("Nūrlan Émile")).toBe("nurlan emile");
    expect(normalizeLatinLetters("Айгерім Алёна")).toBe("айгерім алёна");
  });
});

describe("spellingVariants", () => {
  it("includes the passport spelling of a surname typed without double s or with i for y", () => {
    for (const typed of ["kasimov", "kasymov", "kassimov"]) {
      expect(spellingVariants(typed), typed).toContain("kassymov");
      expect(spellingVariants(typed)[0]).toBe(typed);
    }
    expect(spellingVariants("kassymov")).toEqual(
      expect.arrayContaining(["kassymov", "kasymov", "kasimov", "kassimov"]),
    );
  });

  it("tries ye for e at the start and after a vowel, and kh/zh for h/j", () => {
    expect(spellingVariants("erlan")).toContain("yerlan");
    expect(spellingVariants("yerlan")).toContain("erlan");
    expect(spellingVariants("tokaev")).toContain("tokayev");
    expect(spellingVariants("ahmet")).toContain("akhmet");
    expect(spellingVariants("janar")).toContain("zhanar");
    expect(spellingVariants("zhanar")).toContain("janar");
  });

  it("reaches the passport spelling from a Cyrillic word typed with и for ы", () => {
    const query = classifySearchQuery("Касимов");
    if (query.kind !== "name") throw new Error("expected a name query");
    expect(query.words[0]).toContain("kassymov");
  });

  it("leaves a word without ambiguous spots alone and never exceeds the variant cap", () => {
    expect(spellingVariants("bekbolatov")).toEqual(["bekbolatov"]);
    expect(spellingVariants("nurlan")).toEqual(["nurlan"]);
    const many = spellingVariants("yessenzhassymkhiyj");
    expect(many.length).toBeLessThanOrEqual(SEARCH_MAX_VARIANTS);
    expect(new Set(many).size).toBe(many.length);
  });
});

describe("resultCount", () => {
  it("is exact up to the cap", () => {
    expect(resultCount(0)).toEqual({ count: 0, isMore: false });
    expect(resultCount(RESULT_COUNT_CAP)).toEqual({ count: RESULT_COUNT_CAP, isMore: false });
    expect(resultCount(3, 3)).toEqual({ count: 3, isMore: false });
  });

  it("says more than the cap once the counting went past it", () => {
    expect(resultCount(RESULT_COUNT_CAP + 1)).toEqual({ count: RESULT_COUNT_CAP, isMore: true });
    expect(resultCount(4, 3)).toEqual({ count: 3, isMore: true });
  });
});
