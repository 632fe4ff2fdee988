// Configuration for the Prisma 6 CLI, used only to compute migration SQL offline: its WebAssembly
// schema engine runs over an in-memory PGlite database instead of a downloaded native engine.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

const config = {
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
};

export default config;
