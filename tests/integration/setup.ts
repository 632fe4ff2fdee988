// Runs before every integration test file (setupFiles of the integration project in vitest.config.ts):
// what each file needs before its first test, so no file repeats it.
import { afterAll, beforeAll } from "vitest";
import { ensureRegions, prisma } from "./fixtures";

// lib/env.ts checks the secret's length; it parses process.env on the first env() call, not on import,
// so the modules imported above (and the test files' static imports) see this value.
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-that-is-long-enough";

// Every fixture refers to regions; the migrated database starts without them.
beforeAll(() => ensureRegions(prisma));
afterAll(() => prisma.$disconnect());
