import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ——— Layers (docs/architecture.md): app → lib/actions → lib/db → lib/domain; nothing imports upwards ———
// Each pattern names a module of the tree by its "@/…" alias or by a relative path ("../db/…", "../../lib/db/…").
const moduleOf = (path) => `^(@/|(\\.\\./)+)(lib/)?${path}(/|$)`;

// The Prisma client and the driver under it: only lib/db talks to the database. The generated enums are
// plain string unions that forms and pure rules share, so they stay importable everywhere.
const PRISMA_CLIENT = [
  { regex: "^@prisma/", message: "Only lib/db uses Prisma; call a lib/db function instead." },
  { regex: "^pg(/|$)", message: "Only lib/db talks to PostgreSQL; call a lib/db function instead." },
  {
    regex: "^(@/|(\\.\\./)+)(lib/)?generated/prisma(?!/enums$)(/|$)",
    message: "Only lib/db uses the Prisma client; outside it import the enums from @/lib/generated/prisma/enums.",
  },
  {
    regex: moduleOf("db/(client|prisma-factory)"),
    message: "Only lib/db (and tooling) creates or uses the Prisma client.",
  },
];
// Where the client may be used besides lib/db: tooling that runs outside Next.js and tests.
const TOOLING = ["scripts/**", "prisma/**", "bench/**", "tests/**", "e2e/**"];

const DOMAIN_IS_PURE = "lib/domain is pure TypeScript (no data access, no framework, no I/O); pass what it needs in.";
const LIB_DOMAIN_FORBIDDEN = [
  ...PRISMA_CLIENT,
  { regex: moduleOf("(db|auth|actions|validation|i18n|env)"), message: DOMAIN_IS_PURE },
  { regex: "^(next|next-intl|next-auth|react|react-dom)(/|$)", message: DOMAIN_IS_PURE },
  { regex: "^server-only$", message: DOMAIN_IS_PURE },
  {
    regex:
      "^(node:)?(fs|fs/promises|child_process|net|http|https|http2|tls|dgram|dns|os|worker_threads|cluster|readline|stream|crypto|zlib|process)$",
    message: DOMAIN_IS_PURE,
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Destructuring a field away to drop it is the idiom for "everything but"; name it with _.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
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
    // Later blocks replace this list for their folders, so each one repeats PRISMA_CLIENT.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/db/**", ...TOOLING],
    rules: { "no-restricted-imports": ["error", { patterns: PRISMA_CLIENT }] },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...PRISMA_CLIENT,
            { regex: moduleOf("db"), message: "Shared components get data as props; pages call lib/db." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/domain/**"],
    rules: { "no-restricted-imports": ["error", { patterns: LIB_DOMAIN_FORBIDDEN }] },
  },
  {
    // lib/db sits under the session and the action wrapper: they call it, never the other way round.
    files: ["lib/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: moduleOf("(auth|actions)"),
              message: "lib/db must not import lib/auth or lib/actions (they import lib/db).",
            },
            { regex: "^(@/|(\\.\\./)+)(app|components)(/|$)", message: "lib/db must not import routes or components." },
          ],
        },
      ],
    },
  },
  {
    // Cycles between value imports (type-only imports are not followed by the rule); a few seconds of CPU.
    files: ["app/**", "components/**", "lib/**"],
    // The generated Prisma client is large and imports nothing of ours: not parsing it saves most of the rule's time.
    settings: { "import/ignore": ["node_modules", "/lib/generated/"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
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
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    ".data/**",
    "bench/.data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
