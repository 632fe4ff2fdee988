"use server";
import { defineAction } from "@/lib/actions/action";
import { scheduleSetting, setMciRate, withdrawScheduledSetting } from "@/lib/db/settings/settings";
import { mciRateFormSchema, settingChangeSchema, withdrawSettingSchema } from "@/lib/validation/settings";

const PAGE = ["/admin/settings"];

/** Saves a new version of a setting from the day chosen; scheduleSetting re-checks the value, the day and the role, and audits. */
export const scheduleSettingAction = defineAction({
  schema: settingChangeSchema,
  permission: "settings.update",
  revalidate: PAGE,
  async run(input, user) {
    const { effectiveFrom } = await scheduleSetting(user, input);
    return { effectiveFrom };
  },
});

/** Withdraws a change that has not yet applied. */
export const withdrawSettingAction = defineAction({
  schema: withdrawSettingSchema,
  permission: "settings.update",
  revalidate: PAGE,
  run: (input, user) => withdrawScheduledSetting(user, input.versionId),
});

/** Sets the MCI of a year. */
export const setMciRateAction = defineAction({
  schema: mciRateFormSchema,
  permission: "settings.update",
  revalidate: PAGE,
  run: (input, user) => setMciRate(user, input),
});
