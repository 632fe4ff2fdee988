import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/config";

export type Catalogue = { [key: string]: string | Catalogue };

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
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    merge(catalogue, JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Catalogue, `${locale}/${file}`);
  }
  cache.set(locale, catalogue);
  return catalogue;
}

/**
 * The namespaces that client components translate with (useTranslations in "use client" files, and the
 * dotted validation keys their forms show). Only these travel to the browser with every page; the rest
 * (report texts, the receipt, the public status page, …) is used on the server only, and would otherwise
 * add some 20 kB to each page. lib/i18n/client-messages.test.ts keeps the list complete.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "activation",
  "casefile",
  "casePage",
  "category",
  "education",
  "errors",
  "familyForm",
  "forms",
  "lifecycle",
  "login",
  "nav",
  "quotas",
  "relationship",
  "role",
  "secondFactor",
  "sex",
  "status",
  "settings",
  "transfers",
  "users",
  "validation",
  "waitlist",
  "work",
  "workflow",
] as const;

/** The part of a catalogue that client components need (CLIENT_NAMESPACES). */
export function clientMessages(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    CLIENT_NAMESPACES.flatMap((namespace) => (namespace in catalogue ? [[namespace, catalogue[namespace]!]] : [])),
  );
}
