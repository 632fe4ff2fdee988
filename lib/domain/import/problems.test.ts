import { describe, expect, it } from "vitest";
import en from "@/messages/en/import.json";
import kk from "@/messages/kk/import.json";
import ru from "@/messages/ru/import.json";
import { CANONICAL_COLUMNS } from "./columns";
import { IMPORT_PROBLEM_CODES, countProblems, isWarning } from "./problems";

describe("import problems", () => {
  it("each have a message, and each column a name, in Kazakh, Russian and English", () => {
    for (const catalogue of [en, kk, ru]) {
      expect(Object.keys(catalogue.import.problem).sort()).toEqual([...IMPORT_PROBLEM_CODES].sort());
      expect(Object.keys(catalogue.import.column).sort()).toEqual([...CANONICAL_COLUMNS].sort());
    }
  });

  it("are counted per kind, in the order of the list", () => {
    const counts = countProblems([
      { code: "iin-checksum" },
      { code: "date-invalid" },
      { code: "iin-checksum" },
      { code: "iin-sex-mismatch" },
    ]);
    expect([...counts]).toEqual([
      ["date-invalid", 1],
      ["iin-checksum", 2],
      ["iin-sex-mismatch", 1],
    ]);
    expect(isWarning("iin-sex-mismatch")).toBe(true);
    expect(isWarning("iin-checksum")).toBe(false);
  });
});
