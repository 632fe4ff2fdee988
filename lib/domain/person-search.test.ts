import { describe, expect, it } from "vitest";
import { personSearchText } from "./person-search";

describe("personSearchText", () => {
  it("joins both scripts and folds Kazakh letters to their Russian look-alikes", () => {
    expect(
      personSearchText({
        surnameCyr: "Қасымов",
        givenNameCyr: "Нұрлан",
        patronymicCyr: "Әбілұлы",
        surnameLat: "Kassymov",
        givenNameLat: "Nurlan",
        patronymicLat: null,
      }),
    ).toBe("касымов нурлан абилулы kassymov nurlan");
  });

  it("skips empty parts", () => {
    expect(
      personSearchText({
        surnameCyr: "Өмір",
        givenNameCyr: "Ақжол",
        patronymicCyr: " ",
        surnameLat: "Omir",
        givenNameLat: "Akzhol",
      }),
    ).toBe("омир акжол omir akzhol");
  });
});
