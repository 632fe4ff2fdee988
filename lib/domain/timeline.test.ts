import { describe, expect, it } from "vitest";
import { mergeTimeline } from "./timeline";

const at = (iso: string) => new Date(iso);

describe("mergeTimeline", () => {
  it("interleaves status changes and done tasks by the moment each happened", () => {
    const events = [
      { id: 1, at: at("2026-03-01T09:00:00Z") },
      { id: 2, at: at("2026-05-01T09:00:00Z") },
    ];
    const tasks = [
      { id: 10, doneAt: at("2026-04-01T09:00:00Z") },
      { id: 11, doneAt: at("2026-02-01T09:00:00Z") },
    ];
    expect(mergeTimeline(events, tasks).map((item) => `${item.kind}:${item.entry.id}`)).toEqual([
      "task:11",
      "event:1",
      "task:10",
      "event:2",
    ]);
  });
  it("puts a status change before a task done at the same moment, each kind in its given order", () => {
    const moment = at("2026-03-01T09:00:00Z");
    const merged = mergeTimeline(
      [
        { id: 1, at: moment },
        { id: 2, at: moment },
      ],
      [{ id: 10, doneAt: moment }],
    );
    expect(merged.map((item) => `${item.kind}:${item.entry.id}`)).toEqual(["event:1", "event:2", "task:10"]);
  });
});
