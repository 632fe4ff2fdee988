import { describe, expect, it } from "vitest";
import { emailNameWords, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "./password-policy";

const GOOD = ["Steppe-Falcon-Morning-7", "Kz7!vR2#pQ9w", "Сәлем-Әлем-2026", "correct horse battery staple"];

describe("passwordProblem: length", () => {
  it("refuses fewer than 12 characters and accepts 12", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem("Kz7!vR2#pQ9")).toBe("tooShort");
    expect(passwordProblem("Kz7!vR2#pQ9w")).toBeNull();
  });

  it("counts characters as a person does, not UTF-16 units", () => {
    // 11 characters, 22 UTF-16 units.
    expect(passwordProblem("🐎🦅🌾🏔🐪🌙⭐🔥🌊🍎🎵")).toBe("tooShort");
  });

  it("refuses more than 128 characters and accepts 128", () => {
    const phrase = Array.from({ length: 40 }, (_, index) => `w${(index * 7919).toString(36)}`).join("-");
    expect(passwordProblem(phrase.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem(phrase.slice(0, PASSWORD_MAX_LENGTH + 1))).toBe("tooLong");
  });

  it("says 'too short' before anything else", () => {
    expect(passwordProblem("serikbayev", { email: "serikbayev@nurlykosh.kz" })).toBe("tooShort");
  });
});

describe("passwordProblem: common and guessable passwords", () => {
  it.each(["password1234", "qwerty123456", "Password123!", "1q2w3e4r5t6y", "123456789012", "iloveyou1234"])(
    "refuses %s (from the common-password dictionary)",
    (password) => {
      expect(passwordProblem(password)).toBe("common");
    },
  );

  it.each(["aaaaaaaaaaaa", "passwordpassword", "qwertyuiopasdf", "P@ssw0rd2024!"])(
    "refuses %s (a repetition, a keyboard walk, a common password in disguise)",
    (password) => {
      expect(passwordProblem(password)).toBe("common");
    },
  );

  it.each(GOOD)("accepts %s", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("counts the person's own names against the password", () => {
    const password = "AkhmetovaAigerim";
    expect(passwordProblem(password)).toBeNull();
    expect(passwordProblem(password, { personalWords: ["Akhmetova Aigerim", "Ахметова Айгерім"] })).toBe("common");
  });
});

describe("passwordProblem: the e-mail's name", () => {
  const email = "a.serikbayev@nurlykosh.kz";

  it("refuses a password that contains the e-mail's name or a long part of it, in any case", () => {
    expect(passwordProblem("Serikbayev-Falcon-Morning", { email })).toBe("containsEmailName");
    expect(passwordProblem("xA.SERIKBAYEVx-Falcon-9", { email })).toBe("containsEmailName");
    expect(passwordProblem("Falcon-aserikbayev-Morning", { email })).toBe("containsEmailName");
    expect(passwordProblem("Steppe-Falcon-Morning-7", { email })).toBeNull();
  });

  it("ignores a +tag and the domain", () => {
    expect(passwordProblem("Aigerim-Steppe-Falcon", { email: "aigerim+nk@nurlykosh.kz" })).toBe("containsEmailName");
    expect(passwordProblem("Nurlykosh-Steppe-Falcon", { email: "a.serikbayev@nurlykosh.kz" })).toBeNull();
  });

  it("does not refuse passwords for a name too short to mean anything", () => {
    expect(passwordProblem("Tabular-Falcon-Morning", { email: "ab@nurlykosh.kz" })).toBeNull();
  });
});

describe("emailNameWords", () => {
  it("gives the whole name, the name without separators and its runs of at least four letters", () => {
    expect(emailNameWords(" A.Serikbayev@NurlyKosh.kz")).toEqual(["a.serikbayev", "aserikbayev", "serikbayev"]);
    expect(emailNameWords("caseworker.akmola@nurlykosh.kz")).toEqual([
      "caseworker.akmola",
      "caseworkerakmola",
      "caseworker",
      "akmola",
    ]);
    expect(emailNameWords("d.ab2024@x.kz")).toEqual(["d.ab2024", "dab2024"]);
    expect(emailNameWords("ab@x.kz")).toEqual([]);
  });
});
