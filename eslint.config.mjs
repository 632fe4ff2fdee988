import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Destructuring a field away to drop it is the idiom for "everything but"; name it with _.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware rules for TypeScript; the few JS/MJS config files stay untyped.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // Not in JSX attributes: `onSubmit={handleSubmit(onSubmit)}` (react-hook-form) and async onClick handlers
      // are the idiom, and React ignores what a handler returns. Wrapping each as `() => void run()` would not
      // handle a rejection either, only hide it from the rule; handlers catch what they can recover from (server
      // actions return results instead of throwing). Async callbacks elsewhere (forEach, setTimeout, …) still fail.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Playwright's fixture `use` and test helpers named use… are not React hooks.
    files: ["e2e/**", "tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "bench/.data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
