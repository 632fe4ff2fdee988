import { getFormatter, getTranslations } from "next-intl/server";
import { eventFacts } from "@/lib/domain/event-facts";

/**
 * The data of one timeline event (decision, validity, arrival, places taken or given back, citizenship or
 * residence permit) in words, as lines of the event's own list item (not a nested list: each timeline
 * item stays one entry).
 */
export async function EventFacts({ data }: { data: unknown }) {
  const facts = eventFacts(data);
  if (facts.length === 0) return null;
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="text-slate-700">
      {facts.map((fact, index) => (
        <p key={index}>
          {fact.kind === "decision" && t("lifecycle.timeline.decision", { number: fact.number, date: day(fact.date) })}
          {fact.kind === "validUntil" && t("lifecycle.timeline.validUntil", { date: day(fact.date) })}
          {fact.kind === "arrival" && t("lifecycle.timeline.arrival", { date: day(fact.date) })}
          {fact.kind === "allocation" &&
            t("lifecycle.timeline.allocation", {
              year: fact.year,
              persons: fact.persons,
              pool: t(`category.${fact.pool}`),
            })}
          {fact.kind === "released" && t("lifecycle.timeline.released", { year: fact.year, persons: fact.persons })}
          {fact.kind === "settlement" &&
            t("casePage.settlement.timeline", {
              document: t(`casePage.settlement.${fact.document}`),
              number: fact.number,
              date: day(fact.date),
            })}
        </p>
      ))}
    </div>
  );
}
