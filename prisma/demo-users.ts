/** Demo accounts created by the seed; tests, e2e fixtures and the README use these constants. */
import type { Role } from "@/lib/generated/prisma/enums";

/** Password of every demo account. Demo only: never seed these accounts into production. */
export const DEMO_PASSWORD = "Demo-2026!";

export interface DemoUser {
  email: string;
  password: string;
  role: Role;
  /** ISO 3166-2:KZ id for regional roles, null for national ones. */
  regionId: string | null;
  fullName: string;
  locale: "kk" | "ru" | "en";
}

const user = (
  email: string,
  role: Role,
  regionId: string | null,
  fullName: string,
  locale: DemoUser["locale"],
): DemoUser => ({
  email,
  password: DEMO_PASSWORD,
  role,
  regionId,
  fullName,
  locale,
});

/**
 * Demo accounts by key. `throttleProbe` exists so that the e2e test that locks an account by failed
 * logins does not lock an account other tests sign in with; it is an analyst (no personal data).
 */
export const DEMO_USERS = {
  admin: user("admin@nurlykosh.kz", "ADMIN", null, "Сейітов Ерлан Қайратұлы", "kk"),
  analyst: user("analyst@nurlykosh.kz", "ANALYST", null, "Жұмабаева Динара Серікқызы", "ru"),
  coordinatorPavlodar: user(
    "coordinator.pavlodar@nurlykosh.kz",
    "COORDINATOR",
    "KZ-55",
    "Оспанов Асхат Нұрланұлы",
    "kk",
  ),
  caseworkerPavlodar: user(
    "caseworker.pavlodar@nurlykosh.kz",
    "CASEWORKER",
    "KZ-55",
    "Ахметова Айгерім Болатқызы",
    "kk",
  ),
  coordinatorAkmola: user("coordinator.akmola@nurlykosh.kz", "COORDINATOR", "KZ-11", "Құрманов Дәурен Маратұлы", "ru"),
  caseworkerAkmola: user("caseworker.akmola@nurlykosh.kz", "CASEWORKER", "KZ-11", "Тұрсынова Әсел Ғалымқызы", "kk"),
  throttleProbe: user("throttle.probe@nurlykosh.kz", "ANALYST", null, "Сынақов Тексеру (e2e)", "en"),
} as const satisfies Record<string, DemoUser>;

export type DemoUserKey = keyof typeof DEMO_USERS;

/** All demo accounts as a list, in seeding order. */
export const DEMO_USER_LIST: readonly DemoUser[] = Object.values(DEMO_USERS);

/** The demo user with this role (and region, for regional roles); the probe account is never chosen. */
export function demoUser(role: Role, regionId: string | null = null): DemoUser {
  const found = DEMO_USER_LIST.find(
    (u) => u !== DEMO_USERS.throttleProbe && u.role === role && (regionId === null || u.regionId === regionId),
  );
  if (!found) throw new RangeError(`No demo user for ${role} ${regionId ?? ""}`);
  return found;
}
