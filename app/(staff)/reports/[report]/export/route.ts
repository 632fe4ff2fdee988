import { reportExportRoute } from "@/lib/reports/export-route";

/** Any report's tables as a download: `/reports/<report>/export?table=<id>|all&format=csv|xlsx` (lib/reports/export-route). */
export const GET = reportExportRoute();
