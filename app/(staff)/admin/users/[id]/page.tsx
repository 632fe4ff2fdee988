import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listRegions } from "@/lib/db/regions";
import { getStaffMember } from "@/lib/db/users/get-staff-member";
import { countOpenCasesOf, listAssignableCaseworkers } from "@/lib/db/work/assignment";
import { can } from "@/lib/domain/permissions";
import { orNotFound } from "@/lib/page-data";
import { localName, toLocale } from "@/lib/i18n/config";
import { Panel } from "@/components/ui/panel";
import { ReassignAllForm } from "../../../_components/reassign-all-form";
import { AccountStateControls } from "./_components/account-state-controls";
import { AssignmentForm } from "./_components/assignment-form";
import { PasswordLinkControls } from "./_components/password-link-controls";
import { ResetSecondFactorButton } from "../_components/reset-second-factor-button";
import { STAFF_STATE_MESSAGE } from "../_lib/state-label";

const MAX_ID = 2_147_483_647;

export async function generateMetadata() {
  const t = await getTranslations("users.member");
  return { title: t("details") };
}

/**
 * A staff member's page: the account, its role and region, sign-in (password links; the second factor's
 * reset joins this panel) and its state. The administrator's own page explains instead of offering what
 * nobody may do to themself.
 */
export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("users.manage");
  const rawId = (await params).id;
  const id = /^\d{1,10}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) notFound();
  const [member, regions] = await Promise.all([orNotFound(getStaffMember(admin, id)), listRegions()]);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const isSelf = member.id === admin.id;
  // Someone who leaves hands over their cases here, beside the deactivation, to a caseworker of the region.
  const openCases = await countOpenCasesOf(admin, member.id);
  const holdsCases = can(member, "case.own") || openCases > 0;
  const successors =
    openCases > 0 && member.regionId
      ? (await listAssignableCaseworkers(admin, member.regionId)).filter((person) => person.id !== member.id)
      : [];
  const collator = new Intl.Collator(locale);
  const regionOptions = regions
    .map((region) => ({ value: region.id, label: localName(region, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const facts: [string, React.ReactNode][] = [
    [t("users.member.fullNameLatin"), member.fullNameLatin ?? "—"],
    [t("users.email"), member.email],
    [t("users.member.phone"), member.phone ?? "—"],
    [t("users.role"), t(`role.${member.role}`)],
    [t("users.region"), member.region ? localName(member.region, locale) : t("region.national")],
    [t("users.state"), t(STAFF_STATE_MESSAGE[member.state])],
    [t("users.lastLogin"), member.lastLoginAt ? dateTime(member.lastLoginAt) : "—"],
    [t("users.secondFactor"), member.hasSecondFactor ? t("users.secondFactorOn") : t("users.secondFactorOff")],
    [t("users.member.created"), dateTime(member.createdAt)],
  ];

  return (
    <article className="space-y-6">
      <header>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          {t("users.member.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{member.fullName}</h1>
      </header>

      <Panel id="member-details" title={t("users.member.details")}>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-2 text-sm">
              <dt className="min-w-40 text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>

      <Panel id="member-assignment" title={t("users.assignment.title")}>
        {isSelf ? (
          <p className="mt-2 text-sm text-slate-700">{t("users.accountState.own")}</p>
        ) : (
          <AssignmentForm userId={member.id} role={member.role} regionId={member.regionId} regions={regionOptions} />
        )}
      </Panel>

      <Panel id="member-security" title={t("users.security.title")}>
        {member.openLink && (
          <p className="mt-2 text-sm text-slate-700">
            {t("users.member.openLink", {
              purpose: t(`users.member.purpose${member.openLink.purpose}`),
              dateTime: dateTime(member.openLink.expiresAt),
            })}
          </p>
        )}
        {isSelf ? (
          <p className="mt-2 text-sm text-slate-700">
            <Link href="/account" className="text-brand-700 hover:underline">
              {t("users.security.own")}
            </Link>
          </p>
        ) : (
          member.state !== "deactivated" && (
            <PasswordLinkControls userId={member.id} name={member.fullName} isPending={member.state === "pending"} />
          )
        )}
        {!isSelf && (
          <div className="mt-4">
            <ResetSecondFactorButton
              userId={member.id}
              userLabel={member.fullName}
              hasSecondFactor={member.hasSecondFactor}
            />
          </div>
        )}
      </Panel>

      {holdsCases && (
        <Panel id="member-cases" title={t("workQueues.member.title")}>
          <p className="mt-2 text-sm text-slate-700">
            {t("workQueues.member.openCases", { count: openCases, name: member.fullName })}
          </p>
          {openCases > 0 &&
            (successors.length > 0 ? (
              <ReassignAllForm from={{ fixed: member }} to={successors} labelledBy="member-cases" />
            ) : (
              <p className="mt-2 text-sm text-slate-700">{t("workQueues.member.noSuccessor")}</p>
            ))}
        </Panel>
      )}

      <Panel id="member-state" title={t("users.accountState.title")}>
        {member.state === "deactivated" && (
          <div className="mt-3 space-y-1 text-sm">
            {member.deactivatedAt && <p>{t("users.member.deactivatedOn", { date: dateTime(member.deactivatedAt) })}</p>}
            <dl className="flex gap-2">
              <dt className="text-slate-500">{t("users.member.reason")}</dt>
              <dd data-testid="deactivation-reason">{member.deactivationReason ?? "—"}</dd>
            </dl>
          </div>
        )}
        {isSelf ? (
          <p role="note" className="mt-2 text-sm text-slate-700">
            {t(member.otherAdministrators === 0 ? "users.accountState.lastAdministrator" : "users.accountState.own")}
          </p>
        ) : (
          <AccountStateControls userId={member.id} isActive={member.state !== "deactivated"} />
        )}
      </Panel>
    </article>
  );
}
