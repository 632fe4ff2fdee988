import { describe, expect, it } from "vitest";
import { DEFAULT_SECOND_FACTOR_ROLES, ROLES } from "./permissions";
import {
  formatRecoveryCode,
  mustEnrolSecondFactor,
  normaliseRecoveryCode,
  normaliseTotpCode,
  RECOVERY_CODE_ALPHABET,
  recoveryCodeFromBytes,
  totpAccountName,
  totpTimeStep,
} from "./second-factor";

describe("TOTP codes", () => {
  it.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    [" 012345 ", "012345"],
    ["12 34 56", "123456"],
  ])("accepts %j as %s", (typed, code) => {
    expect(normaliseTotpCode(typed)).toBe(code);
  });

  it.each(["", "12345", "1234567", "12345a", "１２３４５６", "123-456"])("refuses %j", (typed) => {
    expect(normaliseTotpCode(typed)).toBeNull();
  });

  it("counts 30-second time steps from 1970", () => {
    expect(totpTimeStep(0)).toBe(0);
    expect(totpTimeStep(29)).toBe(0);
    expect(totpTimeStep(30)).toBe(1);
    // RFC 6238, appendix B: T = 0x00000000023523EC at 1111111109 seconds.
    expect(totpTimeStep(1_111_111_109)).toBe(0x023523ec);
  });
});

describe("recovery codes", () => {
  it("has 32 distinct characters without the ones that look alike", () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    for (const lookalike of ["i", "l", "o", "u"]) expect(RECOVERY_CODE_ALPHABET).not.toContain(lookalike);
  });

  it("turns 10 random bytes into a grouped code, using each byte's low 5 bits", () => {
    const bytes = Uint8Array.from([0, 1, 2, 31, 32, 33, 255, 224, 100, 10]);
    expect(recoveryCodeFromBytes(bytes)).toBe("012z0-1z04a");
    expect(recoveryCodeFromBytes(new Uint8Array(10).fill(31))).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    expect(() => recoveryCodeFromBytes(new Uint8Array(9))).toThrow(RangeError);
  });

  it("compares without case, spaces or the dash, and reads o, i and l as 0, 1 and 1", () => {
    expect(normaliseRecoveryCode("ABCDE-FGH23")).toBe("abcdefgh23");
    expect(normaliseRecoveryCode(" abcde fgh23 ")).toBe("abcdefgh23");
    expect(normaliseRecoveryCode("abcdefgh23")).toBe("abcdefgh23");
    expect(normaliseRecoveryCode("O0IL1-abcde")).toBe("00111abcde");
    expect(normaliseRecoveryCode("abcde–fgh23")).toBe("abcdefgh23");
  });

  it("refuses what cannot be a recovery code", () => {
    expect(normaliseRecoveryCode("")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fgh2")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fgh234")).toBeNull();
    // u is not in the alphabet, and neither is anything outside Latin letters and digits.
    expect(normaliseRecoveryCode("abcde-fghu3")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fgh2ж")).toBeNull();
    expect(normaliseRecoveryCode("123456")).toBeNull();
  });

  it("reads back every generated code as itself", () => {
    for (let seed = 0; seed < 64; seed++) {
      const bytes = Uint8Array.from({ length: 10 }, (_, index) => (seed * 37 + index * 11) % 256);
      const code = recoveryCodeFromBytes(bytes);
      expect(formatRecoveryCode(normaliseRecoveryCode(code) ?? "")).toBe(code);
      expect(normaliseRecoveryCode(code.toUpperCase())).toBe(code.replace("-", ""));
    }
  });
});

describe("who must set up a second factor", () => {
  it("requires it of the listed roles until they have one", () => {
    expect(DEFAULT_SECOND_FACTOR_ROLES).toEqual(["ADMIN", "COORDINATOR"]);
    for (const role of ROLES) {
      const isRequired = (DEFAULT_SECOND_FACTOR_ROLES as readonly string[]).includes(role);
      expect(mustEnrolSecondFactor({ role, hasSecondFactor: false }, DEFAULT_SECOND_FACTOR_ROLES)).toBe(isRequired);
      expect(mustEnrolSecondFactor({ role, hasSecondFactor: true }, DEFAULT_SECOND_FACTOR_ROLES)).toBe(false);
    }
  });

  it("follows the setting: nobody when the list is empty, a caseworker when listed", () => {
    expect(mustEnrolSecondFactor({ role: "ADMIN", hasSecondFactor: false }, [])).toBe(false);
    expect(mustEnrolSecondFactor({ role: "CASEWORKER", hasSecondFactor: false }, ["CASEWORKER"])).toBe(true);
  });
});

describe("the account in an authenticator app", () => {
  it("is the programme's name and the e-mail as the person signs in with it", () => {
    expect(totpAccountName(" Coordinator.Pavlodar@NurlyKosh.kz ")).toEqual({
      issuer: "Nurly Kosh",
      label: "coordinator.pavlodar@nurlykosh.kz",
    });
  });
});
