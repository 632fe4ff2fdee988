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
    // One permission policy (lib/domain/permissions.ts): elsewhere a role is never named, only asked
    // about through can(actor, permission) or a scope, so a new duty changes one map.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/domain/permissions.ts", "**/*.test.ts", "lib/generated/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/^(ADMIN|COORDINATOR|CASEWORKER|ANALYST)$/]",
          message: "Ask lib/domain/permissions.ts (can, familyScope, figuresScope) instead of naming a role.",
        },
        {
          selector: "TemplateElement[value.raw=/^(ADMIN|COORDINATOR|CASEWORKER|ANALYST)$/]",
          message: "Ask lib/domain/permissions.ts (can, familyScope, figuresScope) instead of naming a role.",
        },
      ],
    },
  },
  {
    // Playwright's fixture `use` and test helpers named use… are not React hooks.
    files: ["e2e/**", "tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", ".data/**", "bench/.data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
