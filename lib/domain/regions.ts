/**
 * Administrative divisions of Kazakhstan since June 2022: 17 regions (oblystar) and 3 cities of
 * republican significance. Ids are ISO 3166-2:KZ codes; they never change, names may.
 */
import type { Locale } from "./locale";

export type RegionKind = "REGION" | "CITY";

export interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

export interface RegionInfo {
  id: string;
  kind: RegionKind;
  name: LocalizedName;
  centre: LocalizedName;
  /** Receives resettlers: has a kandas or settler quota in the 2026 order. */
  isResettlementTarget: boolean;
  /** Labour-surplus region that settlers come from. */
  isLabourSurplus: boolean;
  /** Region this one was carved out of, and the year of that reform. */
  splitFromId: string | null;
  splitYear: number | null;
}

export interface DistrictInfo {
  regionId: string;
  name: LocalizedName;
}

const n = (kk: string, ru: string, en: string): LocalizedName => ({ kk, ru, en });

function region(
  id: string,
  name: LocalizedName,
  centre: LocalizedName,
  flags: Partial<Pick<RegionInfo, "isResettlementTarget" | "isLabourSurplus" | "splitFromId" | "splitYear">> = {},
  kind: RegionKind = "REGION",
): RegionInfo {
  return {
    id,
    kind,
    name,
    centre,
    isResettlementTarget: flags.isResettlementTarget ?? false,
    isLabourSurplus: flags.isLabourSurplus ?? false,
    splitFromId: flags.splitFromId ?? null,
    splitYear: flags.splitYear ?? null,
  };
}

const TARGET = { isResettlementTarget: true } as const;
const SURPLUS = { isLabourSurplus: true } as const;

