import { describe, expect, it } from "vitest";
import { employmentCentre, hasEmploymentCentre, phoneHref, type EmploymentCentreColumns } from "./employment-centre";

const PAVLODAR: EmploymentCentreColumns = {
  officeAddressKk: "Павлодар қ., Академик Сәтбаев к-сі, 136",
  officeAddressRu: "г. Павлодар, ул. Академика Сатпаева, 136",
  officeAddressEn: "136 Akademik Satpayev St, Pavlodar",
  officePhone: "+7 7182 32-54-71",
  officeHours: "09:00–18:30",
  officeBreak: "13:00–14:30",
};

const EMPTY: EmploymentCentreColumns = {
  officeAddressKk: null,
  officeAddressRu: null,
  officeAddressEn: null,
  officePhone: null,
  officeHours: null,
  officeBreak: null,
};

describe("phoneHref", () => {
  it("keeps the leading plus and the digits only", () => {
    expect(phoneHref("+7 7182 32-54-71")).toBe("tel:+77182325471");
    expect(phoneHref("8 (7182) 32 54 71")).toBe("tel:87182325471");
  });

  it("is null without a phone or without digits", () => {
    expect(phoneHref(null)).toBeNull();
    expect(phoneHref("  ")).toBeNull();
    expect(phoneHref("нет")).toBeNull();
  });
});

describe("employmentCentre", () => {
  it("gives the address in the page's language", () => {
    expect(employmentCentre(PAVLODAR, "kk").address).toBe(PAVLODAR.officeAddressKk);
    expect(employmentCentre(PAVLODAR, "ru").address).toBe(PAVLODAR.officeAddressRu);
    expect(employmentCentre(PAVLODAR, "en").address).toBe(PAVLODAR.officeAddressEn);
  });

  it("falls back to the Russian, then the Kazakh address when the language's is blank", () => {
    expect(employmentCentre({ ...PAVLODAR, officeAddressEn: " " }, "en").address).toBe(PAVLODAR.officeAddressRu);
    expect(employmentCentre({ ...PAVLODAR, officeAddressEn: null, officeAddressRu: null }, "en").address).toBe(
      PAVLODAR.officeAddressKk,
    );
    expect(employmentCentre({ ...PAVLODAR, officeAddressKk: null }, "kk").address).toBe(PAVLODAR.officeAddressRu);
  });

  it("gives phone, tel: link, hours and lunch break", () => {
    expect(employmentCentre(PAVLODAR, "ru")).toMatchObject({
      phone: "+7 7182 32-54-71",
      phoneHref: "tel:+77182325471",
      hours: "09:00–18:30",
      lunchBreak: "13:00–14:30",
    });
  });

  it("leaves out what was not entered, and says when nothing was", () => {
    const none = employmentCentre(EMPTY, "kk");
    expect(none).toEqual({ address: null, phone: null, phoneHref: null, hours: null, lunchBreak: null });
    expect(hasEmploymentCentre(none)).toBe(false);
    expect(hasEmploymentCentre(employmentCentre({ ...EMPTY, officePhone: "1414" }, "kk"))).toBe(true);
  });
});
