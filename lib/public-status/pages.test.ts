import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { PublicCaseView } from "@/lib/db/public-lookup";
import { CASE_STATUSES } from "@/lib/domain/case-status";
import { DOCUMENT_KINDS } from "@/lib/domain/documents";
import { FAMILY_ACTIONS, NEXT_STEPS } from "@/lib/domain/public-lookup";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { escapeHtml } from "./html";
import {
  CASE_NUMBER_MAX_CHARS,
  minutesToWait,
  renderFormPage,
  renderLimitedPage,
  renderMissPage,
  renderUnavailablePage,
  typedCaseNumber,
} from "./pages";
import { CONTACT_CENTRE_PHONE, renderResultPage } from "./result";
import { statusTexts } from "./texts";

/** A message as the page must show it (escaped). */
function message(locale: Locale, key: string): string {
  return escapeHtml(statusTexts(locale).t(key));
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const view: PublicCaseView = {
  caseNumber: "NK-2026-000417",
  category: "KANDAS",
  status: "QUOTA_ALLOCATED",
  statusSince: new Date("2026-03-20T05:30:00Z"),
  headName: { cyr: "Ерлан С.", lat: "Erlan S." },
  timeline: [
    { status: "REGISTERED", at: new Date("2026-01-12T04:00:00Z") },
    { status: "UNDER_REVIEW", at: new Date("2026-01-19T04:00:00Z") },
    { status: "APPROVED", at: new Date("2026-02-02T04:00:00Z") },
    // 23:30 UTC is already the next day in Almaty (UTC+5): the programme's day counts.
    { status: "QUOTA_ALLOCATED", at: new Date("2026-03-19T23:30:00Z") },
  ],
  nextStep: "arrival",
  familyActions: ["bring-documents", "renew-status", "prepare-arrival"],
  missingDocuments: ["AUTOBIOGRAPHY", "IDENTITY_TRANSLATION", "IDENTITY_TRANSLATION"],
  statusValidUntil: day("2027-02-02"),
  allocation: { year: 2026, pool: "KANDAS", persons: 4 },
  plannedArrival: day("2026-05-15"),
  arrivalDate: null,
  region: {
    id: "KZ-55",
    nameKk: "Павлодар облысы",
    nameRu: "Павлодарская область",
    nameEn: "Pavlodar Region",
    centreKk: "Павлодар",
    centreRu: "Павлодар",
    centreEn: "Pavlodar",
    officeAddressKk: "Павлодар қ., Академик Сәтбаев к-сі, 136",
    officeAddressRu: "г. Павлодар, ул. Академика Сатпаева, 136",
    officeAddressEn: "136 Akademik Satpayev St, Pavlodar",
    officePhone: "+7 7182 32-54-71",
    officeHours: "09:00–18:30",
    officeBreak: "13:00–14:30",
  },
};

function allPages(locale: Locale): string[] {
  return [
    renderFormPage(locale),
    renderMissPage(locale),
    renderResultPage(locale, view),
    renderLimitedPage(locale, 600),
    renderUnavailablePage(locale),
  ];
}

describe("public status pages", () => {
  it.each(LOCALES)("are complete HTML documents in %s, with no script of any kind", (locale) => {
    for (const page of allPages(locale)) {
      expect(page.startsWith(`<!doctype html><html lang="${locale}">`)).toBe(true);
      expect(page).toContain('<meta name="robots" content="noindex">');
      expect(page).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
      expect(page.endsWith("</main></body></html>")).toBe(true);
    }
  });

  it.each(LOCALES)("show the form in %s, posting to /status, with language links", (locale) => {
    const page = renderFormPage(locale);
    expect(page).toContain('<form method="post" action="/status">');
    expect(page).toContain(`<input type="hidden" name="lang" value="${locale}">`);
    for (const key of ["heading", "intro", "caseNumber", "birthDate", "iin", "iinHint", "submit"]) {
      expect(page).toContain(message(locale, `status.form.${key}`));
    }
    const hint = escapeHtml(statusTexts(locale).t("status.form.caseNumberHint", { example: "NK-2026-000123" }));
    expect(hint).toContain("NK-2026-000123");
    expect(page).toContain(`<small id="ch">${hint}</small>`);
    expect(page).toContain('name="birthDate" type="date"');
    for (const other of LOCALES)
      expect(page).toContain(`<a href="/status?lang=${other}" hreflang="${other}" lang="${other}"`);
    expect(page).toContain(`lang="${locale}" aria-current="true"`);
    expect(page).not.toContain(message(locale, "status.miss"));
  });

  it.each(LOCALES)(
    "answer a miss in %s with the form, the case number as typed and the limit of attempts",
    (locale) => {
      const page = renderMissPage(locale, "NK-2026-000417");
      expect(page).toContain(
        `<p class="n" role="alert">${message(locale, "status.miss")} ${message(locale, "papers.status.attemptsLimited")}</p>`,
      );
      expect(page).toContain('<form method="post" action="/status">');
      expect(page).toContain('maxlength="32" value="NK-2026-000417"');
      expect(page).not.toMatch(/name="(birthDate|iin)"[^>]*value=/);
      expect(renderMissPage(locale, "NK-2026-000417")).toBe(page);
      expect(renderMissPage(locale)).not.toContain('value="NK-');
      for (const other of LOCALES) expect(page).toContain(`href="/status?lang=${other}&amp;case=NK-2026-000417"`);
    },
  );

  it("give back what was typed as the case number escaped and cut to the field's length", () => {
    const page = renderMissPage("en", `"><script>alert(1)</script>`);
    expect(page).not.toContain("<script");
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(typedCaseNumber("  nk 2026 000417 ")).toBe("nk 2026 000417");
    expect(typedCaseNumber("A".repeat(10_000))).toBe("A".repeat(CASE_NUMBER_MAX_CHARS));
    expect(typedCaseNumber(undefined)).toBe("");
    expect(typedCaseNumber(["NK-2026-000417"])).toBe("");
  });

  it.each(LOCALES)("fill in the case number of the receipt's link in %s, and only the case number", (locale) => {
    const page = renderFormPage(locale, "NK-2026-000417");
    expect(page).toContain('value="NK-2026-000417"');
    expect(page).toContain(`<p>${message(locale, "status.form.intro")}</p>`);
    expect(page).not.toContain(message(locale, "status.miss"));
    expect(renderFormPage(locale)).not.toContain('value="NK-');
  });

  it("write the wait in whole minutes, rounded up, in the language", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(899)).toBe(15);
    expect(renderLimitedPage("en", 899)).toContain("Too many attempts. Try again in 15 minutes.");
    expect(renderLimitedPage("en", 30)).toContain("Try again in 1 minute.");
    expect(renderLimitedPage("ru", 3 * 60)).toContain("Попробуйте снова через 3 минуты.");
    expect(renderLimitedPage("ru", 5 * 60)).toContain("Попробуйте снова через 5 минут.");
    expect(renderLimitedPage("kk", 15 * 60)).toContain("15 минуттан кейін қайталап көріңіз.");
  });
});

