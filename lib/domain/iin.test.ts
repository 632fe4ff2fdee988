import { describe, expect, it } from "vitest";
import { compareIinWithPerson, generateIin, iinCheckDigit, validateIin } from "./iin";

/** Completes a 7-digit prefix (YYMMDD + century digit) with the first serial that admits a check digit. */
function completeIin(prefix7: string): string {
  for (let serial = 0; serial < 100; serial++) {
    const first11 = `${prefix7}${String(serial).padStart(4, "0")}`;
    const c = iinCheckDigit(first11);
    if (c !== null) return `${first11}${c}`;
  }
  throw new Error("no serial found");
}

describe("validateIin", () => {
  it.each([
    ["850412353067", "1985-04-12", "M"],
    ["920101424728", "1992-01-01", "F"],
    ["010315564698", "2001-03-15", "M"],
    ["150720607922", "2015-07-20", "F"],
    ["470930311870", "1947-09-30", "M"],
    ["780228487805", "1978-02-28", "F"],
    ["900101300811", "1990-01-01", "M"],
  ])("accepts the domain vector %s", (iin, birthDate, sex) => {
    expect(validateIin(iin)).toEqual({ ok: true, birthDate, sex });
  });

  it("needs the second weights for 900101300811", () => {
    // First round: 1·9+2·0+3·0+4·1+5·0+6·1+7·3+8·0+9·0+10·8+11·1 = 131, 131 mod 11 = 10.
    expect(iinCheckDigit("90010130081")).toBe(1);
  });

  it("rejects a wrong check digit", () => {
    expect(validateIin("850412353068")).toEqual({ ok: false, reason: "checksum" });
  });

  it.each(Array.from({ length: 10 }, (_, x) => `90010130080${x}`))("%s has no check digit", (iin) => {
    expect(validateIin(iin)).toEqual({ ok: false, reason: "no-check-digit" });
  });

  it("rejects 11 digits and 13 digits as length errors", () => {
    expect(validateIin("85041235306")).toEqual({ ok: false, reason: "length" });
    expect(validateIin("8504123530670")).toEqual({ ok: false, reason: "length" });
    expect(validateIin("")).toEqual({ ok: false, reason: "length" });
  });

  it("rejects non-digits of the right length", () => {
    expect(validateIin("85041235306a")).toEqual({ ok: false, reason: "digits" });
    expect(validateIin("8504 1235306")).toEqual({ ok: false, reason: "digits" });
    expect(validateIin("８５０４１２３５３０６７")).toEqual({ ok: false, reason: "digits" });
  });

  it("trims surrounding whitespace only", () => {
    expect(validateIin("  850412353067\n")).toMatchObject({ ok: true, birthDate: "1985-04-12" });
  });

  it("returns a null birth date when the date part is not a calendar date", () => {
    expect(validateIin(completeIin("9913993"))).toEqual({ ok: true, birthDate: null, sex: "M" });
    expect(validateIin(completeIin("0102296"))).toEqual({ ok: true, birthDate: null, sex: "F" });
    expect(validateIin(completeIin("8500014"))).toEqual({ ok: true, birthDate: null, sex: "F" });
    // 2000 is a leap year, 1900 is not.
    expect(validateIin(completeIin("0002295"))).toMatchObject({ birthDate: "2000-02-29" });
    expect(validateIin(completeIin("0002293"))).toMatchObject({ birthDate: null });
  });

  it.each(["0", "7", "8", "9"])("century digit %s encodes neither date nor sex", (digit) => {
    expect(validateIin(completeIin(`850412${digit}`))).toEqual({ ok: true, birthDate: null, sex: null });
  });

  it("maps century digits 1/2 to the 1800s and 5/6 to the 2000s", () => {
    expect(validateIin(generateIin(new Date(Date.UTC(1899, 11, 31)), "F", 7))).toEqual({
      ok: true,
      birthDate: "1899-12-31",
      sex: "F",
    });
    expect(validateIin(generateIin(new Date(Date.UTC(2024, 1, 29)), "M", 7))).toEqual({
      ok: true,
      birthDate: "2024-02-29",
      sex: "M",
    });
  });
});

describe("compareIinWithPerson", () => {
  it("gives no warnings when date and sex agree", () => {
    expect(compareIinWithPerson("850412353067", "1985-04-12", "M")).toEqual([]);
    expect(compareIinWithPerson("850412353067", new Date(Date.UTC(1985, 3, 12)), "M")).toEqual([]);
  });

  it("warns about a birth date mismatch", () => {
    expect(compareIinWithPerson("850412353067", "1985-04-13", "M")).toEqual(["birth-date-mismatch"]);
  });

  it("warns about a sex mismatch", () => {
    expect(compareIinWithPerson("850412353067", "1985-04-12", "F")).toEqual(["sex-mismatch"]);
  });

  it("warns about both", () => {
    expect(compareIinWithPerson("920101424728", "1992-01-02", "M")).toEqual(["birth-date-mismatch", "sex-mismatch"]);
  });

  it("does not warn about what the IIN does not encode", () => {
    expect(compareIinWithPerson(completeIin("8504127"), "2000-01-01", "F")).toEqual([]);
    // Date not encoded, sex encoded (male): only the sex is compared.
    expect(compareIinWithPerson(completeIin("8513403"), "2000-01-01", "F")).toEqual(["sex-mismatch"]);
  });

  it("gives no warnings for an invalid IIN (validation reports that)", () => {
    expect(compareIinWithPerson("850412353068", "2000-01-01", "F")).toEqual([]);
  });
});

describe("generateIin", () => {
  it("round-trips through validateIin for many dates, both sexes and serials", () => {
    const start = Date.UTC(1890, 0, 1);
    const end = Date.UTC(2099, 11, 31);
    const step = 86_400_000 * 37;
    let count = 0;
    for (let t = start, i = 0; t <= end; t += step, i++) {
      const date = new Date(t);
      const sex = i % 2 === 0 ? "M" : "F";
      const iin = generateIin(date, sex, (i * 7919) % 10_000);
      expect(iin).toMatch(/^[0-9]{12}$/);
      expect(validateIin(iin)).toEqual({ ok: true, birthDate: date.toISOString().slice(0, 10), sex });
      count++;
    }
    expect(count).toBeGreaterThan(2000);
  });

  it("skips a serial that admits no check digit", () => {
    // 900101 3 0080 admits none, so the next serial is used.
    const iin = generateIin(new Date(Date.UTC(1990, 0, 1)), "M", 80);
    expect(iin.slice(0, 11)).toBe("90010130081");
    expect(iin).toBe("900101300811");
  });

  it("keeps the requested serial when it admits a check digit", () => {
    expect(generateIin(new Date(Date.UTC(1985, 3, 12)), "M", 5306)).toBe("850412353067");
  });

  it("rejects years it cannot encode and bad serials", () => {
    expect(() => generateIin(new Date(Date.UTC(1799, 0, 1)), "M", 1)).toThrow(RangeError);
    expect(() => generateIin(new Date(Date.UTC(2100, 0, 1)), "M", 1)).toThrow(RangeError);
    expect(() => generateIin(new Date(Date.UTC(2000, 0, 1)), "M", 10_000)).toThrow(RangeError);
    expect(() => generateIin(new Date(Date.UTC(2000, 0, 1)), "M", 1.5)).toThrow(RangeError);
  });
});
