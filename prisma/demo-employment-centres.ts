/**
 * The regional employment centres of the demo data set: the address, phone and opening hours that the
 * receipt and the public status page give a family. Invented but plausible (real street names of each
 * centre's city, the city's dialling code); a deployment enters its own.
 */
export type DemoEmploymentCentre = {
  address: { kk: string; ru: string; en: string };
  phone: string;
  hours: string;
  lunchBreak: string;
};

const HOURS = "09:00–18:30";
const BREAK = "13:00–14:30";

const centre = (kk: string, ru: string, en: string, phone: string): DemoEmploymentCentre => ({
  address: { kk, ru, en },
  phone,
  hours: HOURS,
  lunchBreak: BREAK,
});

/** One per region and city, by ISO 3166-2:KZ id (lib/domain/regions.ts). */
export const DEMO_EMPLOYMENT_CENTRES: Readonly<Record<string, DemoEmploymentCentre>> = {
  "KZ-10": centre(
    "Семей қ., Шәкәрім даңғылы, 40",
    "г. Семей, пр. Шакарима, 40",
    "40 Shakarim Ave, Semey",
    "+7 7222 52-14-30",
  ),
  "KZ-11": centre(
    "Көкшетау қ., Абай к-сі, 89",
    "г. Кокшетау, ул. Абая, 89",
    "89 Abai St, Kokshetau",
    "+7 7162 25-41-08",
  ),
  "KZ-15": centre(
    "Ақтөбе қ., Әбілқайыр хан даңғылы, 40",
    "г. Актобе, пр. Абилкайыр хана, 40",
    "40 Abilkair Khan Ave, Aktobe",
    "+7 7132 54-20-17",
  ),
  "KZ-19": centre(
    "Қонаев қ., 4-шағын аудан, 12",
    "г. Конаев, 4-й микрорайон, 12",
    "12 Microdistrict 4, Konaev",
    "+7 72772 4-15-62",
  ),
  "KZ-23": centre(
    "Атырау қ., Сәтбаев даңғылы, 7",
    "г. Атырау, пр. Сатпаева, 7",
    "7 Satpayev Ave, Atyrau",
    "+7 7122 27-36-11",
  ),
  "KZ-27": centre(
    "Орал қ., Достық даңғылы, 184",
    "г. Уральск, пр. Достык, 184",
    "184 Dostyk Ave, Oral",
    "+7 7112 50-62-45",
  ),
  "KZ-31": centre(
    "Тараз қ., Төле би к-сі, 35",
    "г. Тараз, ул. Толе би, 35",
    "35 Tole Bi St, Taraz",
    "+7 7262 43-08-19",
  ),
  "KZ-33": centre(
    "Талдықорған қ., Қабанбай батыр к-сі, 26",
    "г. Талдыкорган, ул. Кабанбай батыра, 26",
    "26 Kabanbai Batyr St, Taldykorgan",
    "+7 7282 24-17-53",
  ),
  "KZ-35": centre(
    "Қарағанды қ., Бұқар жырау даңғылы, 47",
    "г. Караганда, пр. Бухар жырау, 47",
    "47 Bukhar Zhyrau Ave, Karaganda",
    "+7 7212 41-26-90",
  ),
  "KZ-39": centre(
    "Қостанай қ., Әл-Фараби даңғылы, 65",
    "г. Костанай, пр. Аль-Фараби, 65",
    "65 Al-Farabi Ave, Kostanay",
    "+7 7142 53-71-24",
  ),
  "KZ-43": centre(
    "Қызылорда қ., Әйтеке би к-сі, 29",
    "г. Кызылорда, ул. Айтеке би, 29",
    "29 Aiteke Bi St, Kyzylorda",
    "+7 7242 23-45-07",
  ),
  "KZ-47": centre(
    "Ақтау қ., 9-шағын аудан, 23",
    "г. Актау, 9-й микрорайон, 23",
    "23 Microdistrict 9, Aktau",
    "+7 7292 42-63-18",
  ),
  "KZ-55": centre(
    "Павлодар қ., Академик Сәтбаев к-сі, 136",
    "г. Павлодар, ул. Академика Сатпаева, 136",
    "136 Akademik Satpayev St, Pavlodar",
    "+7 7182 32-54-71",
  ),
  "KZ-59": centre(
    "Петропавл қ., Қазақстан Конституциясы к-сі, 58",
    "г. Петропавловск, ул. Конституции Казахстана, 58",
    "58 Constitution of Kazakhstan St, Petropavl",
    "+7 7152 46-12-83",
  ),
  "KZ-61": centre(
    "Түркістан қ., Тәуке хан даңғылы, 201",
    "г. Туркестан, пр. Тауке хана, 201",
    "201 Tauke Khan Ave, Turkistan",
    "+7 72533 5-28-46",
  ),
  "KZ-62": centre(
    "Жезқазған қ., Алашахан даңғылы, 15",
    "г. Жезказган, пр. Алашахана, 15",
    "15 Alashakhan Ave, Zhezkazgan",
    "+7 7102 73-40-26",
  ),
  "KZ-63": centre(
    "Өскемен қ., Қазақстан к-сі, 59",
    "г. Усть-Каменогорск, ул. Казахстан, 59",
    "59 Kazakhstan St, Oskemen",
    "+7 7232 57-19-34",
  ),
  "KZ-71": centre(
    "Астана қ., Бейбітшілік к-сі, 11",
    "г. Астана, ул. Бейбитшилик, 11",
    "11 Beibitshilik St, Astana",
    "+7 7172 55-80-42",
  ),
  "KZ-75": centre(
    "Алматы қ., Абылай хан даңғылы, 91",
    "г. Алматы, пр. Абылай хана, 91",
    "91 Ablai Khan Ave, Almaty",
    "+7 727 272-31-65",
  ),
  "KZ-79": centre(
    "Шымкент қ., Тәуке хан даңғылы, 5",
    "г. Шымкент, пр. Тауке хана, 5",
    "5 Tauke Khan Ave, Shymkent",
    "+7 7252 53-06-91",
  ),
};
