import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { AppError, notFoundError, type FieldMessage } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/domain/permissions";
import {
  effectiveFromIssue,
  isSettingKey,
  MAX_SCHEDULE_YEARS_AHEAD,
  mciRateSchema,
  parseSettingValue,
  SETTING_KEYS,
  SETTINGS,
  settingHistory,
  versionInForce,
  type MciRateInput,
  type SettingKey,
  type SettingValue,
} from "@/lib/domain/settings";
import { parseIsoDay, programmeToday } from "@/lib/domain/status-validity";

type VersionReader = Pick<Prisma.TransactionClient, "settingVersion">;

/** Several settings by key, each as its value. */
export type SettingValues<K extends SettingKey> = { [P in K]: SettingValue<P> };

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/**
 * The stored value read as the catalogue's schema says; the default when it does not fit (only values
 * stored before versions were validated can), with a warning in the log so an administrator can fix it.
 */
function storedValue<K extends SettingKey>(key: K, version: { id: number; value: unknown } | null): SettingValue<K> {
  if (!version) return SETTINGS[key].default as SettingValue<K>;
  const parsed = parseSettingValue(key, version.value);
  if (parsed.ok) return parsed.value;
  console.warn(`[settings] version ${version.id} of ${key} does not fit the catalogue; the default applies`);
  return SETTINGS[key].default as SettingValue<K>;
}

/**
 * The values of several settings in force on a day, in one query: `on` is an instant or a calendar day
 * (UTC midnight), read as the day in Kazakhstan (a UTC midnight is the same day there, which is ahead of
 * UTC); today when omitted. A setting without a version in force has its catalogue default. Programme
 * settings hold no personal data, so any caller may read them; pass the transaction to read within it.
 */
export async function settingsInForce<K extends SettingKey>(
  keys: readonly K[],
  on?: Date,
  client: VersionReader = db(),
): Promise<SettingValues<K>> {
  const day = programmeToday(on ?? new Date());
  const versions = await client.settingVersion.findMany({
    where: { key: { in: [...keys] }, effectiveFrom: { lte: day }, withdrawnAt: null },
    select: { id: true, key: true, value: true, effectiveFrom: true, withdrawnAt: true },
  });
  return Object.fromEntries(
    keys.map((key) => [
      key,
      storedValue(
        key,
        versionInForce(
          versions.filter((version) => version.key === key),
          day,
        ),
      ),
    ]),
  ) as SettingValues<K>;
}

/** The value of one setting in force on a day (see settingsInForce). */
export async function settingInForce<K extends SettingKey>(
  key: K,
  on?: Date,
  client: VersionReader = db(),
): Promise<SettingValue<K>> {
  const values = await settingsInForce([key], on, client);
  return values[key];
}

/** A refusal of a submitted value: the first issue's message, every issue at its field under `value`. */
function invalidValue(issues: readonly { path: PropertyKey[]; message: string }[]): AppError {
  const fieldErrors: Record<string, FieldMessage> = {};
  for (const issue of issues) fieldErrors[["value", ...issue.path.map(String)].join(".")] ??= { code: issue.message };
  const [first] = Object.entries(fieldErrors);
  return new AppError(first?.[1].code ?? "errors.invalidInput", { field: first?.[0], fieldErrors, status: 400 });
}

/**
 * Serialises the changes of one setting key (or one MCI year) for the transaction: two administrators
 * saving at once are applied and audited one after the other, so each change's "from" is the other's "to".
 * A transaction-scoped advisory lock also covers the first version of a key, which has no row to lock yet.
 */
