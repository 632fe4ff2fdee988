import { can, type Permission, type StaffRole } from "@/lib/domain/permissions";

export type NavItem = {
  href: string;
  labelKey: "overview" | "families" | "expiring" | "quotas" | "transfers" | "reports" | "users" | "settings" | "audit";
};

// Navigation is a convenience; every page and action checks the permission again on the server.
const NAVIGATION: (NavItem & { permission: Permission | null })[] = [
  { href: "/", labelKey: "overview", permission: null },
  { href: "/families", labelKey: "families", permission: "family.view" },
  { href: "/families/expiring", labelKey: "expiring", permission: "family.view" },
  { href: "/quotas", labelKey: "quotas", permission: "quota.view" },
  { href: "/transfers", labelKey: "transfers", permission: "family.transfer" },
  { href: "/reports/overview", labelKey: "reports", permission: "report.view" },
  { href: "/admin/users", labelKey: "users", permission: "users.manage" },
  { href: "/admin/settings", labelKey: "settings", permission: "settings.update" },
  { href: "/admin/audit", labelKey: "audit", permission: "audit.view" },
];

/** The navigation entries a role sees in the shell: those whose page it may open. */
export function navigationFor(role: StaffRole): NavItem[] {
  return NAVIGATION.filter((item) => item.permission === null || can({ role }, item.permission)).map(
    ({ href, labelKey }) => ({ href, labelKey }),
  );
}
