// The audit viewer names every action the code writes (lib/domain/audit-actions.ts): this test reads
// the sources that write audit entries and fails for an action without a label, and checks that every
// label, area, entity and field name the viewer asks for has a text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_AREAS, describeAction } from "@/lib/domain/audit-actions";
import { NAMED_ENTITIES, NAMED_FIELDS } from "@/lib/domain/audit-entry-text";
import { loadMessages, type Catalogue } from "./messages";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

const LITERAL = /["'`]([a-z_]+(?:[.-][a-z_]+)*)["'`]/g;
// The helpers that write `<action>` when they find the family and `<action>.denied` when they do not.
const DENYING_HELPERS = /\b(?:findFamilyInScope|auditFamilyView|auditDenied)\(([^)]*)\)/g;

/** The actions a source writes: the literals after `action:` (up to the next property) and the helpers' arguments. */
function writtenActions(text: string): string[] {
  const afterKey = [...text.matchAll(/\baction:\s*([^,}\n]+(?:\?[^,}\n]+:[^,}\n]+)?)/g)].flatMap((match) =>
    [...match[1]!.matchAll(LITERAL)].map((literal) => literal[1]!),
  );
  const byHelpers = [...text.matchAll(DENYING_HELPERS)].flatMap((match) =>
    [...match[1]!.matchAll(LITERAL)].flatMap((literal) => [literal[1]!, `${literal[1]!}.denied`]),
  );
  return [...afterKey, ...byHelpers];
}

function hasText(catalogue: Catalogue, key: string): boolean {
  let node: Catalogue | string | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string";
}

describe("audit actions in the viewer", () => {
  const files = [...sources("lib/db"), ...sources("prisma")];
  const written = new Map(files.flatMap((file) => writtenActions(readFileSync(file, "utf8")).map((a) => [a, file])));

  it("finds the actions the code writes", () => {
    for (const action of ["family.view", "family.view.denied", "auth.login.failed", "note.create.denied", "seed"]) {
      expect(written.has(action), action).toBe(true);
    }
    expect(written.size).toBeGreaterThan(40);
  });

  it("has a label for every action the code writes", () => {
    const unlabelled = [...written].filter(([action]) => !describeAction(action).isListed);
    expect(unlabelled.map(([action, file]) => `${file}: ${action}`)).toEqual([]);
  });

  it("has a text for every label, area, entity and field it shows", () => {
    const catalogue = loadMessages("en");
    const keys = [
      ...Object.values(AUDIT_ACTIONS).map(({ label }) => `audit.action.${label}`),
      "audit.action.other",
      ...AUDIT_AREAS.map((area) => `audit.area.${area}`),
      ...[...NAMED_ENTITIES].map((entity) => `audit.entity.${entity}`),
      ...[...NAMED_FIELDS].map((field) => `audit.field.${field}`),
    ];
    expect(keys.filter((key) => !hasText(catalogue, key))).toEqual([]);
  });
});
