import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/config";

type Catalogue = { [key: string]: string | Catalogue };

const MESSAGES_DIR = path.join(process.cwd(), "messages");
const cache = new Map<Locale, Catalogue>();

function merge(target: Catalogue, source: Catalogue, file: string, prefix = ""): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    const keyPath = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string" || existing === undefined) {
      if (existing !== undefined) throw new Error(`${file}: message ${keyPath} is defined twice`);
      target[key] = value;
    } else if (typeof existing === "string") {
      throw new Error(`${file}: message ${keyPath} is defined twice`);
    } else {
      merge(existing, value, file, keyPath);
    }
  }
}

/**
 * All messages of a language: every `messages/<locale>/*.json` merged into one catalogue (one file per
 * area of the app, so that areas can grow independently). A key defined in two files is an error.
 */
export function loadMessages(locale: Locale): Catalogue {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(MESSAGES_DIR, locale);
  const catalogue: Catalogue = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    merge(catalogue, JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Catalogue, `${locale}/${file}`);
  }
  cache.set(locale, catalogue);
  return catalogue;
}
