/**
 * The data a case event carries besides its reason (lib/db/families/transition-family stores it as JSON
 * on the event): read back into typed facts the timeline can show in words. Unknown or malformed values
 * are left out rather than shown raw, so an event written by an older version never breaks the page.
 */
import type { Category } from "@/lib/generated/prisma/enums";
import { SETTLEMENT_DOCUMENTS, type SettlementDocument } from "./case-status";

export type EventFact =
  | { kind: "decision"; number: string; date: Date }
  | { kind: "validUntil"; date: Date }
  | { kind: "arrival"; date: Date }
  | { kind: "allocation"; year: number; persons: number; pool: Category }
  | { kind: "released"; year: number; persons: number }
  | { kind: "settlement"; document: SettlementDocument; number: string; date: Date };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function day(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const count = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;

/** The facts of an event's data, in the order a reader expects them. */
export function eventFacts(data: unknown): EventFact[] {
  if (!isRecord(data)) return [];
  const facts: EventFact[] = [];
  const decisionDate = day(data.decisionDate);
  if (typeof data.decisionNumber === "string" && decisionDate)
    facts.push({ kind: "decision", number: data.decisionNumber, date: decisionDate });
  const validUntil = day(data.statusValidUntil);
  if (validUntil) facts.push({ kind: "validUntil", date: validUntil });
  const arrival = day(data.arrivalDate);
  if (arrival) facts.push({ kind: "arrival", date: arrival });
  const year = count(data.year);
  const persons = count(data.persons);
  if (year !== null && persons !== null && (data.pool === "KANDAS" || data.pool === "SETTLER"))
    facts.push({ kind: "allocation", year, persons, pool: data.pool });
  if (Array.isArray(data.released))
    for (const item of data.released) {
      if (!isRecord(item)) continue;
      const releasedYear = count(item.year);
      const releasedPersons = count(item.persons);
      if (releasedYear !== null && releasedPersons !== null)
        facts.push({ kind: "released", year: releasedYear, persons: releasedPersons });
    }
  const settlementDate = day(data.settlementDate);
  const document = SETTLEMENT_DOCUMENTS.find((candidate) => candidate === data.settlementDocument);
  if (document && typeof data.settlementNumber === "string" && settlementDate)
    facts.push({ kind: "settlement", document, number: data.settlementNumber, date: settlementDate });
  return facts;
}