describe("the result page", () => {
  it("tells the status, its date, the steps, what comes next and what to do, in English", () => {
    const page = renderResultPage("en", view);
    expect(page).toContain("<h1>Case NK-2026-000417</h1>");
    expect(page).toContain("<p>Head of family: Erlan S.</p>");
    expect(page).toContain('<p class="s">Your family has been included in the resettlement quota.</p>');
    expect(page).toContain("Last change: 20 March 2026");
    expect(page).toContain(
      "<ol><li>Registered: 12 January 2026</li><li>Under review: 19 January 2026</li><li>Approved: 2 February 2026</li><li>Included in the quota: 20 March 2026</li></ol>",
    );
    expect(page).toContain(`<p>${message("en", "status.next.arrival")}</p>`);
    expect(page).toContain(
      `<ul><li>${message("en", "status.action.bring-documents")}<ul><li>Autobiography</li><li>Notarised translations of the identity documents</li></ul></li>`,
    );
    expect(page).toContain(message("en", "status.action.renew-status"));
    expect(page).toContain("Kandas status valid until: 2 February 2027");
    expect(page).toContain("Included in the 2026 quota: 4 persons.");
    expect(page).toContain("Planned arrival date: 15 May 2026");
    expect(page).not.toContain("Arrival date:");
    expect(page).toContain("<dd>Pavlodar Region</dd>");
    expect(page).toContain("<dt>Address of the employment centre</dt><dd>136 Akademik Satpayev St, Pavlodar</dd>");
    expect(page).toContain(
      '<dt>Phone of the employment centre</dt><dd><a href="tel:+77182325471">+7 7182 32-54-71</a></dd>',
    );
    expect(page).toContain("<dt>Opening hours</dt><dd>Monday to Friday, 09:00–18:30; lunch break 13:00–14:30</dd>");
    expect(page).toContain(`<a href="tel:${CONTACT_CENTRE_PHONE}">1414</a>`);
    expect(page).toContain('<a href="/status">Check another case</a>');
  });

  it("writes names, region and dates in Russian and Kazakh", () => {
    const ru = renderResultPage("ru", view);
    expect(ru).toContain("Глава семьи: Ерлан С.");
    expect(ru).toContain(message("ru", "status.sentence.QUOTA_ALLOCATED"));
    expect(ru).toContain("Последнее изменение: 20 марта 2026");
    expect(ru).toContain("Семья включена в квоту 2026 года: 4 человека.");
    expect(ru).toContain("<dd>Павлодарская область</dd>");
    expect(ru).toContain("<dd>г. Павлодар, ул. Академика Сатпаева, 136</dd>");
    expect(ru).toContain("<dd>Понедельник–пятница, 09:00–18:30; обед 13:00–14:30</dd>");
    const kk = renderResultPage("kk", view);
    expect(kk).toContain("Отбасы басшысы: Ерлан С.");
    expect(kk).toContain(message("kk", "status.sentence.QUOTA_ALLOCATED"));
    expect(kk).toContain(message("kk", "status.next.arrival"));
    expect(kk).toContain("<dd>Павлодар облысы</dd>");
    expect(kk).toContain("<dd>Павлодар қ., Академик Сәтбаев к-сі, 136</dd>");
    expect(kk).toMatch(/Соңғы өзгеріс: [^<]*2026[^<]*наурыз/);
  });

  it("says there is nothing to do when nothing is asked, and shows no quota section before allocation", () => {
    const page = renderResultPage("en", {
      ...view,
      status: "UNDER_REVIEW",
      nextStep: "decision",
      familyActions: [],
      missingDocuments: [],
      statusValidUntil: null,
      allocation: null,
      plannedArrival: null,
      headName: { cyr: "Ерлан С.", lat: null },
    });
    expect(page).toContain(message("en", "status.result.nothingToDo"));
    expect(page).toContain("Head of family: Ерлан С.");
    expect(page).not.toContain(message("en", "status.result.resettlement"));
    expect(page).not.toContain("valid until");
  });

  it("leaves out the centre's address, phone and hours that were not entered", () => {
    const region = {
      ...view.region,
      officeAddressKk: null,
      officeAddressRu: null,
      officeAddressEn: null,
      officePhone: null,
      officeHours: null,
      officeBreak: null,
    };
    const page = renderResultPage("en", { ...view, region });
    expect(page).toContain("<dd>Pavlodar Region</dd>");
    expect(page).not.toContain("Address of the employment centre");
    expect(page).not.toContain("Phone of the employment centre");
    expect(page).not.toContain("Opening hours");
    const withoutBreak = renderResultPage("en", { ...view, region: { ...view.region, officeBreak: null } });
    expect(withoutBreak).toContain("<dd>Monday to Friday, 09:00–18:30</dd>");
  });

  it("escapes whatever the database holds", () => {
    const page = renderResultPage("en", {
      ...view,
      headName: { cyr: "<script>alert(1)</script>", lat: `"><img src=x onerror=alert(1)>` },
    });
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("stays well under 10 kB for a phone on a slow connection", () => {
    for (const locale of LOCALES) {
      const bytes = Buffer.byteLength(renderResultPage(locale, view));
      expect(bytes).toBeLessThan(10 * 1024);
      expect(gzipSync(renderResultPage(locale, view)).byteLength).toBeLessThan(4 * 1024);
    }
  });
});

describe("status messages", () => {
  it.each(LOCALES)("cover every status, next step, family action and document kind in %s", (locale) => {
    const keys = [
      ...CASE_STATUSES.flatMap((status) => [`status.sentence.${status}`, `status.${status}`]),
      ...NEXT_STEPS.map((step) => `status.next.${step}`),
      ...FAMILY_ACTIONS.map((action) => `status.action.${action}`),
      ...DOCUMENT_KINDS.map((kind) => `status.document.${kind}`),
    ];
    expect(keys.filter((key) => !statusTexts(locale).has(key))).toEqual([]);
  });
});
