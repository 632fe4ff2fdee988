/**
 * The result page of the public status lookup: the status in plain words, the main steps with their
 * dates, what happens next and what the family must do, quota and arrival once allocated, and whom to
 * ask (the region's employment centre: address, phone, hours). It shows no identifier, address, phone
 * or other member's data of the family: only what PublicCaseView holds.
 */
import type { PublicCaseView } from "@/lib/db/public-lookup";
import { employmentCentre } from "@/lib/domain/employment-centre";
import { localName, type Locale } from "@/lib/i18n/config";
import { openingHoursText } from "@/lib/i18n/opening-hours";
import { markup, type SafeHtml } from "./html";
import { layout, STATUS_PATH } from "./layout";
import { statusTexts, type StatusTexts } from "./texts";

/** The programme's national contact centre, beside the regional employment centre's own number. */
export const CONTACT_CENTRE_PHONE = "1414";

function todo({ t, has }: StatusTexts, view: PublicCaseView): SafeHtml {
  const actions = view.familyActions.filter((action) => has(`status.action.${action}`));
  if (actions.length === 0) return markup`<p>${t("status.result.nothingToDo")}</p>`;
  const documents = [...new Set(view.missingDocuments)].map((kind) => markup`<li>${t(`status.document.${kind}`)}</li>`);
  const items = actions.map((action) => {
    const list = action === "bring-documents" && documents.length > 0 ? markup`<ul>${documents}</ul>` : "";
    return markup`<li>${t(`status.action.${action}`)}${list}</li>`;
  });
  return markup`<ul>${items}</ul>`;
}

function resettlement({ t, day }: StatusTexts, view: PublicCaseView): SafeHtml | "" {
  const lines = [
    view.allocation &&
      t("status.result.quota", { year: String(view.allocation.year), persons: view.allocation.persons }),
    view.plannedArrival && t("status.result.plannedArrival", { date: day(view.plannedArrival) }),
    view.arrivalDate && t("status.result.arrival", { date: day(view.arrivalDate) }),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return "";
  return markup`<h2>${t("status.result.resettlement")}</h2>${lines.map((line) => markup`<p>${line}</p>`)}`;
}

/** The employment centre's address, phone (a tel: link) and weekday hours, where they were entered. */
function centreLines({ t, locale }: StatusTexts, region: PublicCaseView["region"]): SafeHtml[] {
  const centre = employmentCentre(region, locale);
  const hours = centre.hours && openingHoursText(t, centre.hours, centre.lunchBreak);
  return [
    centre.address && markup`<dt>${t("papers.centre.address")}</dt><dd>${centre.address}</dd>`,
    centre.phone &&
      centre.phoneHref &&
      markup`<dt>${t("papers.centre.phone")}</dt><dd><a href="${centre.phoneHref}">${centre.phone}</a></dd>`,
    hours && markup`<dt>${t("papers.centre.hours")}</dt><dd>${hours}</dd>`,
  ].filter((line): line is SafeHtml => Boolean(line));
}

function contact(texts: StatusTexts, region: PublicCaseView["region"]): SafeHtml {
  const { t, locale } = texts;
  const regionName = localName(region, locale);
  const centreName = localName({ nameKk: region.centreKk, nameRu: region.centreRu, nameEn: region.centreEn }, locale);
  return markup`
    <h2>${t("status.result.contact")}</h2>
    <p>${t("status.result.centreNote")}</p>
    <dl>
      <dt>${t("status.result.region")}</dt><dd>${regionName}</dd>
      <dt>${t("status.result.centre")}</dt><dd>${centreName}</dd>
      ${centreLines(texts, region)}
    </dl>
    <p>${t("status.result.hotline")} <a href="tel:${CONTACT_CENTRE_PHONE}">${CONTACT_CENTRE_PHONE}</a></p>`;
}

/** The name as the page shows it: Cyrillic in Kazakh and Russian, the Latin spelling (if any) in English. */
function shownName(view: PublicCaseView, locale: Locale): string {
  return locale === "en" ? (view.headName.lat ?? view.headName.cyr) : view.headName.cyr;
}

/** POST /status on a match: the family's case in plain words. */
export function renderResultPage(locale: Locale, view: PublicCaseView): string {
  const texts = statusTexts(locale);
  const { t, has, day, dayOf } = texts;
  const heading = t("status.result.heading", { caseNumber: view.caseNumber });
  const nextKey = has(`status.next.${view.nextStep}`) ? `status.next.${view.nextStep}` : "status.action.contact-centre";
  const validity = view.statusValidUntil
    ? markup`<p>${t("status.result.validUntil", { date: day(view.statusValidUntil) })}</p>`
    : "";
  const steps = view.timeline.map((step) => markup`<li>${t(`status.${step.status}`)}: ${dayOf(step.at)}</li>`);
  const main = markup`
    <h1>${heading}</h1>
    <p>${t("status.result.head", { name: shownName(view, locale) })}</p>
    <p class="s">${t(`status.sentence.${view.status}`)}</p>
    <p>${t("status.result.since", { date: dayOf(view.statusSince) })}</p>
    ${validity}
    <h2>${t("status.result.timeline")}</h2>
    <ol>${steps}</ol>
    <h2>${t("status.result.next")}</h2>
    <p>${t(nextKey)}</p>
    <h2>${t("status.result.todo")}</h2>
    ${todo(texts, view)}
    ${resettlement(texts, view)}
    ${contact(texts, view.region)}
    <p><a href="${STATUS_PATH}">${t("status.result.again")}</a></p>`;
  return layout(texts, heading, main);
}
