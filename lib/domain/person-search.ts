import { foldForSearch } from "@/lib/domain/transliteration";

export type PersonNames = {
  surnameCyr: string;
  givenNameCyr: string;
  patronymicCyr?: string | null;
  surnameLat: string;
  givenNameLat: string;
  patronymicLat?: string | null;
};

/**
 * The text a person is found by: every spelling of the name, Cyrillic and Latin, folded so that
 * Kazakh letters typed as Russian ones still match. Stored in person.searchText (trigram-indexed).
 */
export function personSearchText(names: PersonNames): string {
  return foldForSearch(
    [
      names.surnameCyr,
      names.givenNameCyr,
      names.patronymicCyr,
      names.surnameLat,
      names.givenNameLat,
      names.patronymicLat,
    ]
      .filter((part): part is string => Boolean(part && part.trim()))
      .map((part) => part.trim())
      .join(" "),
  );
}
