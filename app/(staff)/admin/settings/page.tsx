import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listSettings, type SettingRow } from "@/lib/db/settings/settings";
import { ROLES } from "@/lib/domain/permissions";
import { SETTING_GROUPS } from "@/lib/domain/settings";
import { toFormValue } from "@/lib/validation/settings";
import { DataTable } from "@/components/ui/data-table";
import { MciRates } from "./_components/mci-rates";
import { SettingForm } from "./_components/setting-form";
import { settingValueView } from "./_components/setting-value";
import { WithdrawButton } from "./_components/withdraw-button";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type Words = {
  t: Awaited<ReturnType<typeof getTranslations>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
};

/** The page anchor of a setting, from the name of its label (`reviewTimeLimit` → `review-time-limit`). */
function anchorOf(setting: SettingRow): string {
  const name = setting.labelKey.split(".").at(-2) ?? setting.key;
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** One setting: what it does, the value in force today, the scheduled changes, the form and the history. */
function SettingSection({
  setting,
  today,
  roleOptions,
  words,
}: {
  setting: SettingRow;
  today: Date;
  roleOptions: { value: string; label: string }[];
  words: Words;
}) {
  const { t, format } = words;
  const anchor = anchorOf(setting);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  const moment = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const person = (name: string | null) => name ?? t("settings.history.unknownPerson");
  const show = (value: unknown) => settingValueView(setting.input, value, words);
  const { current } = setting;

  return (
    <section id={anchor} aria-labelledby={`${anchor}-label`} className="mt-4 rounded-lg bg-white p-4 shadow-sm">
      <h3 id={`${anchor}-label`} className="text-base font-semibold">
        {t(setting.labelKey)}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t(setting.helpKey)}</p>
      <dl className="mt-2 text-sm">
        <dt className="font-medium">{t("settings.current.label")}</dt>
        <dd data-testid={`${anchor}-current`} className="ml-4">
          {show(setting.value)}
          <span className="block text-slate-600">
            {current === null
              ? t("settings.current.default")
              : current.changedBy
                ? t("settings.current.since", { date: day(current.effectiveFrom), name: current.changedBy })
                : t("settings.current.sinceUnknown", { date: day(current.effectiveFrom) })}
          </span>
        </dd>
        {setting.scheduled.length > 0 && (
          <>
            <dt id={`${anchor}-scheduled`} className="mt-2 font-medium">
              {t("settings.scheduled.title")}
            </dt>
            <dd className="ml-4">
              <ul aria-labelledby={`${anchor}-scheduled`}>
                {setting.scheduled.map((version) => (
                  <li key={version.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">
                      {t("settings.scheduled.from", { date: day(version.effectiveFrom) })}
                    </span>
                    <span>{show(version.value)}</span>
                    <span className="text-slate-600">
                      {t("settings.scheduled.by", { name: person(version.changedBy), at: moment(version.changedAt) })}
                    </span>
                    <WithdrawButton versionId={version.id} dateText={day(version.effectiveFrom)} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <SettingForm
        settingKey={setting.key}
        initialValue={toFormValue(setting.key, setting.value)}
        today={today.toISOString().slice(0, 10)}
        idPrefix={anchor}
        roleOptions={setting.input.kind === "roles" ? roleOptions : undefined}
      />
      {setting.history.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium">
            {t("settings.history.title", { count: setting.history.length })}
          </summary>
          <DataTable
            className="mt-2"
            variant="plain"
            caption={t("settings.history.caption")}
            rows={setting.history}
            rowKey={(entry) => entry.id}
            columns={[
              { header: t("settings.history.changedAt"), isRowHeader: true, cell: (entry) => moment(entry.changedAt) },
              { header: t("settings.history.changedBy"), cell: (entry) => person(entry.changedBy) },
              { header: t("settings.history.effectiveFrom"), cell: (entry) => day(entry.effectiveFrom) },
              { header: t("settings.history.from"), cell: (entry) => show(entry.from) },
              { header: t("settings.history.to"), cell: (entry) => show(entry.value) },
              { header: t("settings.history.reason"), cell: (entry) => entry.reason ?? "—" },
              {
                header: t("settings.history.state"),
                cell: (entry) =>
                  entry.withdrawnAt
                    ? t("settings.history.withdrawn", {
                        name: person(entry.withdrawnBy),
                        at: moment(entry.withdrawnAt),
                      })
                    : t("settings.history.active"),
              },
            ]}
          />
        </details>
      )}
    </section>
  );
}

/**
 * The programme settings (issue 13, administrators only; anyone else gets "not found"): every setting by
 * group with its value in force, scheduled changes, a form and the history, and the MCI by year.
 */
export default async function SettingsPage() {
  const admin = await requirePermission("settings.update");
  const page = await listSettings(admin);
  const t = await getTranslations();
  const format = await getFormatter();
  const words = { t, format };
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
  const moment = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const latestYear = Math.max(page.today.getUTCFullYear(), ...page.mciRates.map((rate) => rate.year));

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("settings.intro")}</p>
      {SETTING_GROUPS.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} className="mt-8">
          <h2 id={`group-${group}`} className="text-xl font-semibold">
            {t(`settings.group.${group}`)}
          </h2>
          {page.settings
            .filter((setting) => setting.group === group)
            .map((setting) => (
              <SettingSection
                key={setting.key}
                setting={setting}
                today={page.today}
                roleOptions={roleOptions}
                words={words}
              />
            ))}
          {group === "benefits" && (
            <section id="mci" aria-labelledby="mci-title" className="mt-4 rounded-lg bg-white p-4 shadow-sm">
              <h3 id="mci-title" className="text-base font-semibold">
                {t("settings.mci.title")}
              </h3>
              <p className="mt-1 text-sm text-slate-600">{t("settings.mci.help")}</p>
              <MciRates
                nextYear={latestYear + 1}
                rows={page.mciRates.map((rate) => ({
                  year: rate.year,
                  amountTenge: rate.amountTenge,
                  amount: format.number(rate.amountTenge, {
                    style: "currency",
                    currency: "KZT",
                    maximumFractionDigits: 0,
                  }),
                  updated: rate.updatedBy
                    ? t("settings.mci.updatedBy", { at: moment(rate.updatedAt), name: rate.updatedBy })
                    : moment(rate.updatedAt),
                }))}
              />
            </section>
          )}
        </section>
      ))}
    </section>
  );
}
