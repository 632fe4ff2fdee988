/**
 * The case history in one order: status changes and done tasks (issue 15) interleaved by the moment each
 * happened, oldest first. Pure; the case page renders what it returns.
 */

export type TimelineEntry<E, T> = { kind: "event"; at: Date; entry: E } | { kind: "task"; at: Date; entry: T };

/**
 * Status changes and done tasks merged by date, oldest first. At the same moment a status change comes
 * before a task, and entries of one kind keep their given order (the sort is stable).
 */
export function mergeTimeline<E extends { at: Date }, T extends { doneAt: Date }>(
  events: readonly E[],
  tasks: readonly T[],
): TimelineEntry<E, T>[] {
  const entries: TimelineEntry<E, T>[] = [
    ...events.map((entry) => ({ kind: "event" as const, at: entry.at, entry })),
    ...tasks.map((entry) => ({ kind: "task" as const, at: entry.doneAt, entry })),
  ];
  return entries.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || Number(a.kind === "task") - Number(b.kind === "task"),
  );
}
