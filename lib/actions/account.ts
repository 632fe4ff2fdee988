"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { endAllSessions } from "@/lib/db/users/end-session";

/** Ends every session of the signed-in person, on every device; the browser then signs out too. */
export const signOutEverywhereAction = defineAction({
  schema: z.object({}).strict(),
  permission: "account.own",
  run: (_input, user) => endAllSessions(user),
});
