import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDb } from "@/lib/db/client";
import { requireReportScope, reportScopeSql } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import { CASE_STATUSES } from "@/lib/domain/case-status";
import type { ExportCell } from "@/lib/domain/export-cells";
import {
  AGE_GROUPS,
  FAMILY_SIZES,
  FUNNEL_STAGES,
  funnelStage,
  TOP_PROFESSIONS,
  WORKING_AGE,
} from "@/lib/domain/report-overview";
import { percentOf, sumRows, type ReportColumn, type ReportTable } from "@/lib/domain/report-table";
import type { ReportScope } from "@/lib/domain/report-scope";
import { suppressTable } from "@/lib/domain/small-cells";
import { singleFlight } from "@/lib/single-flight";
import type { Locale } from "@/lib/i18n/config";
import type { ReportFilters } from "@/lib/validation/report-filters";

/** The overview dashboard: the effective scope (filters after scoping) and its tables in page order. */
export type OverviewReport = { scope: ReportScope; tables: ReportTable[] };

const EDUCATION = ["NONE", "PRIMARY", "SECONDARY", "VOCATIONAL", "HIGHER", "POSTGRADUATE"] as const;

// ——— columns ———
const text = (key: string, labels?: ReportColumn["labels"]): ReportColumn => ({
  key,
  labelKey: `reportOverview.col.${key}`,
  kind: "text",
  ...(labels && { labels }),
});
const count = (key: string, extra: Partial<ReportColumn> = {}): ReportColumn => ({
  key,
  labelKey: `reportOverview.col.${key}`,
  kind: "count",
  isSmallCell: true,
  ...extra,
});
const share = (key: string, derivedFrom: string[]): ReportColumn => ({
  key,
  labelKey: `reportOverview.col.${key}`,
  kind: "percent",
  derivedFrom,
});

// ——— SQL pieces ———
/** Persons listed in the family (every member of the case). */
const MEMBERS = Prisma.sql`CROSS JOIN LATERAL (SELECT COUNT(*)::int AS "persons" FROM "person" p WHERE p."familyId" = f."id") m`;
/** Age of a person in whole years on the family's application date. */
const AGE = Prisma.sql`EXTRACT(YEAR FROM age(f."applicationDate", p."birthDate"))::int`;
/** The funnel stage (lib/domain/report-overview funnelStage) of a status column, in SQL. */
const stageOf = (column: Prisma.Sql) =>
  Prisma.sql`(CASE ${column}::text ${Prisma.join(
    FUNNEL_STAGES.map((status) => Prisma.sql`WHEN ${status} THEN ${funnelStage(status)}::int`),
    " ",
  )} ELSE 0 END)`;
const ageGroupSql = Prisma.sql`(CASE ${Prisma.join(
  AGE_GROUPS.map((group) =>
    group.to === null
      ? Prisma.sql`WHEN ${AGE} >= ${group.from} THEN ${group.key}`
      : Prisma.sql`WHEN ${AGE} <= ${group.to} THEN ${group.key}`,
  ),
  " ",
)} END)`;

type StatusRow = { status: string; families: number; persons: number; reachedFamilies: number; reachedPersons: number };
type MonthRow = { month: number; applications: number; applicants: number; arrivals: number; arrivedPersons: number };
type OriginRow = { category: "KANDAS" | "SETTLER"; origin: string | null; families: number; persons: number };
type TargetRow = {
  regionId: string;
  districtId: number | null;
  isRegionRow: boolean;
  nameKk: string | null;
  nameRu: string | null;
  nameEn: string | null;
  families: number;
  persons: number;
};
type AgeRow = { ageGroup: string; male: number; female: number };
type SizeRow = { size: number; families: number; persons: number };
type EducationRow = { education: string | null; persons: number };
type ProfessionRow = { profession: string; persons: number };
type EmploymentRow = { regionId: string; arrivedFamilies: number; withJob: number };

/** Arrived families and those with a job in the adaptation plan per region; the total's share is the overall share. */
function employmentTable(
  table: (id: string, columns: ReportColumn[], rows: ExportCell[][]) => ReportTable,
  rows: EmploymentRow[],
): ReportTable {
  const result = table(
    "employment",
    [
      text("region", { kind: "region" }),
      count("arrivedFamilies"),
      count("withJob"),
      share("employedShare", ["arrivedFamilies", "withJob"]),
    ],
    rows.map((row) => [row.regionId, row.arrivedFamilies, row.withJob, percentOf(row.withJob, row.arrivedFamilies)]),
  );
  const [, arrivedFamilies, withJob] = result.total ?? [];
  if (result.total) result.total[3] = percentOf(Number(withJob), Number(arrivedFamilies));
  return result;
}

