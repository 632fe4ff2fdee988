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

/**
 * The navigation entry of the page at `path` (its query ignored), marked as the current page: the
 * longest entry the path is at or under ("/" only for itself), else the entry of the same section
 * (/reports/quotas belongs to the reports entry, /reports/overview); none for a page outside them.
 */
export function currentNavHref(items: readonly NavItem[], path: string): string | null {
  const pathname = path.split(/[?#]/)[0] || "/";
  const isAtOrUnder = (base: string) => pathname === base || pathname.startsWith(`${base}/`);
  const matches = items
    .filter((item) => (item.href === "/" ? pathname === "/" : isAtOrUnder(item.href)))
    .sort((a, b) => b.href.length - a.href.length);
  if (matches[0]) return matches[0].href;
  const section = (href: string) => `/${href.split("/")[1] ?? ""}`;
  return items.find((item) => item.href !== "/" && isAtOrUnder(section(item.href)))?.href ?? null;
}
