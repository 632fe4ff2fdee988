// Programme settings with effective dates on a real PostgreSQL (issue 13): a change applies from its day
// and leaves what belongs to earlier days as it was, a future change waits for its day and can be
// withdrawn until then, concurrent saves are applied one after the other, refusals are 4xx AppErrors at
// their field, every change is audited, and only an administrator reaches any of it. Every version this
// file saves is deleted after it, so the files after it read the catalogue's defaults again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { recordPayment } from "@/lib/db/case-file/payments";
import {
  listSettings,
  scheduleSetting,
  setMciRate,
  settingInForce,
  settingsInForce,
  withdrawScheduledSetting,
} from "@/lib/db/settings/settings";
import { AppError } from "@/lib/domain/app-error";
import { SETTING_KEYS } from "@/lib/domain/settings";
import { addMonths, programmeToday } from "@/lib/domain/status-validity";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

const DAY_MS = 86_400_000;
const TODAY = programmeToday();
const inDays = (days: number) => new Date(TODAY.getTime() + days * DAY_MS);
const isoDay = (day: Date) => day.toISOString().slice(0, 10);
/** A year of MCI no other test file sets. */
const MCI_YEAR = 2098;

let admin: StaffActor;
let secondAdmin: StaffActor;
let analyst: StaffActor;
let coordinator: StaffActor;
let caseworker: StaffActor;
let akmolaCaseworker: StaffActor;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  secondAdmin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
});

afterAll(async () => {
  await prisma.settingVersion.deleteMany({ where: { changedById: { in: [admin.id, secondAdmin.id] } } });
  await prisma.mciRate.deleteMany({ where: { year: MCI_YEAR } });
});

/** The AppError a promise is refused with (fails the test when it is not refused with one). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function lastAudit(action: string, actorId: number) {
  return prisma.auditLog.findFirst({ where: { action, actorId }, orderBy: { id: "desc" } });
}

/** The MCI of a year, set for the test when the database has none (other files may have set one). */
async function mciOf(year: number): Promise<number> {
  await prisma.mciRate.createMany({ data: [{ year, amountTenge: 4000 }], skipDuplicates: true });
  return (await prisma.mciRate.findUniqueOrThrow({ where: { year } })).amountTenge;
}

/** A Pavlodar family of one person that arrived on `arrivalDate`. */
async function arrivedFamily(arrivalDate: Date) {
  const family = await createFamily(prisma, PAVLODAR, caseworker.id);
  return prisma.family.update({ where: { id: family.id }, data: { status: "RESETTLED", arrivalDate } });
}

