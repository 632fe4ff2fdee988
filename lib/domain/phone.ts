/**
 * Normalises a Kazakhstan phone number to +7XXXXXXXXXX: accepts spaces, dashes, brackets and the
 * domestic 8 prefix; returns null when the digits cannot be a Kazakhstan number.
 */
export function normaliseKzPhone(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, "");
  const match = /^(?:\+7|8|7)?(\d{10})$/.exec(digits);
  if (!match?.[1] || !/^[67]/.test(match[1])) return null;
  return `+7${match[1]}`;
}
