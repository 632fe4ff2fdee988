import "server-only";
import { db } from "@/lib/db/client";

/** All regions and cities, for filters and labels (public reference data, not personal). */
export function listRegions() {
  return db().region.findMany({
    orderBy: { nameEn: "asc" },
    select: { id: true, kind: true, nameKk: true, nameRu: true, nameEn: true, isResettlementTarget: true },
  });
}

/** Districts of one region, for filters and forms. */
export function listDistricts(regionId: string) {
  return db().district.findMany({
    where: { regionId },
    orderBy: { nameEn: "asc" },
    select: { id: true, nameKk: true, nameRu: true, nameEn: true },
  });
}

/** Districts of every region, for the administrator's form where the region is chosen too. */
export function listAllDistricts() {
  return db().district.findMany({
    orderBy: [{ regionId: "asc" }, { nameEn: "asc" }],
    select: { id: true, regionId: true, nameKk: true, nameRu: true, nameEn: true },
  });
}