describe("a change applies from its day", () => {
  it("a benefit rate changed today leaves last month's entitlement as it was and applies to an arrival today", async () => {
    const lastMonth = addMonths(TODAY, -1);
    const [mciLastMonth, mciToday] = [await mciOf(lastMonth.getUTCFullYear()), await mciOf(TODAY.getUTCFullYear())];
    const earlier = await arrivedFamily(lastMonth);
    const today = await arrivedFamily(TODAY);
    const relocation = async (familyId: number) =>
      (await getCaseFile(caseworker, familyId)).benefits.entitlements?.relocationTenge;
    expect(await relocation(earlier.id)).toBe(70 * mciLastMonth);
    expect(await relocation(today.id)).toBe(70 * mciToday);

    const saved = await scheduleSetting(admin, {
      key: "benefits.relocationMciPerMember",
      value: 80,
      effectiveFrom: isoDay(TODAY),
      reason: "Жаңа бюджет заңы",
    });
    expect(saved).toMatchObject({ from: 70, to: 80, effectiveFrom: isoDay(TODAY) });

    expect(await relocation(earlier.id)).toBe(70 * mciLastMonth);
    expect(await relocation(today.id)).toBe(80 * mciToday);
    expect(await settingInForce("benefits.relocationMciPerMember", lastMonth)).toBe(70);
    expect(await settingInForce("benefits.relocationMciPerMember")).toBe(80);

    // Payments are checked against the same entitlements: the new rate is too much for last month's arrival.
    const payment = (familyId: number, amountTenge: number) => ({
      familyId,
      kind: "RELOCATION_SUBSIDY" as const,
      amountTenge,
      paidOn: isoDay(TODAY),
      months: null,
      note: null,
    });
    const tooMuch = await refusal(recordPayment(caseworker, payment(earlier.id, 80 * mciLastMonth)));
    expect(tooMuch).toMatchObject({ code: "casefile.rules.aboveRelocation", field: "amountTenge" });
    await recordPayment(caseworker, payment(earlier.id, 70 * mciLastMonth));
    await recordPayment(caseworker, payment(today.id, 80 * mciToday));
  });

  it("a future version applies from its day, not before, and can be withdrawn until then", async () => {
    const key = "review.timeLimitWorkingDays";
    const { id } = await scheduleSetting(admin, { key, value: 45, effectiveFrom: isoDay(inDays(10)) });
    expect(await settingInForce(key)).toBe(30);
    expect(await settingInForce(key, inDays(9))).toBe(30);
    expect(await settingInForce(key, inDays(10))).toBe(45);
    expect(await settingInForce(key, inDays(400))).toBe(45);

    const page = await listSettings(admin);
    const row = page.settings.find((setting) => setting.key === key);
    expect(row?.value).toBe(30);
    expect(row?.scheduled.map((version) => [version.id, version.value])).toEqual([[id, 45]]);

    expect(await withdrawScheduledSetting(admin, id)).toEqual({ key });
    expect(await settingInForce(key, inDays(10))).toBe(30);
    expect(await lastAudit("setting.withdraw", admin.id)).toMatchObject({
      entity: "setting",
      entityId: key,
      changes: { versionId: id, effectiveFrom: isoDay(inDays(10)), value: 45 },
    });
    const stored = await prisma.settingVersion.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ value: 45, withdrawnById: admin.id });
    expect(stored.withdrawnAt).not.toBeNull();
    const after = (await listSettings(admin)).settings.find((setting) => setting.key === key);
    expect(after?.scheduled).toEqual([]);
    expect(after?.history[0]).toMatchObject({ id, value: 45, from: 30, withdrawnAt: stored.withdrawnAt });

    // Withdrawn once is withdrawn; a version that already applies stays (a new one replaces it).
    expect(await refusal(withdrawScheduledSetting(admin, id))).toMatchObject({
      code: "settings.errors.notScheduled",
      status: 409,
    });
    const current = await scheduleSetting(admin, { key, value: 25, effectiveFrom: isoDay(TODAY) });
    expect(await refusal(withdrawScheduledSetting(admin, current.id))).toMatchObject({
      code: "settings.errors.notScheduled",
      status: 409,
    });
    expect(await settingInForce(key)).toBe(25);
    await expect(withdrawScheduledSetting(admin, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
  });

  it("reads several settings in one call, each the default without a version or with one that does not fit", async () => {
    const unfit = await prisma.settingVersion.create({
      data: { key: "session.absoluteHours", value: "eight", effectiveFrom: new Date(Date.UTC(2000, 0, 1)) },
    });
    try {
      expect(await settingsInForce(["session.absoluteHours", "session.idleMinutes", "lookup.perAddress"])).toEqual({
        "session.absoluteHours": 8,
        "session.idleMinutes": 30,
        "lookup.perAddress": { attempts: 10, windowMinutes: 15 },
      });
    } finally {
      await prisma.settingVersion.delete({ where: { id: unfit.id } });
    }
  });
});

describe("concurrent saves", () => {
  it("are applied one after the other: each audit's from is the other's to, the last save is in force", async () => {
    const key = "session.idleMinutes";
    const day = isoDay(inDays(20));
    const before = await prisma.auditLog.aggregate({ _max: { id: true } });
    const saved = await Promise.all([
      scheduleSetting(admin, { key, value: 20, effectiveFrom: day }),
      scheduleSetting(secondAdmin, { key, value: 25, effectiveFrom: day }),
      scheduleSetting(admin, { key, value: 40, effectiveFrom: day }),
    ]);
    const audits = await prisma.auditLog.findMany({
      where: { action: "setting.update", entityId: key, id: { gt: before._max.id ?? 0n } },
      orderBy: { id: "asc" },
    });
    const chain = audits.map(
      (audit) => (audit.changes as { changes: { value: { from: number; to: number } } }).changes.value,
    );
    expect(chain).toHaveLength(3);
    expect(chain[0]?.from).toBe(30);
    expect(chain[1]?.from).toBe(chain[0]?.to);
    expect(chain[2]?.from).toBe(chain[1]?.to);
    // The versions were created in the same order as their audit entries; the last one is in force.
    const lastSaved = [...saved].sort((a, b) => b.id - a.id)[0];
    expect(lastSaved?.to).toBe(chain[2]?.to);
    expect(await settingInForce(key, inDays(20))).toBe(chain[2]?.to);
  });
});

