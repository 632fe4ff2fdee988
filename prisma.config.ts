import { defineConfig } from "prisma/config";

// Used by `prisma generate` only: migrations are applied by scripts/db-migrate.ts (docs/migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
