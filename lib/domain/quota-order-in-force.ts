/** The ministry order in force for a quota year (issue 15): the Quotas page names it with its number and date. */

/** An order of the year as the history lists it. */
export type OrderOfYear = { reference: string; orderDate: Date; isAmendment: boolean };

export type OrderInForce<Order extends OrderOfYear> = {
  /** The year's original order, which set the quotas. */
  original: Order;
  /** The latest amendment (by order date, then by the order given), if the quotas were amended. */
  lastAmendment: Order | null;
  /** How many amendment orders changed the year's quotas. */
  amendments: number;
};

/**
 * The order in force for a year from its orders (oldest first): the original order with the last
 * amendment that changed it, or null when the year has no original order (no quotas yet).
 */
export function orderInForce<Order extends OrderOfYear>(orders: readonly Order[]): OrderInForce<Order> | null {
  const original = orders.find((order) => !order.isAmendment);
  if (!original) return null;
  const amendments = orders.filter((order) => order.isAmendment);
  const lastAmendment = amendments.reduce<Order | null>(
    (last, order) => (last === null || order.orderDate.getTime() >= last.orderDate.getTime() ? order : last),
    null,
  );
  return { original, lastAmendment, amendments: amendments.length };
}