describe("refusals", () => {
  it("are 4xx AppErrors at the field, with a message of the catalogue, and store nothing", async () => {
    const count = () => prisma.settingVersion.count();
    const before = await count();
    const today = isoDay(TODAY);

    expect(
      await refusal(scheduleSetting(admin, { key: "session.idleMinutes", value: 4, effectiveFrom: today })),
    ).toMatchObject({ code: "settings.items.sessionIdle.invalid", field: "value", status: 400 });
    expect(
      await refusal(
        scheduleSetting(admin, { key: "benefits.rentMciPerMonth", value: { min: 31, max: 30 }, effectiveFrom: today }),
      ),
    ).toMatchObject({ code: "settings.errors.rangeOrder", field: "value.max", status: 400 });
    expect(
      await refusal(
        scheduleSetting(admin, {
          key: "lookup.perCase",
          value: { attempts: 0, windowMinutes: 0 },
          effectiveFrom: today,
        }),
      ),
    ).toMatchObject({
      code: "settings.errors.attempts",
      field: "value.attempts",
      fieldErrors: {
        "value.attempts": { code: "settings.errors.attempts" },
        "value.windowMinutes": { code: "settings.errors.window" },
      },
    });
    expect(
      await refusal(
        scheduleSetting(admin, { key: "security.secondFactorRoles", value: ["ROOT"], effectiveFrom: today }),
      ),
    ).toMatchObject({ code: "settings.errors.roles", status: 400 });
    expect(
      await refusal(
        scheduleSetting(admin, { key: "session.idleMinutes", value: 45, effectiveFrom: isoDay(inDays(-1)) }),
      ),
    ).toMatchObject({ code: "settings.errors.effectiveFromPast", field: "effectiveFrom", status: 400 });
    expect(
      await refusal(scheduleSetting(admin, { key: "session.idleMinutes", value: 45, effectiveFrom: "2026-02-30" })),
    ).toMatchObject({ code: "settings.errors.effectiveFromInvalid", field: "effectiveFrom", status: 400 });
    expect(
      await refusal(
        scheduleSetting(admin, { key: "session.idleMinutes", value: 45, effectiveFrom: isoDay(inDays(6 * 366)) }),
      ),
    ).toMatchObject({ code: "settings.errors.effectiveFromTooFar", field: "effectiveFrom", status: 400 });
    expect(
      await refusal(
        scheduleSetting(admin, { key: "session.absoluteHours", value: 8, effectiveFrom: isoDay(inDays(3)) }),
      ),
    ).toMatchObject({ code: "settings.errors.unchanged", field: "value", status: 409 });
    expect(
      await refusal(
        scheduleSetting(admin, { key: "toString" as "session.idleMinutes", value: 45, effectiveFrom: today }),
      ),
    ).toMatchObject({ code: "errors.invalidInput", status: 400 });
    expect(await refusal(setMciRate(admin, { year: MCI_YEAR, amountTenge: 0 }))).toMatchObject({
      code: "settings.errors.mciAmount",
      field: "amountTenge",
      status: 400,
    });
    expect(await refusal(setMciRate(admin, { year: 1999, amountTenge: 4000 }))).toMatchObject({
      code: "settings.errors.mciYear",
      field: "year",
    });

    expect(await count()).toBe(before);
    expect(await prisma.mciRate.findUnique({ where: { year: MCI_YEAR } })).toBeNull();
  });
});