async function lockKey(tx: Prisma.TransactionClient, namespace: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`;
}

export type ScheduleSettingInput<K extends SettingKey = SettingKey> = {
  key: K;
  value: unknown;
  /** ISO yyyy-mm-dd: the first day (Kazakhstan time) the value applies; today or later. */
  effectiveFrom: string;
  reason?: string | null;
};

/**
 * Saves a new version of a setting applying from `effectiveFrom` (ADMIN; others forbiddenError). The value
 * must satisfy the catalogue's schema (else a 400 AppError at the field, e.g. `value.max`); the day must be
 * today or later and at most MAX_SCHEDULE_YEARS_AHEAD years ahead, never in the past, which would change
 * entitlements and decisions already computed. A value equal to the one it would replace is refused.
 * Audited as `setting.update` with from → to, the day and the reason, in the same transaction.
 */
export async function scheduleSetting(
  actor: Actor,
  input: ScheduleSettingInput,
): Promise<{ id: number; key: SettingKey; from: unknown; to: unknown; effectiveFrom: string }> {
  assertCan(actor, "settings.update");
  const { key } = input;
  if (!isSettingKey(key)) throw new AppError("errors.invalidInput", { field: "key", log: `unknown setting ${key}` });
  const parsed = parseSettingValue(key, input.value);
  if (!parsed.ok) throw invalidValue(parsed.issues);
  const day = parseIsoDay(input.effectiveFrom);
  if (!day) throw new AppError("settings.errors.effectiveFromInvalid", { field: "effectiveFrom" });
  const today = programmeToday();
  const issue = effectiveFromIssue(day, today);
  if (issue === "past")
    throw new AppError("settings.errors.effectiveFromPast", {
      field: "effectiveFrom",
      values: { today: { date: today } },
    });
  if (issue === "tooFar")
    throw new AppError("settings.errors.effectiveFromTooFar", {
      field: "effectiveFrom",
      values: { years: MAX_SCHEDULE_YEARS_AHEAD },
    });
  const reason = input.reason?.trim() || null;

  return db().$transaction(async (tx) => {
    await lockKey(tx, "setting_version", key);
    const versions = await tx.settingVersion.findMany({
      where: { key, withdrawnAt: null, effectiveFrom: { lte: day } },
      select: { id: true, value: true, effectiveFrom: true, withdrawnAt: true },
    });
    const from = storedValue(key, versionInForce(versions, day));
    const to = parsed.value;
    if (isDeepStrictEqual(from, to)) throw new AppError("settings.errors.unchanged", { field: "value", status: 409 });
    const created = await tx.settingVersion.create({
      data: { key, value: to as Prisma.InputJsonValue, effectiveFrom: day, reason, changedById: actor.id },
      select: { id: true },
    });
    await recordAudit(
      {
        actor,
        action: "setting.update",
        entity: "setting",
        entityId: key,
        changes: { value: { from, to } },
        details: { versionId: created.id, effectiveFrom: isoDay(day), reason },
      },
      tx,
    );
    return { id: created.id, key, from, to, effectiveFrom: isoDay(day) };
  });
}

/**
 * Withdraws a version that has not yet applied (its day is after today, ADMIN only): from then on it
 * never applies. A version that applies today or applied before cannot be withdrawn (409); schedule a new
 * one instead, so what was computed under it keeps its explanation. Audited as `setting.withdraw`.
 */
export async function withdrawScheduledSetting(actor: Actor, versionId: number): Promise<{ key: SettingKey }> {
  assertCan(actor, "settings.update");
  return db().$transaction(async (tx) => {
    const found = await tx.settingVersion.findUnique({ where: { id: versionId }, select: { key: true } });
    if (!found || !isSettingKey(found.key)) throw notFoundError("setting version");
    const key = found.key;
    await lockKey(tx, "setting_version", key);
    const version = await tx.settingVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { value: true, effectiveFrom: true, withdrawnAt: true },
    });
    if (version.withdrawnAt !== null || version.effectiveFrom.getTime() <= programmeToday().getTime())
      throw new AppError("settings.errors.notScheduled", { status: 409 });
    await tx.settingVersion.update({
      where: { id: versionId },
      data: { withdrawnAt: new Date(), withdrawnById: actor.id },
    });
    await recordAudit(
      {
        actor,
        action: "setting.withdraw",
        entity: "setting",
        entityId: key,
        details: { versionId, effectiveFrom: isoDay(version.effectiveFrom), value: version.value },
      },
      tx,
    );
    return { key };
  });
}

/**
 * Sets the MCI of a year (ADMIN only): a year 2000–2100 and a positive whole number of tenge (else a 400
 * AppError at the field). The MCI of a year is fixed by that year's budget law, so a change corrects
 * every figure of that year; the change is audited as `setting.mci.update` with from → to.
 */
export async function setMciRate(
  actor: Actor,
  input: MciRateInput,
): Promise<{ year: number; from: number | null; to: number }> {
  assertCan(actor, "settings.update");
  const parsed = mciRateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(issue?.message ?? "errors.invalidInput", { field: String(issue?.path[0] ?? "amountTenge") });
  }
  const { year, amountTenge } = parsed.data;
  return db().$transaction(async (tx) => {
    await lockKey(tx, "mci_rate", String(year));
    const before = await tx.mciRate.findUnique({ where: { year }, select: { amountTenge: true } });
    if (before?.amountTenge === amountTenge)
      throw new AppError("settings.errors.unchanged", { field: "amountTenge", status: 409 });
    await tx.mciRate.upsert({
      where: { year },
      create: { year, amountTenge, updatedById: actor.id },
      update: { amountTenge, updatedById: actor.id },
    });
    await recordAudit(
      {
        actor,
        action: "setting.mci.update",
        entity: "mci_rate",
        entityId: year,
        changes: { amountTenge: { from: before?.amountTenge ?? null, to: amountTenge } },
      },
      tx,
    );
    return { year, from: before?.amountTenge ?? null, to: amountTenge };
  });
}

const PERSON = { select: { fullName: true } } as const;

/**
 * Everything the settings page shows (ADMIN only; others forbiddenError): per setting of the catalogue the
 * value in force today and since when, the changes scheduled after today, and the history of saves
 * (newest first, each with the value it replaced and who saved or withdrew it); and the MCI per year.
 */
export async function listSettings(actor: Actor) {
  assertCan(actor, "settings.update");
  const today = programmeToday();
  const [versions, mciRates] = await Promise.all([
    db().settingVersion.findMany({
      where: { key: { in: SETTING_KEYS } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        key: true,
        value: true,
        effectiveFrom: true,
        reason: true,
        changedAt: true,
        withdrawnAt: true,
        changedBy: PERSON,
        withdrawnBy: PERSON,
      },
    }),
    db().mciRate.findMany({
      orderBy: { year: "desc" },
      select: { year: true, amountTenge: true, updatedAt: true, updatedBy: PERSON },
    }),
  ]);

  const settings = SETTING_KEYS.map((key) => {
    const own = versions.filter((version) => version.key === key);
    const current = versionInForce(own, today);
    const row = (version: (typeof own)[number]) => ({
      id: version.id,
      value: storedValue(key, version),
      effectiveFrom: version.effectiveFrom,
      reason: version.reason,
      changedAt: version.changedAt,
      changedBy: version.changedBy?.fullName ?? null,
      withdrawnAt: version.withdrawnAt,
      withdrawnBy: version.withdrawnBy?.fullName ?? null,
    });
    return {
      key,
      group: SETTINGS[key].group,
      input: SETTINGS[key].input,
      labelKey: SETTINGS[key].labelKey,
      helpKey: SETTINGS[key].helpKey,
      value: storedValue(key, current),
      /** The version in force today; null while the default applies. */
      current: current && row(current),
      scheduled: own
        .filter((version) => version.withdrawnAt === null && version.effectiveFrom.getTime() > today.getTime())
        .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.id - b.id)
        .map(row),
      history: settingHistory(own, SETTINGS[key].default).map(({ version, from }) => ({
        ...row(version),
        from: parseSettingValue(key, from).ok ? from : SETTINGS[key].default,
      })),
    };
  });

  return {
    today,
    settings,
    mciRates: mciRates.map((rate) => ({
      year: rate.year,
      amountTenge: rate.amountTenge,
      updatedAt: rate.updatedAt,
      updatedBy: rate.updatedBy?.fullName ?? null,
    })),
  };
}

export type SettingsPage = Awaited<ReturnType<typeof listSettings>>;
export type SettingRow = SettingsPage["settings"][number];
