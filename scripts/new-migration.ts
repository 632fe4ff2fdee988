// npm run db:new-migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that takes the database built by the existing migrations to the current prisma/schema.prisma.
// Offline stand-in for `prisma migrate dev --create-only` (docs/migrations.md).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, readMigrations } from "./lib/migrate";
import { diffToSchema, ROOT } from "./lib/prisma6";

interface Manual {
  extensions: string[];
  checkConstraints: { name: string }[];
  indexes: { name: string }[];
  functions: string[];
  triggers: { name: string }[];
}

const rawName = process.argv[2];
if (!rawName) {
  console.error("Usage: npm run db:new-migration -- <name>   (e.g. add_family_notes)");
  process.exit(1);
}
const name = rawName
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "");

const now = new Date();
const timestamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
const last = readMigrations().at(-1)?.name;
if (last && `${timestamp}_${name}` <= last) {
  console.error(
    `The clock (${timestamp}) is behind the latest migration ${last}; migrations are applied in name order.`,
  );
  process.exit(1);
}

console.log("Replaying prisma/migrations into an in-memory database and diffing with schema.prisma…");
const manual = JSON.parse(readFileSync(path.join(ROOT, "prisma/manual-objects.json"), "utf8")) as Manual;
// schema.prisma cannot declare the hand-written indexes (expression and GIN trigram indexes), so every
// diff proposes dropping them: those statements are left out, anything else that drops one stops below.
const keptIndexes: string[] = [];
const sql = manual.indexes.reduce(
  (text, { name: index }) => {
    const drop = new RegExp(`(?:-- DropIndex\\n)?DROP INDEX "${index}";\\n*`, "g");
    if (drop.test(text)) keptIndexes.push(index);
    return text.replace(drop, "");
  },
  await diffToSchema("migrations"),
);
if (keptIndexes.length > 0) console.log(`Left out the drop of hand-written indexes: ${keptIndexes.join(", ")}.`);
if (!/^\s*(CREATE|ALTER|DROP|COMMENT)\b/im.test(sql)) {
  console.log("schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}

// Prisma ignores CHECKs, triggers, functions and extensions, but a future Prisma that noticed a
// hand-written object would propose dropping it: stop rather than write such a migration.
const manualNames = [
  ...manual.extensions,
  ...manual.checkConstraints.map((c) => c.name),
  ...manual.indexes.map((i) => i.name),
  ...manual.functions,
  ...manual.triggers.map((t) => t.name),
];
const threatened = manualNames.filter((object) => new RegExp(`\\bDROP\\b[^;]*"?\\b${object}\\b"?`, "i").test(sql));
if (threatened.length > 0) {
  console.error(
    `The generated SQL drops hand-written objects (${threatened.join(", ")}) listed in prisma/manual-objects.json.\n` +
      "Nothing was written. Review the SQL below, write the migration by hand, and update the list if intended:\n\n" +
      sql,
  );
  process.exit(1);
}

const dir = path.join(MIGRATIONS_DIR, `${timestamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(
  `Wrote ${path.relative(ROOT, dir)}/migration.sql. Review it; append any hand-written SQL (and list new ` +
    `objects in prisma/manual-objects.json) before it is applied anywhere, since an applied migration must never change.`,
);
