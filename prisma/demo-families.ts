/**
 * Hand-picked demo families with fixed heads, so that tests can find them by the head's IIN or surname
 * (the surnames are not in the random name pool). Everything else about them is generated.
 */
import type { CaseStatus, Category, Sex } from "@/lib/generated/prisma/enums";
import { generateIin } from "@/lib/domain/iin";

export interface ShowcaseFamily {
  key: string;
  category: Category;
  status: CaseStatus;
  targetRegionId: string;
  originCountry?: string;
  originRegionId?: string;
  size: number;
  /** surnameCyr is the masculine form; a female head carries the feminine one (Досмағамбетова). */
  head: {
    surnameCyr: string;
    givenNameCyr: string;
    patronymicCyr: string | null;
    sex: Sex;
    birthDate: Date;
    iin: string;
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function showcase(
  key: string,
  category: Category,
  status: CaseStatus,
  targetRegionId: string,
  origin: string,
  size: number,
  surnameCyr: string,
  givenNameCyr: string,
  patronymicCyr: string | null,
  sex: Sex,
  birthIso: string,
  serial: number,
): ShowcaseFamily {
  const birthDate = day(birthIso);
  return {
    key,
    category,
    status,
    targetRegionId,
    ...(category === "KANDAS" ? { originCountry: origin } : { originRegionId: origin }),
    size,
    head: { surnameCyr, givenNameCyr, patronymicCyr, sex, birthDate, iin: generateIin(birthDate, sex, serial) },
  };
}

/** Showcase families; Pavlodar (KZ-55) and Akmola (KZ-11) have demo users. */
export const SHOWCASE_FAMILIES: readonly ShowcaseFamily[] = [
  showcase(
    "pavlodar-registered",
    "KANDAS",
    "REGISTERED",
    "KZ-55",
    "CN",
    4,
    "Бекболатов",
    "Нұрлан",
    "Серікұлы",
    "M",
    "1986-03-14",
    4101,
  ),
  showcase(
    "pavlodar-under-review",
    "KANDAS",
    "UNDER_REVIEW",
    "KZ-55",
    "UZ",
    3,
    "Ордабаев",
    "Ғалым",
    "Асхатұлы",
    "M",
    "1990-07-02",
    4102,
  ),
  showcase(
    "pavlodar-approved",
    "KANDAS",
    "APPROVED",
    "KZ-55",
    "MN",
    5,
    "Сұлтанбеков",
    "Бауыржан",
    null,
    "M",
    "1981-11-23",
    4103,
  ),
  showcase(
    "pavlodar-settler-allocated",
    "SETTLER",
    "QUOTA_ALLOCATED",
    "KZ-55",
    "KZ-61",
    4,
    "Керімбаев",
    "Жандос",
    "Маратович",
    "M",
    "1988-05-09",
    4104,
  ),
  showcase(
    "pavlodar-resettled",
    "KANDAS",
    "RESETTLED",
    "KZ-55",
    "UZ",
    2,
    "Досмағамбетов",
    "Жанар",
    "Қайратқызы",
    "F",
    "1979-09-30",
    4105,
  ),
  showcase(
    "akmola-under-review",
    "KANDAS",
    "UNDER_REVIEW",
    "KZ-11",
    "CN",
    3,
    "Жаңабаев",
    "Ерлан",
    "Болатұлы",
    "M",
    "1992-02-17",
    4106,
  ),
  showcase(
    "akmola-approved",
    "KANDAS",
    "APPROVED",
    "KZ-11",
    "UZ",
    4,
    "Әбдірахманов",
    "Арман",
    "Талғатұлы",
    "M",
    "1984-12-05",
    4107,
  ),
];

/** The showcase family with this key; throws for an unknown key. */
export function showcaseFamily(key: string): ShowcaseFamily {
  const f = SHOWCASE_FAMILIES.find((x) => x.key === key);
  if (!f) throw new RangeError(`No showcase family ${key}`);
  return f;
}
