"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { expireLapsedStatuses } from "@/lib/db/families/status-extension";

/** Marks EXPIRED the lapsed kandas statuses of the coordinator's scope; the daily job (issue 17) will run the same. */
export const expireLapsedStatusesAction = defineAction({
  schema: z.object({}).strict(),
  permission: "case.decide",
  revalidate: ["/families/expiring", "/"],
  async run(_input, user) {
    const expired = await expireLapsedStatuses(user);
    return { count: expired.length };
  },
});
