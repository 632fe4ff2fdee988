import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages, loadMessages } from "./messages";

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [relative] : [];
  });
}

const catalogue = loadMessages("en");
const namespaces = new Set(Object.keys(catalogue));

/** Top-level namespaces named in a source text: useTranslations("ns…"), t("ns.…") and "ns.key" literals. */
function namespacesIn(text: string): string[] {
  const named = [
    ...[...text.matchAll(/useTranslations\(\s*["'`]([A-Za-z]+)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/["'`]([A-Za-z]+)\.[A-Za-z$]/g)].map((m) => m[1]!),
  ];
  return named.filter((name) => namespaces.has(name));
}

describe("messages sent to the browser", () => {
  const clientFiles = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(path.join(ROOT, file), "utf8")));

  it("include every namespace a client component or a form's validation names", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const needed = new Set<string>();
    for (const file of [...clientFiles, ...sourceFiles("lib/validation")]) {
      for (const name of namespacesIn(readFileSync(path.join(ROOT, file), "utf8"))) needed.add(name);
    }
    const missing = [...needed].filter((name) => !(CLIENT_NAMESPACES as readonly string[]).includes(name));
    expect(missing, "add these to CLIENT_NAMESPACES in lib/i18n/messages.ts").toEqual([]);
  });

  it("leave the server-only namespaces out", () => {
    const sent = clientMessages(catalogue);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(sent).not.toHaveProperty("reportOverview");
    expect(sent).not.toHaveProperty("receipt");
    expect(sent.workflow).toEqual(catalogue.workflow);
  });
});
