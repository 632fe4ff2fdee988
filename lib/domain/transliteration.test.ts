import { describe, expect, it } from "vitest";
import { SEARCH_FOLD_FROM, SEARCH_FOLD_TO, foldForSearch, transliterateKazakh } from "./transliteration";

describe("transliterateKazakh", () => {
  it.each([
    ["Нұрлан", "Nurlan"],
    ["Жанар", "Zhanar"],
    ["Қайрат", "Kairat"],
    ["Айгерім", "Aigerim"],
    ["Ерлан", "Yerlan"],
    ["Қасымов", "Kassymov"],
    ["Әсел", "Assel"],
    ["Тоқаев", "Tokayev"],
    ["Ғалым", "Galym"],
    ["Дәурен", "Dauren"],
    ["Жұмабаев", "Zhumabayev"],
    ["Мұхамедов", "Mukhamedov"],
    ["Нұрланұлы", "Nurlanuly"],
    ["Серікқызы", "Serikkyzy"],
    ["Іңкәр", "Inkar"],
    ["Мөлдір", "Moldir"],
    ["Үміт", "Umit"],
    ["Һәкім", "Hakim"],
    ["Щербакты", "Shcherbakty"],
    ["Цой", "Tsoi"],
    ["Чингиз", "Chingiz"],
    ["Юлия", "Yuliya"],
    ["Эльвира", "Elvira"],
    ["Фёдор", "Fedor"],
    ["Подъезд", "Podyezd"],
    ["Ильясович", "Ilyassovich"], // the doubling rule applies to every с between vowels,
  ])("%s → %s", (cyr, lat) => {
    expect(transliterateKazakh(cyr)).toBe(lat);
  });

  it("preserves capitalisation of whole phrases", () => {
    expect(transliterateKazakh("Нұрлан Қасымов")).toBe("Nurlan Kassymov");
    expect(transliterateKazakh("ЖАНАР ШӘРІПОВА")).toBe("ZHANAR SHARIPOVA");
    expect(transliterateKazakh("жанар")).toBe("zhanar");
    expect(transliterateKazakh("Ж")).toBe("Zh");
    expect(transliterateKazakh("ЕРЛАН")).toBe("YERLAN");
  });

  it("does not double a word-initial or consonant-adjacent с", () => {
    expect(transliterateKazakh("Сәуле")).toBe("Saule");
    expect(transliterateKazakh("Асхат")).toBe("Askhat");
    expect(transliterateKazakh("Серік")).toBe("Serik");
  });

  it("passes through Latin, digits, hyphens and spaces", () => {
    expect(transliterateKazakh("Нұр-Сұлтан 2019, Kazakhstan")).toBe("Nur-Sultan 2019, Kazakhstan");
    expect(transliterateKazakh("")).toBe("");
  });

  it("produces only ASCII for Kazakh and Russian letters", () => {
    const all = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
    expect(transliterateKazakh(all + " " + all.toLowerCase())).toMatch(/^[A-Za-z ]+$/);
  });
});

describe("foldForSearch", () => {
  it("lower-cases and folds Kazakh letters to Russian look-alikes", () => {
    expect(foldForSearch("Қасымов")).toBe("касымов");
    expect(foldForSearch("ӘҒҚҢӨҰҮҺІЁ")).toBe("агкноуухие");
    expect(foldForSearch("әғқңөұүһіё")).toBe("агкноуухие");
  });

  it("makes Kazakh and Russian spellings of a name equal", () => {
    expect(foldForSearch("Нұрғалиев")).toBe(foldForSearch("Нургалиев"));
    expect(foldForSearch("Айгерім")).toBe(foldForSearch("Айгерим"));
    expect(foldForSearch("Семёнов")).toBe(foldForSearch("семенов"));
  });

  it("treats a Latin i in a Cyrillic word as і, but leaves Latin words alone", () => {
    expect(foldForSearch("Айгерiм")).toBe("айгерим");
    expect(foldForSearch("Aigerim Kassymova")).toBe("aigerim kassymova");
  });

  it("keeps whitespace and other characters", () => {
    expect(foldForSearch("  Нұрлан  NK-2026 ")).toBe("  нурлан  nk-2026 ");
  });

  it("exports SQL translate() strings of equal length", () => {
    expect(Array.from(SEARCH_FOLD_FROM)).toHaveLength(Array.from(SEARCH_FOLD_TO).length);
  });
});
