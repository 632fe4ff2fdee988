// Every refusal's code is its catalogue key (lib/domain/app-error.ts): a code thrown anywhere in the
// source must have a text, or the user would read the generic "invalid" message instead.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, type Catalogue } from "./messages";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

function hasText(catalogue: Catalogue, key: string): boolean {
  let node: Catalogue | string | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string";
}

/**
 * Literal codes of `new AppError("…")` (bare ones are under `validation`) and the dotted catalogue keys of
 * field messages `{ code: "area.key" }` (a bare `code: "custom"` is zod's issue kind, not a message).
 */
function codesIn(text: string): string[] {
  const thrown = [...text.matchAll(/new AppError\(\s*"([^"]+)"/g)].map((match) => match[1]!);
  const atFields = [...text.matchAll(/\bcode: "([A-Za-z]+\.[\w.]+)"/g)].map((match) => match[1]!);
  return [...thrown, ...atFields].map((code) => (code.includes(".") ? code : `validation.${code}`));
}

describe("error codes", () => {
  const catalogue = loadMessages("en");
  const files = [...sources("lib"), ...sources("app")];

  it("finds the codes it checks", () => {
    const all = files.flatMap((file) => codesIn(readFileSync(file, "utf8")));
    expect(all).toContain("workflow.errors.noPlacesLeft");
    expect(all).toContain("familyForm.errors.iinTaken");
    expect(all.length).toBeGreaterThan(30);
  });

  it("has a text for every code the source throws", () => {
    const missing = files.flatMap((file) =>
      codesIn(readFileSync(file, "utf8"))
        .filter((code) => !hasText(catalogue, code))
        .map((code) => `${file}: ${code}`),
    );
    expect(missing).toEqual([]);
  });
});