/**
 * The overview dashboard of a year (issue 6). Families are counted in the year of their application
 * (applicationDate), except arrivals and employment, which count families that arrived in the year
 * (arrivalDate). Persons are the members listed in a family's case. Region and category filter the
 * target region and the family's category. Every figure is a PostgreSQL aggregate; totals are summed
 * from the unsuppressed rows.
 *
 * Scope (lib/domain/report-scope): ADMIN and ANALYST the country or the region they pick, a COORDINATOR the
 * own region, a CASEWORKER forbiddenError; analysts get small cells suppressed (lib/domain/small-cells).
 * Counts only, no personal data, so no audit entry for a view (exports are audited by the export route).
 *
 * Employment after arrival: the schema records no employment as such; the adaptation plan's `job` (the
 * job arranged by the employment centre) stands for it — a family that arrived in the year with a non-empty
 * job in its plan counts as employed.
 */
export async function overviewReport(
  actor: Actor,
  filters: ReportFilters,
  options: { locale?: Locale } = {},
): Promise<OverviewReport> {
  const scope = requireReportScope(actor, filters);
  const locale = options.locale ?? "kk";
  // The nine aggregates read a whole year of families and persons (seconds at a million persons), so the
  // users who open the same view at the same moment share one computation; suppression stays per user.
  const tables = await singleFlight(`overview:${locale}:${JSON.stringify(scope.filters)}`, () =>
    overviewTables(scope, locale),
  );
  return { scope, tables: scope.suppressSmallCells ? tables.map(suppressTable) : tables };
}

