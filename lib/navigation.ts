import type { StaffRole } from "@/lib/domain/access";

export type NavItem = { href: string; labelKey: "overview" | "families" | "expiring" | "quotas" | "reports" | "users" };

// Navigation is a convenience; every page and action checks the role again on the server.
const NAV_BY_ROLE: Record<StaffRole, NavItem[]> = {
  ADMIN: [
    { href: "/", labelKey: "overview" },
    { href: "/families", labelKey: "families" },
    { href: "/families/expiring", labelKey: "expiring" },
    { href: "/quotas", labelKey: "quotas" },
    { href: "/reports/overview", labelKey: "reports" },
    { href: "/admin/users", labelKey: "users" },
  ],
  COORDINATOR: [
    { href: "/", labelKey: "overview" },
    { href: "/families", labelKey: "families" },
    { href: "/families/expiring", labelKey: "expiring" },
    { href: "/quotas", labelKey: "quotas" },
    { href: "/reports/overview", labelKey: "reports" },
  ],
  CASEWORKER: [
    { href: "/", labelKey: "overview" },
    { href: "/families", labelKey: "families" },
    { href: "/families/expiring", labelKey: "expiring" },
  ],
  ANALYST: [
    { href: "/", labelKey: "overview" },
    { href: "/quotas", labelKey: "quotas" },
    { href: "/reports/overview", labelKey: "reports" },
  ],
};

/** The navigation entries a role sees in the shell. */
export function navigationFor(role: StaffRole): NavItem[] {
  return NAV_BY_ROLE[role];
}
