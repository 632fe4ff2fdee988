/**
 * Realistic Kazakh personal names in Cyrillic (with Kazakh letters), for demo and test data, and the
 * rules that derive surname and patronymic forms. Latin spellings come from `transliterateKazakh`.
 */

/** Male given names. */
export const MALE_GIVEN_NAMES: readonly string[] = [
  "Нұрлан",
  "Ерлан",
  "Қайрат",
  "Асхат",
  "Бауыржан",
  "Ержан",
  "Дәурен",
  "Арман",
  "Нұрсұлтан",
  "Әлібек",
  "Айдос",
  "Бекзат",
  "Дархан",
  "Ғалым",
  "Жандос",
  "Мұрат",
  "Серік",
  "Талғат",
  "Марат",
  "Ерболат",
  "Ақжол",
  "Әділет",
  "Елдос",
  "Мейрамбек",
  "Санжар",
  "Темірлан",
  "Нұрболат",
  "Абылай",
  "Алмас",
  "Болат",
  "Қанат",
  "Жасұлан",
  "Рүстем",
  "Еркебұлан",
  "Ақылбек",
  "Дамир",
  "Ілияс",
  "Самат",
  "Бақытжан",
  "Ислам",
  "Ернар",
  "Жеңіс",
  "Мақсат",
  "Олжас",
  "Тимур",
  "Азамат",
  "Байұлан",
  "Жарқын",
  "Шыңғыс",
  "Аян",
];

/** Female given names. */
export const FEMALE_GIVEN_NAMES: readonly string[] = [
  "Айгерім",
  "Жанар",
  "Гүлнар",
  "Әйгерім",
  "Динара",
  "Мәдина",
  "Аружан",
  "Ақмарал",
  "Әсел",
  "Гүлжан",
  "Жазира",
  "Ұлжан",
  "Сәуле",
  "Айжан",
  "Назерке",
  "Балжан",
  "Ләззат",
  "Мөлдір",
  "Іңкәр",
  "Томирис",
  "Жансая",
  "Қарлығаш",
  "Ботагөз",
  "Шынар",
  "Райхан",
  "Ақбота",
  "Нұргүл",
  "Айнұр",
  "Гаухар",
  "Күлпаш",
  "Салтанат",
  "Бибігүл",
  "Құралай",
  "Жұлдыз",
  "Гүлмира",
  "Әлия",
  "Дана",
  "Меруерт",
  "Толғанай",
  "Зере",
];

/** Surname stems in the masculine form; the feminine form adds "а" (Қасымов → Қасымова). */
export const SURNAMES: readonly string[] = [
  "Қасымов",
  "Сейітов",
  "Жұмабаев",
  "Оспанов",
  "Әбілов",
  "Нұрғалиев",
  "Төлеуов",
  "Ахметов",
  "Серікбаев",
  "Бекмұхамбетов",
  "Құрманов",
  "Сәрсенбаев",
  "Тұрсынов",
  "Ысқақов",
  "Мұхамедов",
  "Исабеков",
  "Ғабдуллин",
  "Жақсыбеков",
  "Әміров",
  "Байжанов",
  "Омаров",
  "Қалиев",
  "Есенов",
  "Мұратов",
  "Тоқтаров",
  "Ержанов",
  "Смағұлов",
  "Дүйсенов",
  "Шәріпов",
  "Әлімжанов",
  "Бейсенов",
  "Қуанышев",
  "Нұрпейісов",
  "Жанұзақов",
  "Өтебаев",
  "Үсенов",
  "Рахымжанов",
  "Темірбеков",
  "Ибраев",
  "Мамыров",
];

/** Professions recorded for adults (free text in the case file). */
export const PROFESSIONS: readonly string[] = [
  "мұғалім",
  "жүргізуші",
  "дәрігер",
  "мейірбике",
  "агроном",
  "мал дәрігері",
  "инженер",
  "есепші",
  "дәнекерлеуші",
  "құрылысшы",
  "тракторшы",
  "аспаз",
  "тігінші",
  "электрик",
  "бағдарламашы",
  "сатушы",
  "малшы",
  "механик",
];

export type NameSex = "M" | "F";

/** The surname in the form for a sex: Қасымов/Қасымова, Ғабдуллин/Ғабдуллина; other endings are kept. */
export function surnameForSex(masculine: string, sex: NameSex): string {
  if (sex === "M") return masculine;
  return /(ов|ев|ин)$/.test(masculine) ? `${masculine}а` : masculine;
}

/**
 * A patronymic from the father's given name, Kazakh style (Нұрланұлы / Нұрланқызы, written as one word
 * as in documents) or Russian style (Нұрланович / Нұрлановна; names ending in й take -евич/-евна).
 */
export function patronymicFrom(fatherGivenName: string, sex: NameSex, style: "kazakh" | "russian"): string {
  if (style === "kazakh") return `${fatherGivenName}${sex === "M" ? "ұлы" : "қызы"}`;
  if (fatherGivenName.endsWith("й")) return `${fatherGivenName.slice(0, -1)}${sex === "M" ? "евич" : "евна"}`;
  return `${fatherGivenName}${sex === "M" ? "ович" : "овна"}`;
}
