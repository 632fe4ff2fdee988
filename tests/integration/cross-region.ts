// The test that proves one lib/db function's region or role scoping: another region's record is not
// found, a role without the permission is refused, a coordinator sees the own region only.
// region-scoping.int.test.ts ("coverage of lib/db") fails for every lib/db function whose first
// parameter is the acting user and that no test file names in a `crossRegionTest(<function>,` call.
import { it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";

/** A data function acting for a user: the actor first, anything after it. */
type ActorFunction = (actor: Actor, ...rest: never[]) => unknown;

/**
 * Declares `it("<fn.name> across regions: <behaviour>")`. `fn` is the lib/db function itself, not its
 * name as a string, so a renamed or removed function breaks the type check rather than the coverage.
 */
export function crossRegionTest(
  fn: ActorFunction,
  behaviour: string,
  body: () => Promise<void>,
  timeout?: number,
): void {
  it(`${fn.name} across regions: ${behaviour}`, body, timeout);
}
