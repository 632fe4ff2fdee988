/**
 * The regional employment centre as a family reads it on the receipt, the printed letters and the public
 * status page: the address in the page's language, the phone (also as a tel: link) and the weekday
 * opening hours. The columns are optional (a deployment enters them), so every part may be absent.
 */
import type { Locale } from "./locale";

/** The region's centre columns as stored (lib/db selects exactly these). */
export type EmploymentCentreColumns = {
  officeAddressKk: string | null;
  officeAddressRu: string | null;
  officeAddressEn: string | null;
  officePhone: string | null;
  officeHours: string | null;
  officeBreak: string | null;
};

/** What a page shows; null parts are left out. */
export type EmploymentCentre = {
  address: string | null;
  phone: string | null;
  /** The phone as a tel: address (digits and a leading +), or null when there is no phone. */
  phoneHref: string | null;
  hours: string | null;
  lunchBreak: string | null;
};

/** The select of the centre's columns, for every query that shows them. */
export const EMPLOYMENT_CENTRE_SELECT = {
  officeAddressKk: true,
  officeAddressRu: true,
  officeAddressEn: true,
  officePhone: true,
  officeHours: true,
  officeBreak: true,
} as const;

const present = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** A phone as typed ("+7 7182 32-54-71") as a tel: address ("tel:+77182325471"), or null. */
export function phoneHref(phone: string | null): string | null {
  const text = present(phone);
  if (!text) return null;
  const digits = text.replace(/[^0-9]/g, "");
  if (digits.length === 0) return null;
  return `tel:${text.startsWith("+") ? "+" : ""}${digits}`;
}

/**
 * The centre in a language: the address in that language, or the Russian one (then the Kazakh one)
 * when it was not entered in it, since an address in another language still finds the door.
 */
export function employmentCentre(columns: EmploymentCentreColumns, locale: Locale): EmploymentCentre {
  const byLocale = { kk: columns.officeAddressKk, ru: columns.officeAddressRu, en: columns.officeAddressEn };
  const phone = present(columns.officePhone);
  return {
    address: present(byLocale[locale]) ?? present(columns.officeAddressRu) ?? present(columns.officeAddressKk),
    phone,
    phoneHref: phoneHref(phone),
    hours: present(columns.officeHours),
    lunchBreak: present(columns.officeBreak),
  };
}

/** Whether there is anything to show of the centre. */
export function hasEmploymentCentre(centre: EmploymentCentre): boolean {
  return centre.address !== null || centre.phone !== null || centre.hours !== null;
}
