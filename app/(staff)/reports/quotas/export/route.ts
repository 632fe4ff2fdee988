import { reportExportRoute } from "@/lib/reports/export-route";

// The quota report's download is the generic one; this path names it because the drill-down,
// /reports/quotas/[regionId], would otherwise take /reports/quotas/export.
export const GET = reportExportRoute("quotas");