/** All 20 first-level divisions, ordered by ISO code. */
export const REGIONS: readonly RegionInfo[] = [
  region("KZ-10", n("Абай облысы", "Абайская область", "Abai Region"), n("Семей", "Семей", "Semey"), {
    ...TARGET,
    splitFromId: "KZ-63",
    splitYear: 2022,
  }),
  region(
    "KZ-11",
    n("Ақмола облысы", "Акмолинская область", "Akmola Region"),
    n("Көкшетау", "Кокшетау", "Kokshetau"),
    TARGET,
  ),
  region("KZ-15", n("Ақтөбе облысы", "Актюбинская область", "Aktobe Region"), n("Ақтөбе", "Актобе", "Aktobe")),
  region("KZ-19", n("Алматы облысы", "Алматинская область", "Almaty Region"), n("Қонаев", "Конаев", "Konaev"), SURPLUS),
  region("KZ-23", n("Атырау облысы", "Атырауская область", "Atyrau Region"), n("Атырау", "Атырау", "Atyrau"), TARGET),
  region(
    "KZ-27",
    n("Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
    n("Орал", "Уральск", "Oral"),
    TARGET,
  ),
  region("KZ-31", n("Жамбыл облысы", "Жамбылская область", "Jambyl Region"), n("Тараз", "Тараз", "Taraz"), SURPLUS),
  region(
    "KZ-33",
    n("Жетісу облысы", "Область Жетысу", "Jetisu Region"),
    n("Талдықорған", "Талдыкорган", "Taldykorgan"),
    {
      splitFromId: "KZ-19",
      splitYear: 2022,
    },
  ),
  region(
    "KZ-35",
    n("Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
    n("Қарағанды", "Караганда", "Karaganda"),
    TARGET,
  ),
  region(
    "KZ-39",
    n("Қостанай облысы", "Костанайская область", "Kostanay Region"),
    n("Қостанай", "Костанай", "Kostanay"),
    TARGET,
  ),
  region(
    "KZ-43",
    n("Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
    n("Қызылорда", "Кызылорда", "Kyzylorda"),
    SURPLUS,
  ),
  region(
    "KZ-47",
    n("Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
    n("Ақтау", "Актау", "Aktau"),
    SURPLUS,
  ),
  region(
    "KZ-55",
    n("Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
    n("Павлодар", "Павлодар", "Pavlodar"),
    TARGET,
  ),
  region(
    "KZ-59",
    n("Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
    n("Петропавл", "Петропавловск", "Petropavl"),
    TARGET,
  ),
  region(
    "KZ-61",
    n("Түркістан облысы", "Туркестанская область", "Turkistan Region"),
    n("Түркістан", "Туркестан", "Turkistan"),
    SURPLUS,
  ),
  region(
    "KZ-62",
    n("Ұлытау облысы", "Улытауская область", "Ulytau Region"),
    n("Жезқазған", "Жезказган", "Zhezkazgan"),
    {
      ...TARGET,
      splitFromId: "KZ-35",
      splitYear: 2022,
    },
  ),
  region(
    "KZ-63",
    n("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
    n("Өскемен", "Усть-Каменогорск", "Oskemen"),
    TARGET,
  ),
  region("KZ-71", n("Астана қаласы", "город Астана", "Astana"), n("Астана", "Астана", "Astana"), {}, "CITY"),
  region("KZ-75", n("Алматы қаласы", "город Алматы", "Almaty"), n("Алматы", "Алматы", "Almaty"), {}, "CITY"),
  // Shymkent is counted as labour-surplus with Turkistan Region, whose centre it was until 2018.
  region(
    "KZ-79",
    n("Шымкент қаласы", "город Шымкент", "Shymkent"),
    n("Шымкент", "Шымкент", "Shymkent"),
    SURPLUS,
    "CITY",
  ),
];

const BY_ID = new Map(REGIONS.map((r) => [r.id, r]));

/** Ids of all regions and cities. */
export const REGION_IDS: readonly string[] = REGIONS.map((r) => r.id);

/** Returns the region with this ISO 3166-2:KZ id, or undefined. */
export function findRegion(id: string): RegionInfo | undefined {
  return BY_ID.get(id);
}

/** Returns the region with this id; throws for an unknown id (a programming error). */
export function getRegion(id: string): RegionInfo {
  const r = BY_ID.get(id);
  if (!r) throw new RangeError(`Unknown region id ${id}`);
  return r;
}

/** Whether the string is the id of a region or city. */
export function isRegionId(id: string): boolean {
  return BY_ID.has(id);
}

/** The region's name in a locale. Accepts a region object or an id. */
export function regionName(region: RegionInfo | string, locale: Locale): string {
  const r = typeof region === "string" ? getRegion(region) : region;
  return r.name[locale];
}

/** The name of the region's administrative centre in a locale. */
export function regionCentreName(region: RegionInfo | string, locale: Locale): string {
  const r = typeof region === "string" ? getRegion(region) : region;
  return r.centre[locale];
}

/**
 * Maps a region to the region that covered its territory in `year`: a region created by the 2022
 * reform maps to its parent for years before its split year (Abai → East Kazakhstan, Jetisu → Almaty
 * Region, Ulytau → Karaganda); every other region maps to itself. Reports count by today's regions and do
 * not use it; it is kept for importing old registries (docs/decisions/005). The inverse,
 * `regionsCoveringOldRegion`, lists the current regions that made up an old region.
 */
export function mapToRegionOfYear(regionId: string, year: number): string {
  let r = getRegion(regionId);
  while (r.splitFromId !== null && r.splitYear !== null && year < r.splitYear) r = getRegion(r.splitFromId);
  return r.id;
}

/** Alias of `mapToRegionOfYear`. */
export const regionForYear = mapToRegionOfYear;

/**
 * Inverse of `mapToRegionOfYear`: the current regions whose territory belonged to `regionId` in `year`
 * (the region itself plus any region split from it after that year), e.g. East Kazakhstan in 2021 →
 * [KZ-63, KZ-10]. A region that did not exist in `year` covers nothing.
 */
export function regionsCoveringOldRegion(regionId: string, year: number): string[] {
  getRegion(regionId);
  if (mapToRegionOfYear(regionId, year) !== regionId) return [];
  return REGIONS.filter((r) => mapToRegionOfYear(r.id, year) === regionId).map((r) => r.id);
}

/** Whether the region existed as a first-level division in `year` (for years since independence). */
export function regionExistedIn(regionId: string, year: number): boolean {
  return mapToRegionOfYear(regionId, year) === regionId;
}

/** Regions that receive resettlers. */
export function resettlementTargetRegions(): RegionInfo[] {
  return REGIONS.filter((r) => r.isResettlementTarget);
}

/** Labour-surplus regions that settlers come from. */
export function labourSurplusRegions(): RegionInfo[] {
  return REGIONS.filter((r) => r.isLabourSurplus);
}

const d = (regionId: string, kk: string, ru: string, en: string): DistrictInfo => ({ regionId, name: n(kk, ru, en) });

/**
 * Districts (audandar) and cities of regional significance of the resettlement-target regions, where
 * families are placed. Not exhaustive for cities; district names follow the renamings up to 2023.
 */
export const DISTRICTS: readonly DistrictInfo[] = [
  // Pavlodar Region
  d("KZ-55", "Ақтоғай ауданы", "Актогайский район", "Aktogay District"),
  d("KZ-55", "Баянауыл ауданы", "Баянаульский район", "Bayanaul District"),
  d("KZ-55", "Железин ауданы", "Железинский район", "Zhelezin District"),
  d("KZ-55", "Ертіс ауданы", "Иртышский район", "Irtysh District"),
  d("KZ-55", "Тереңкөл ауданы", "Теренкольский район", "Terenkol District"),
  d("KZ-55", "Аққулы ауданы", "Аккулинский район", "Akkuly District"),
  d("KZ-55", "Май ауданы", "Майский район", "May District"),
  d("KZ-55", "Павлодар ауданы", "Павлодарский район", "Pavlodar District"),
  d("KZ-55", "Успен ауданы", "Успенский район", "Uspen District"),
  d("KZ-55", "Шарбақты ауданы", "Щербактинский район", "Sharbakty District"),
  d("KZ-55", "Екібастұз қаласы", "город Экибастуз", "Ekibastuz City"),
  d("KZ-55", "Ақсу қаласы", "город Аксу", "Aksu City"),
  // Akmola Region
  d("KZ-11", "Ақкөл ауданы", "Аккольский район", "Akkol District"),
  d("KZ-11", "Аршалы ауданы", "Аршалынский район", "Arshaly District"),
  d("KZ-11", "Астрахан ауданы", "Астраханский район", "Astrakhan District"),
  d("KZ-11", "Атбасар ауданы", "Атбасарский район", "Atbasar District"),
  d("KZ-11", "Бұланды ауданы", "Буландынский район", "Bulandy District"),
  d("KZ-11", "Бурабай ауданы", "Бурабайский район", "Burabay District"),
  d("KZ-11", "Біржан сал ауданы", "район Биржан сал", "Birzhan Sal District"),
  d("KZ-11", "Ерейментау ауданы", "Ерейментауский район", "Ereymentau District"),
  d("KZ-11", "Есіл ауданы", "Есильский район", "Esil District"),
  d("KZ-11", "Жарқайың ауданы", "Жаркаинский район", "Zharkaiyn District"),
  d("KZ-11", "Зеренді ауданы", "Зерендинский район", "Zerendi District"),
  d("KZ-11", "Целиноград ауданы", "Целиноградский район", "Tselinograd District"),
  d("KZ-11", "Шортанды ауданы", "Шортандинский район", "Shortandy District"),
  // Abai Region
  d("KZ-10", "Абай ауданы", "Абайский район", "Abai District"),
  d("KZ-10", "Ақсуат ауданы", "Аксуатский район", "Aksuat District"),
  d("KZ-10", "Аягөз ауданы", "Аягозский район", "Ayagoz District"),
  d("KZ-10", "Бесқарағай ауданы", "Бескарагайский район", "Beskaragay District"),
  d("KZ-10", "Бородулиха ауданы", "Бородулихинский район", "Borodulikha District"),
  d("KZ-10", "Жарма ауданы", "Жарминский район", "Zharma District"),
  d("KZ-10", "Жаңасемей ауданы", "Жанасемейский район", "Zhanasemey District"),
  d("KZ-10", "Көкпекті ауданы", "Кокпектинский район", "Kokpekti District"),
  d("KZ-10", "Мақаншы ауданы", "Маканчинский район", "Makanshy District"),
  d("KZ-10", "Үржар ауданы", "Урджарский район", "Urzhar District"),
  // East Kazakhstan Region
  d("KZ-63", "Алтай ауданы", "Алтайский район", "Altai District"),
  d("KZ-63", "Глубокое ауданы", "Глубоковский район", "Glubokoye District"),
  d("KZ-63", "Зайсан ауданы", "Зайсанский район", "Zaysan District"),
  d("KZ-63", "Катонқарағай ауданы", "Катон-Карагайский район", "Katonkaragay District"),
  d("KZ-63", "Күршім ауданы", "Курчумский район", "Kurshim District"),
  d("KZ-63", "Марқакөл ауданы", "Маркакольский район", "Markakol District"),
  d("KZ-63", "Самар ауданы", "Самарский район", "Samar District"),
  d("KZ-63", "Тарбағатай ауданы", "Тарбагатайский район", "Tarbagatay District"),
  d("KZ-63", "Ұлан ауданы", "Уланский район", "Ulan District"),
  d("KZ-63", "Үлкен Нарын ауданы", "Улькен Нарынский район", "Ulken Naryn District"),
  d("KZ-63", "Шемонаиха ауданы", "Шемонаихинский район", "Shemonaikha District"),
  // North Kazakhstan Region
  d("KZ-59", "Айыртау ауданы", "Айыртауский район", "Aiyrtau District"),
  d("KZ-59", "Ақжар ауданы", "Акжарский район", "Akzhar District"),
  d("KZ-59", "Аққайың ауданы", "Аккайынский район", "Akkaiyn District"),
  d("KZ-59", "Есіл ауданы", "Есильский район", "Esil District"),
  d("KZ-59", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District"),
  d("KZ-59", "Мағжан Жұмабаев ауданы", "район Магжана Жумабаева", "Magzhan Zhumabayev District"),
  d("KZ-59", "Қызылжар ауданы", "Кызылжарский район", "Kyzylzhar District"),
  d("KZ-59", "Мамлют ауданы", "Мамлютский район", "Mamlyut District"),
  d("KZ-59", "Ғабит Мүсірепов ауданы", "район Габита Мусрепова", "Gabit Musrepov District"),
  d("KZ-59", "Тайынша ауданы", "Тайыншинский район", "Taiynsha District"),
  d("KZ-59", "Тимирязев ауданы", "Тимирязевский район", "Timiryazev District"),
  d("KZ-59", "Уәлиханов ауданы", "Уалихановский район", "Ualikhanov District"),
  d("KZ-59", "Шал ақын ауданы", "район Шал акына", "Shal Akyn District"),
  // Kostanay Region
  d("KZ-39", "Алтынсарин ауданы", "Алтынсаринский район", "Altynsarin District"),
  d("KZ-39", "Амангелді ауданы", "Амангельдинский район", "Amangeldi District"),
  d("KZ-39", "Әулиекөл ауданы", "Аулиекольский район", "Auliekol District"),
  d("KZ-39", "Бейімбет Майлин ауданы", "район Беимбета Майлина", "Beimbet Mailin District"),
  d("KZ-39", "Денисов ауданы", "Денисовский район", "Denisov District"),
  d("KZ-39", "Жітіқара ауданы", "Житикаринский район", "Zhitikara District"),
  d("KZ-39", "Қамысты ауданы", "Камыстинский район", "Kamysty District"),
  d("KZ-39", "Қарабалық ауданы", "Карабалыкский район", "Karabalyk District"),
  d("KZ-39", "Қостанай ауданы", "Костанайский район", "Kostanay District"),
  d("KZ-39", "Меңдіқара ауданы", "Мендыкаринский район", "Mendykara District"),
  d("KZ-39", "Сарыкөл ауданы", "Сарыкольский район", "Sarykol District"),
  d("KZ-39", "Ұзынкөл ауданы", "Узункольский район", "Uzunkol District"),
  d("KZ-39", "Федоров ауданы", "Федоровский район", "Fedorov District"),
  // Atyrau Region
  d("KZ-23", "Жылыой ауданы", "Жылыойский район", "Zhylyoi District"),
  d("KZ-23", "Индер ауданы", "Индерский район", "Inder District"),
  d("KZ-23", "Исатай ауданы", "Исатайский район", "Isatai District"),
  d("KZ-23", "Құрманғазы ауданы", "Курмангазинский район", "Kurmangazy District"),
  d("KZ-23", "Қызылқоға ауданы", "Кзылкогинский район", "Kyzylkoga District"),
  d("KZ-23", "Мақат ауданы", "Макатский район", "Makat District"),
  d("KZ-23", "Махамбет ауданы", "Махамбетский район", "Makhambet District"),
  // West Kazakhstan Region
  d("KZ-27", "Ақжайық ауданы", "Акжаикский район", "Akzhaiyk District"),
  d("KZ-27", "Бәйтерек ауданы", "Байтерекский район", "Baiterek District"),
  d("KZ-27", "Бөкей ордасы ауданы", "Бокейординский район", "Bokey Orda District"),
  d("KZ-27", "Бөрлі ауданы", "Бурлинский район", "Burli District"),
  d("KZ-27", "Жаңақала ауданы", "Жангалинский район", "Zhangala District"),
  d("KZ-27", "Жәнібек ауданы", "Жанибекский район", "Zhanibek District"),
  d("KZ-27", "Қазталов ауданы", "Казталовский район", "Kaztalov District"),
  d("KZ-27", "Қаратөбе ауданы", "Каратобинский район", "Karatobe District"),
  d("KZ-27", "Сырым ауданы", "Сырымский район", "Syrym District"),
  d("KZ-27", "Тасқала ауданы", "Таскалинский район", "Taskala District"),
  d("KZ-27", "Теректі ауданы", "Теректинский район", "Terekti District"),
  d("KZ-27", "Шыңғырлау ауданы", "Чингирлауский район", "Shyngyrlau District"),
  // Ulytau Region: two districts and three cities of regional significance
  d("KZ-62", "Жаңаарқа ауданы", "Жанааркинский район", "Zhanaarka District"),
  d("KZ-62", "Ұлытау ауданы", "Улытауский район", "Ulytau District"),
  d("KZ-62", "Жезқазған қаласы", "город Жезказган", "Zhezkazgan City"),
  d("KZ-62", "Сәтбаев қаласы", "город Сатпаев", "Satbayev City"),
  d("KZ-62", "Қаражал қаласы", "город Каражал", "Karazhal City"),
  // Karaganda Region
  d("KZ-35", "Абай ауданы", "Абайский район", "Abai District"),
  d("KZ-35", "Ақтоғай ауданы", "Актогайский район", "Aktogay District"),
  d("KZ-35", "Бұқар жырау ауданы", "Бухар-Жырауский район", "Bukhar-Zhyrau District"),
  d("KZ-35", "Қарқаралы ауданы", "Каркаралинский район", "Karkaraly District"),
  d("KZ-35", "Нұра ауданы", "Нуринский район", "Nura District"),
  d("KZ-35", "Осакаров ауданы", "Осакаровский район", "Osakarov District"),
  d("KZ-35", "Шет ауданы", "Шетский район", "Shet District"),
  d("KZ-35", "Теміртау қаласы", "город Темиртау", "Temirtau City"),
  d("KZ-35", "Балқаш қаласы", "город Балхаш", "Balkhash City"),
];

/** Districts of one region, in the order of `DISTRICTS`. */
export function districtsOf(regionId: string): DistrictInfo[] {
  return DISTRICTS.filter((x) => x.regionId === regionId);
}
