import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getFamily } from "@/lib/db/families/get-family";
import { orNotFound } from "@/lib/page-data";
import { countryName } from "@/lib/domain/countries";
import { can } from "@/lib/domain/permissions";
import { localName, toLocale } from "@/lib/i18n/config";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { CaseWorkflowPanel } from "./_components/case-workflow-panel";
import { CaseFileSections } from "./_components/case-file-sections";
import { WaitlistPanel } from "./_components/waitlist-panel";
import { TransferPanel } from "./_components/transfer-panel";
import { StatusExtensionPanel } from "./_components/status-extension-panel";
import { CaseWorkPanel } from "./_components/case-work-panel";
import { CaseHistory } from "./_components/case-history";
import { hasDecision } from "@/lib/domain/family-papers";
import { CaseSectionNav } from "./_components/case-section-nav";

/** The sections the navigation links to, in page order: each id is its panel's heading (the address's #hash). */
const SECTIONS = [
  ["case-facts", "facts"],
  ["case-workflow", "workflow"],
  ["case-work", "work"],
  ["documents", "documents"],
  ["adaptation-plan", "plan"],
  ["support", "support"],
  ["notes", "notes"],
  ["members", "members"],
  ["history", "history"],
] as const;

const MAX_ID = 2_147_483_647;

async function loadFamily(rawId: string) {
  const user = await requireUser();
  const id = /^\d{1,10}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) notFound();
  return orNotFound(getFamily(user, id));
}

export async function generateMetadata() {
  const t = await getTranslations("family");
  return { title: t("title") };
}

export default async function FamilyPage({ params }: { params: Promise<{ id: string }> }) {
  const family = await loadFamily((await params).id);
  // The session of this request, looked up once (React cache) for loadFamily and here.
  const user = await requireUser();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const origin = family.originCountry
    ? countryName(family.originCountry, locale)
    : family.originRegion
      ? localName(family.originRegion, locale)
      : "—";

  const facts: [string, React.ReactNode][] = [
    [t("family.category"), t(`category.${family.category}`)],
    [t("family.origin"), origin],
    [
      t("family.target"),
      `${localName(family.targetRegion, locale)}${family.targetDistrict ? `, ${localName(family.targetDistrict, locale)}` : ""}`,
    ],
    [t("family.applicationDate"), date(family.applicationDate)],
    [t("family.decision"), family.decisionNumber ? `${family.decisionNumber} · ${date(family.decisionDate)}` : "—"],
    [t("family.statusValidUntil"), date(family.statusValidUntil)],
    [t("family.arrivalDate"), date(family.arrivalDate)],
    [t("family.phone"), family.contactPhone ?? "—"],
    [t("family.email"), family.contactEmail ?? "—"],
    [t("family.address"), family.address ?? "—"],
    [
      t("family.updated"),
      `${format.dateTime(family.updatedAt, { dateStyle: "medium", timeStyle: "short" })} · ${family.updatedBy.fullName}`,
    ],
  ];

  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold">{family.caseNumber}</h1>
        <StatusBadge status={family.status} label={t(`status.${family.status}`)} />
        <Link
          href={`/families/${family.id}/receipt`}
          className="ml-auto rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:underline"
        >
          {t("receipt.link")}
        </Link>
        <Link
          href={`/families/${family.id}/summary`}
          className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:underline"
        >
          {t("papers.summary.link")}
        </Link>
        {hasDecision(family) && (
          <Link
            href={`/families/${family.id}/decision-letter`}
            className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:underline"
          >
            {t("papers.letter.link")}
          </Link>
        )}
        {can(user, "audit.view") && (
          <Link
            href={`/admin/audit?case=${family.caseNumber}`}
            className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:underline"
          >
            {t("audit.accessHistory")}
          </Link>
        )}
        <Link
          href={`/families/${family.id}/edit`}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t("familyForm.edit")}
        </Link>
      </header>

      <CaseSectionNav
        label={t("casePage.nav.label")}
        sections={SECTIONS.map(([id, key]) => ({ id, label: t(`casePage.nav.${key}`) }))}
      />

      <Panel id="case-facts" title={t("family.facts")}>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-2 text-sm">
              <dt className="min-w-40 text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>

      <CaseWorkflowPanel family={family} />
      <WaitlistPanel family={family} />
      <TransferPanel family={family} />
      <StatusExtensionPanel family={family} />
      <CaseWorkPanel familyId={family.id} />
      <CaseFileSections familyId={family.id} />

      <Panel id="members" title={t("family.members", { count: family.members.length })}>
        <DataTable
          variant="plain"
          className="mt-3"
          labelledBy="members"
          rows={family.members}
          rowKey={(member) => member.id}
          columns={[
            {
              header: t("member.name"),
              cell: (member) => (
                <>
                  <span className="block">
                    {[member.surnameCyr, member.givenNameCyr, member.patronymicCyr].filter(Boolean).join(" ")}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {[member.surnameLat, member.givenNameLat, member.patronymicLat].filter(Boolean).join(" ")}
                  </span>
                </>
              ),
            },
            { header: t("member.relationship"), cell: (member) => t(`relationship.${member.relationship}`) },
            { header: t("member.birthDate"), cell: (member) => date(member.birthDate) },
            { header: t("member.sex"), cell: (member) => t(`sex.${member.sex}`) },
            { header: t("member.iin"), className: "font-mono", cell: (member) => member.iin ?? t("member.noIin") },
            {
              header: t("member.citizenship"),
              cell: (member) =>
                member.citizenship === "XX" ? t("member.stateless") : countryName(member.citizenship, locale),
            },
            {
              header: t("member.education"),
              cell: (member) => (member.education ? t(`education.${member.education}`) : "—"),
            },
            { header: t("member.profession"), cell: (member) => member.profession ?? "—" },
          ]}
        />
      </Panel>

      <Panel id="history" title={t("family.history")}>
        <CaseHistory familyId={family.id} events={family.events} />
      </Panel>

      {family.allocations.length > 0 && (
        <Panel id="allocations" title={t("family.allocations")}>
          <ul className="mt-3 space-y-1 text-sm">
            {family.allocations.map((allocation) => (
              <li key={allocation.id}>
                {t("family.allocationLine", {
                  year: allocation.year,
                  persons: allocation.persons,
                  pool: t(`category.${allocation.quota.pool}`),
                  status: t(`allocationStatus.${allocation.status}`),
                })}
              </li>
            ))}
          </ul>
        </Panel>
      )}
    </article>
  );
}
