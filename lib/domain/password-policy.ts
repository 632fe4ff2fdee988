/**
 * What a staff password must be (docs/decisions/014-staff-accounts-and-passwords.md): long enough, not
 * absurdly long, free of the person's e-mail name, and not guessable by zxcvbn-ts (a maintained password
 * strength estimator with a dictionary of about 49 000 common and breached passwords, keyboard patterns,
 * sequences, repetitions and dates). The same rule runs in the browser (through the zod schema in
 * lib/validation/password.ts) and on the server.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/** Fewest characters (Unicode code points) a password may have. */
export const PASSWORD_MIN_LENGTH = 12;
/** Most characters a password may have: room for a long passphrase, not for a pasted document. */
export const PASSWORD_MAX_LENGTH = 128;
/**
 * The lowest zxcvbn score accepted. 3 means the estimator needs at least 10^8 guesses: every password of
 * its common-password list scores below it, and so does such a password with digits or symbols added,
 * a keyboard walk, a repetition or a sequence.
 */
export const PASSWORD_MIN_SCORE = 3;
/** Parts of an e-mail's name shorter than this are too common as letters to refuse passwords for. */
const MIN_NAME_WORD_LENGTH = 4;

/** Why a password is refused; each reason has its own message. */
export type PasswordProblem = "tooShort" | "tooLong" | "containsEmailName" | "common";

/** What a password is checked against besides itself: the account's e-mail and the person's names. */
export type PasswordContext = {
  /** The account's e-mail; unknown in a browser that must not learn it (the activation page). */
  email?: string | null;
  /** Words of the person (names in Cyrillic and Latin) that make a password easier to guess. */
  personalWords?: readonly (string | null | undefined)[];
};

let estimator: ZxcvbnFactory | undefined;

/** The estimator, built on first use (its dictionaries take a few tens of milliseconds to rank). */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * The words of an e-mail's name (the part before "@", without a "+tag"), lower-cased: the whole name,
 * the name without its separators, and each run of letters of at least four (so `a.serikbayev` gives
 * `a.serikbayev`, `aserikbayev` and `serikbayev`). A name shorter than four characters gives nothing:
 * refusing every password that contains "ab" would refuse good passwords and protect nothing.
 */
export function emailNameWords(email: string): string[] {
  const local = (email.trim().toLowerCase().split("@")[0] ?? "").split("+")[0] ?? "";
  const compact = local.replace(/[^\p{L}\p{N}]/gu, "");
  const letterRuns = local.match(/\p{L}+/gu) ?? [];
  const words = [local, compact, ...letterRuns].filter((word) => Array.from(word).length >= MIN_NAME_WORD_LENGTH);
  return [...new Set(words)];
}

/** The number of characters of a text as a person counts them (code points, not UTF-16 units). */
function characterCount(text: string): number {
  return Array.from(text).length;
}

/**
 * The first reason to refuse `password`, or null when it is acceptable. Checked in this order: length,
 * the e-mail's name (case-insensitive), then the estimator's score below PASSWORD_MIN_SCORE, with the
 * e-mail's and the person's words as the estimator's user inputs (a name with digits scores low).
 */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const emailWords = context.email ? emailNameWords(context.email) : [];
  const lowered = password.toLowerCase();
  if (emailWords.some((word) => lowered.includes(word))) return "containsEmailName";
  const personalWords = (context.personalWords ?? [])
    .flatMap((words) => (words ? words.toLowerCase().split(/[^\p{L}\p{N}]+/u) : []))
    .filter((word) => characterCount(word) >= MIN_NAME_WORD_LENGTH);
  const { score } = zxcvbn().check(password, [...emailWords, ...personalWords]);
  return score < PASSWORD_MIN_SCORE ? "common" : null;
}
