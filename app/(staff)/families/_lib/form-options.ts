import "server-only";
import { can } from "@/lib/domain/permissions";
import { listAllDistricts, listDistricts, listRegions } from "@/lib/db/regions";
import { countryName, ORIGIN_COUNTRIES, STATELESS } from "@/lib/domain/countries";
import type { SessionUser } from "@/lib/db/users/load-session-user";
import { localName, type Locale } from "@/lib/i18n/config";
import type { FamilyFormOptions } from "../_components/family-form";

/** Choices of the family form in the user's language; regional staff get only their own region. */
export async function familyFormOptions(user: SessionUser, locale: Locale): Promise<FamilyFormOptions> {
  const isAdmin = can(user, "family.allRegions");
  const [regions, districts] = await Promise.all([
    listRegions(),
    isAdmin
      ? listAllDistricts()
      : listDistricts(user.regionId ?? "").then((rows) =>
          rows.map((row) => ({ ...row, regionId: user.regionId ?? "" })),
        ),
  ]);
  const countries = ORIGIN_COUNTRIES.map((country) => ({ value: country.code, label: country.name[locale] }));
  return {
    countries,
    citizenships: [
      ...countries,
      { value: "KZ", label: countryName("KZ", locale) },
      { value: STATELESS, label: countryName(STATELESS, locale) },
    ],
    originRegions: regions.map((region) => ({ value: region.id, label: localName(region, locale) })),
    targetRegions: isAdmin
      ? regions
          .filter((region) => region.isResettlementTarget)
          .map((region) => ({ value: region.id, label: localName(region, locale) }))
      : [],
    fixedTargetRegion: user.region ? localName(user.region, locale) : null,
    districts: districts.map((district) => ({
      value: String(district.id),
      label: localName(district, locale),
      regionId: district.regionId,
    })),
  };
}
