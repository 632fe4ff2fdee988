import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // lib/db modules import "server-only" to keep them out of client bundles; outside Next.js the
      // real package throws, so tests get an empty module instead.
      { find: /^server-only$/, replacement: `${root}/tests/empty-module.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["lib/**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.int.test.ts", "lib/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // Before each file: the environment, the regions and the shared client (tests/integration/setup.ts).
          setupFiles: ["tests/integration/setup.ts"],
          // One worker, one file at a time: the tests share one database and the machine has 2 cores.
          pool: "forks",
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
