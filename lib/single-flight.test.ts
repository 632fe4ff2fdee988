import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("singleFlight", () => {
  it("shares one computation among the callers that come while it runs", async () => {
    const gate = deferred<number>();
    let runs = 0;
    const compute = () => {
      runs++;
      return gate.promise;
    };
    const first = singleFlight("a", compute);
    const second = singleFlight("a", compute);
    gate.resolve(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(runs).toBe(1);
  });

  it("computes again once the previous computation has settled, and keys apart", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    expect(await singleFlight("b", compute)).toBe(1);
    expect(await singleFlight("b", compute)).toBe(2);
    expect(await singleFlight("c", compute)).toBe(3);
  });

  it("gives the error to every waiting caller and forgets it", async () => {
    const gate = deferred<number>();
    const first = singleFlight("d", () => gate.promise);
    const second = singleFlight("d", () => Promise.resolve(0));
    gate.reject(new Error("database gone"));
    await expect(first).rejects.toThrow("database gone");
    await expect(second).rejects.toThrow("database gone");
    expect(await singleFlight("d", () => Promise.resolve(7))).toBe(7);
  });
});