/** The overview's tables, unsuppressed, for the scope's filters. */
async function overviewTables(scope: ReportScope, locale: Locale): Promise<ReportTable[]> {
  const { year } = scope.filters;
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const inScope = reportScopeSql(scope, { region: Prisma.sql`f."targetRegionId"`, category: Prisma.sql`f."category"` });
  const applied = Prisma.sql`f."applicationDate" >= ${from}::date AND f."applicationDate" < ${until}::date ${inScope}`;
  const arrived = Prisma.sql`f."arrivalDate" >= ${from}::date AND f."arrivalDate" < ${until}::date ${inScope}`;
  const workingAge = Prisma.sql`${AGE} BETWEEN ${WORKING_AGE.from} AND ${WORKING_AGE.to}`;
  const statuses = Prisma.join(
    CASE_STATUSES.map((status, index) => Prisma.sql`(${status}, ${funnelStage(status)}::int, ${index}::int)`),
    ", ",
  );

  const [
    statusRows,
    monthRows,
    originRows,
    targetRows,
    ageRows,
    sizeRows,
    educationRows,
    professionRows,
    employmentRows,
  ] = await Promise.all([
    // Families and persons by current status, and by the furthest funnel stage reached (the current
    // status or any status in the case history, so a family withdrawn after approval reached approval).
    reportDb().$queryRaw<StatusRow[]>(Prisma.sql`
      WITH "cohort" AS (
        SELECT f."status"::text AS "status", m."persons",
               GREATEST(1, ${stageOf(Prisma.sql`f."status"`)},
                        COALESCE((SELECT MAX(${stageOf(Prisma.sql`e."toStatus"`)}) FROM "case_event" e WHERE e."familyId" = f."id"), 0)) AS "reached"
          FROM "family" f ${MEMBERS}
         WHERE ${applied}
      ), "grouped" AS (
        SELECT "status", "reached", COUNT(*)::int AS "families", SUM("persons")::int AS "persons" FROM "cohort" GROUP BY 1, 2
      )
      SELECT s."status",
             COALESCE(SUM(g."families") FILTER (WHERE g."status" = s."status"), 0)::int AS "families",
             COALESCE(SUM(g."persons") FILTER (WHERE g."status" = s."status"), 0)::int AS "persons",
             COALESCE(SUM(g."families") FILTER (WHERE s."stage" > 0 AND g."reached" >= s."stage"), 0)::int AS "reachedFamilies",
             COALESCE(SUM(g."persons") FILTER (WHERE s."stage" > 0 AND g."reached" >= s."stage"), 0)::int AS "reachedPersons"
        FROM (VALUES ${statuses}) AS s("status", "stage", "position")
        LEFT JOIN "grouped" g ON TRUE
       GROUP BY s."status", s."position"
       ORDER BY s."position"`),
    reportDb().$queryRaw<MonthRow[]>(Prisma.sql`
      WITH "applications" AS (
        SELECT EXTRACT(MONTH FROM f."applicationDate")::int AS "month", COUNT(*)::int AS "families", SUM(m."persons")::int AS "persons"
          FROM "family" f ${MEMBERS} WHERE ${applied} GROUP BY 1
      ), "arrivals" AS (
        SELECT EXTRACT(MONTH FROM f."arrivalDate")::int AS "month", COUNT(*)::int AS "families", SUM(m."persons")::int AS "persons"
          FROM "family" f ${MEMBERS} WHERE ${arrived} GROUP BY 1
      )
      SELECT g."month", COALESCE(a."families", 0) AS "applications", COALESCE(a."persons", 0) AS "applicants",
             COALESCE(r."families", 0) AS "arrivals", COALESCE(r."persons", 0) AS "arrivedPersons"
        FROM generate_series(1, 12) AS g("month")
        LEFT JOIN "applications" a ON a."month" = g."month"
        LEFT JOIN "arrivals" r ON r."month" = g."month"
       ORDER BY g."month"`),
    // Origin: the country for kandas, the region of Kazakhstan for settlers.
    reportDb().$queryRaw<OriginRow[]>(Prisma.sql`
      SELECT f."category"::text AS "category",
             CASE WHEN f."category" = 'KANDAS' THEN f."originCountry"::text ELSE f."originRegionId" END AS "origin",
             COUNT(*)::int AS "families", SUM(m."persons")::int AS "persons"
        FROM "family" f ${MEMBERS}
       WHERE ${applied}
       GROUP BY 1, 2
       ORDER BY "persons" DESC, "families" DESC, "origin" NULLS LAST`),
    reportDb().$queryRaw<TargetRow[]>(Prisma.sql`
      SELECT f."targetRegionId" AS "regionId", f."targetDistrictId" AS "districtId",
             GROUPING(f."targetDistrictId") = 1 AS "isRegionRow",
             d."nameKk", d."nameRu", d."nameEn",
             COUNT(*)::int AS "families", SUM(m."persons")::int AS "persons"
        FROM "family" f ${MEMBERS}
        LEFT JOIN "district" d ON d."id" = f."targetDistrictId"
       WHERE ${applied}
       GROUP BY GROUPING SETS ((f."targetRegionId"), (f."targetRegionId", f."targetDistrictId", d."nameKk", d."nameRu", d."nameEn"))
       ORDER BY "persons" DESC, "families" DESC, "regionId", "districtId" NULLS LAST`),
    reportDb().$queryRaw<AgeRow[]>(Prisma.sql`
      WITH "counted" AS (
        SELECT ${ageGroupSql} AS "key",
               COUNT(*) FILTER (WHERE p."sex" = 'M')::int AS "male",
               COUNT(*) FILTER (WHERE p."sex" = 'F')::int AS "female"
          FROM "family" f JOIN "person" p ON p."familyId" = f."id"
         WHERE ${applied}
         GROUP BY 1
      )
      SELECT g."key" AS "ageGroup", COALESCE(c."male", 0) AS "male", COALESCE(c."female", 0) AS "female"
        FROM (VALUES ${Prisma.join(
          AGE_GROUPS.map((group, index) => Prisma.sql`(${group.key}, ${index}::int)`),
          ", ",
        )}) AS g("key", "position")
        LEFT JOIN "counted" c ON c."key" = g."key"
       ORDER BY g."position"`),
    reportDb().$queryRaw<SizeRow[]>(Prisma.sql`
      SELECT LEAST(m."persons", ${FAMILY_SIZES.at(-1)!})::int AS "size", COUNT(*)::int AS "families", SUM(m."persons")::int AS "persons"
        FROM "family" f ${MEMBERS}
       WHERE ${applied}
       GROUP BY 1`),
    reportDb().$queryRaw<EducationRow[]>(Prisma.sql`
      SELECT p."education"::text AS "education", COUNT(*)::int AS "persons"
        FROM "family" f JOIN "person" p ON p."familyId" = f."id"
       WHERE ${applied} AND ${workingAge}
       GROUP BY 1`),
    reportDb().$queryRaw<ProfessionRow[]>(Prisma.sql`
      SELECT MIN(btrim(p."profession")) AS "profession", COUNT(*)::int AS "persons"
        FROM "family" f JOIN "person" p ON p."familyId" = f."id"
       WHERE ${applied} AND ${workingAge} AND btrim(COALESCE(p."profession", '')) <> ''
       GROUP BY lower(btrim(p."profession"))
       ORDER BY "persons" DESC, lower(btrim(p."profession"))
       LIMIT ${TOP_PROFESSIONS}`),
    reportDb().$queryRaw<EmploymentRow[]>(Prisma.sql`
      SELECT f."targetRegionId" AS "regionId", COUNT(*)::int AS "arrivedFamilies",
             COUNT(*) FILTER (WHERE btrim(COALESCE(ap."job", '')) <> '')::int AS "withJob"
        FROM "family" f
        LEFT JOIN "adaptation_plan" ap ON ap."familyId" = f."id"
       WHERE ${arrived}
       GROUP BY 1
       ORDER BY "arrivedFamilies" DESC, 1`),
  ]);

  const table = (id: string, columns: ReportColumn[], rows: ExportCell[][], hasTotal = true): ReportTable => ({
    id,
    titleKey: `reportOverview.table.${id}`,
    titleValues: { year },
    columns,
    rows,
    ...(hasTotal && { total: sumRows(rows, columns) }),
  });
  const districtName = (row: TargetRow) =>
    row.nameKk === null ? null : { kk: row.nameKk, ru: row.nameRu, en: row.nameEn }[locale];
  const byStatus = new Map(statusRows.map((row) => [row.status, row]));
  const applications = byStatus.get("REGISTERED")?.reachedFamilies ?? 0;
  const sizes = new Map(sizeRows.map((row) => [row.size, row]));
  const educations = new Map(educationRows.map((row) => [row.education, row.persons]));

  return [
    table(
      "status",
      [text("status", { kind: "message", prefix: "status" }), count("families"), count("persons")],
      statusRows.map((row) => [row.status, row.families, row.persons]),
    ),
    table(
      "funnel",
      [
        text("stage", { kind: "message", prefix: "status" }),
        count("families"),
        count("persons"),
        share("share", ["families"]),
      ],
      FUNNEL_STAGES.map((status) => {
        const row = byStatus.get(status);
        return [
          status,
          row?.reachedFamilies ?? 0,
          row?.reachedPersons ?? 0,
          percentOf(row?.reachedFamilies ?? 0, applications),
        ];
      }),
      false,
    ),
    table(
      "monthly",
      [
        text("month", { kind: "month" }),
        count("applications"),
        count("applicants"),
        count("arrivals"),
        count("arrivedPersons"),
      ],
      monthRows.map((row) => [row.month, row.applications, row.applicants, row.arrivals, row.arrivedPersons]),
    ),
    table(
      "origin-countries",
      [text("country", { kind: "country" }), count("families"), count("persons")],
      originRows.filter((row) => row.category === "KANDAS").map((row) => [row.origin, row.families, row.persons]),
    ),
    table(
      "origin-regions",
      [text("originRegion", { kind: "region" }), count("families"), count("persons")],
      originRows.filter((row) => row.category === "SETTLER").map((row) => [row.origin, row.families, row.persons]),
    ),
    table(
      "target-regions",
      [text("region", { kind: "region" }), count("families"), count("persons")],
      targetRows.filter((row) => row.isRegionRow).map((row) => [row.regionId, row.families, row.persons]),
    ),
    table(
      "target-districts",
      [text("district", { kind: "text" }), text("region", { kind: "region" }), count("families"), count("persons")],
      targetRows
        .filter((row) => !row.isRegionRow)
        .map((row) => [districtName(row), row.regionId, row.families, row.persons]),
    ),
    table(
      "age-sex",
      [
        text("ageGroup", { kind: "message", prefix: "reportOverview.ageGroup" }),
        count("male"),
        count("female"),
        count("allPersons", { isRowTotal: true }),
      ],
      ageRows.map((row) => [row.ageGroup, row.male, row.female, row.male + row.female]),
    ),
    table(
      "family-size",
      [
        text("familySize", { kind: "message", prefix: "reportOverview.familySize" }),
        count("families"),
        count("persons"),
      ],
      FAMILY_SIZES.map((size) => [String(size), sizes.get(size)?.families ?? 0, sizes.get(size)?.persons ?? 0]),
    ),
    table(
      "education",
      [text("education", { kind: "message", prefix: "education" }), count("persons")],
      [
        ...EDUCATION.map((level): ExportCell[] => [level, educations.get(level) ?? 0]),
        [null, educations.get(null) ?? 0],
      ],
    ),
    table(
      "professions",
      [text("profession", { kind: "text" }), count("persons")],
      professionRows.map((row) => [row.profession, row.persons]),
      false,
    ),
    employmentTable(table, employmentRows),
  ];
}