describe("the MCI of a year", () => {
  crossRegionTest(
    setMciRate,
    "only an administrator sets it, not a coordinator, caseworker or analyst; each change is audited with from and to",
    async () => {
      for (const actor of [analyst, coordinator, caseworker, akmolaCaseworker]) {
        await expect(setMciRate(actor, { year: MCI_YEAR, amountTenge: 5000 })).rejects.toThrow(FORBIDDEN);
      }
      expect(await prisma.mciRate.findUnique({ where: { year: MCI_YEAR } })).toBeNull();

      expect(await setMciRate(admin, { year: MCI_YEAR, amountTenge: 5000 })).toEqual({
        year: MCI_YEAR,
        from: null,
        to: 5000,
      });
      expect(await setMciRate(secondAdmin, { year: MCI_YEAR, amountTenge: 5100 })).toEqual({
        year: MCI_YEAR,
        from: 5000,
        to: 5100,
      });
      expect(await prisma.mciRate.findUniqueOrThrow({ where: { year: MCI_YEAR } })).toMatchObject({
        amountTenge: 5100,
        updatedById: secondAdmin.id,
      });
      expect(await lastAudit("setting.mci.update", secondAdmin.id)).toMatchObject({
        entity: "mci_rate",
        entityId: String(MCI_YEAR),
        changes: { changes: { amountTenge: { from: 5000, to: 5100 } } },
      });
      const page = await listSettings(admin);
      expect(page.mciRates.find((rate) => rate.year === MCI_YEAR)).toMatchObject({
        amountTenge: 5100,
        updatedBy: "Test ADMIN",
      });
    },
  );
});

describe("who reaches the settings", () => {
  crossRegionTest(
    listSettings,
    "shows an administrator every setting with its history, and refuses analysts, coordinators and caseworkers",
    async () => {
      for (const actor of [analyst, coordinator, caseworker, akmolaCaseworker]) {
        await expect(listSettings(actor)).rejects.toThrow(FORBIDDEN);
      }
      const page = await listSettings(admin);
      expect(page.today).toEqual(TODAY);
      expect(page.settings.map((setting) => setting.key)).toEqual(SETTING_KEYS);
      const relocation = page.settings.find((setting) => setting.key === "benefits.relocationMciPerMember");
      expect(relocation).toMatchObject({
        group: "benefits",
        labelKey: "settings.items.relocationMciPerMember.label",
        value: 80,
        current: { value: 80, changedBy: "Test ADMIN", reason: "Жаңа бюджет заңы", effectiveFrom: TODAY },
      });
      expect(relocation?.history.map((entry) => [entry.from, entry.value])).toEqual([[70, 80]]);
      const untouched = page.settings.find((setting) => setting.key === "status.validityMonths");
      expect(untouched).toMatchObject({ value: 12, current: null, scheduled: [], history: [] });
    },
  );

  crossRegionTest(
    scheduleSetting,
    "lets only an administrator save a version; the change is audited with from, to, its day and reason",
    async () => {
      const input = { key: "status.validityMonths" as const, value: 18, effectiveFrom: isoDay(inDays(30)) };
      const before = await prisma.settingVersion.count();
      for (const actor of [analyst, coordinator, caseworker, akmolaCaseworker]) {
        await expect(scheduleSetting(actor, input)).rejects.toThrow(FORBIDDEN);
      }
      expect(await prisma.settingVersion.count()).toBe(before);

      const { id } = await scheduleSetting(admin, { ...input, reason: "  Указ о продлении  " });
      expect(await prisma.settingVersion.findUniqueOrThrow({ where: { id } })).toMatchObject({
        key: input.key,
        value: 18,
        effectiveFrom: inDays(30),
        reason: "Указ о продлении",
        changedById: admin.id,
        withdrawnAt: null,
      });
      expect(await lastAudit("setting.update", admin.id)).toMatchObject({
        actorRole: "ADMIN",
        entity: "setting",
        entityId: input.key,
        changes: {
          versionId: id,
          effectiveFrom: input.effectiveFrom,
          reason: "Указ о продлении",
          changes: { value: { from: 12, to: 18 } },
        },
      });
    },
  );

  crossRegionTest(withdrawScheduledSetting, "lets only an administrator withdraw a scheduled version", async () => {
    const { id } = await scheduleSetting(admin, {
      key: "lookup.perAddress",
      value: { attempts: 20, windowMinutes: 15 },
      effectiveFrom: isoDay(inDays(5)),
    });
    for (const actor of [analyst, coordinator, caseworker, akmolaCaseworker]) {
      await expect(withdrawScheduledSetting(actor, id)).rejects.toThrow(FORBIDDEN);
    }
    expect((await prisma.settingVersion.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
    await withdrawScheduledSetting(secondAdmin, id);
    expect((await prisma.settingVersion.findUniqueOrThrow({ where: { id } })).withdrawnById).toBe(secondAdmin.id);
  });
});
