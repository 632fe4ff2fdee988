import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser, SECOND_FACTOR_PATH } from "@/lib/auth/session";
import { secondFactorEnrolmentOffer } from "@/lib/db/users/enrol-second-factor";
import { rolesRequiringSecondFactor } from "@/lib/db/users/second-factor-policy";
import { secondFactorStatus } from "@/lib/db/users/second-factor-status";
import { mustEnrolSecondFactor } from "@/lib/domain/second-factor";
import { qrCode } from "@/lib/qr-code";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignOutButton } from "@/components/sign-out-button";
import { EnrolmentForm } from "./_components/enrolment-form";
import { RenewRecoveryCodesForm } from "./_components/renew-recovery-codes-form";

export async function generateMetadata() {
  const t = await getTranslations("secondFactor.page");
  return { title: t("title") };
}

/**
 * The own second factor: set it up (the only page open to a person whose role requires one and who has
 * none yet, so it stands outside the staff shell), or see since when it is on and renew the recovery
 * codes. The key is shown only while it is being set up.
 */
export default async function SecondFactorPage() {
  const user = await requireUser({ duringEnrolment: true });
  const [status, requiredRoles, t, format] = await Promise.all([
    secondFactorStatus(user),
    rolesRequiringSecondFactor(),
    getTranslations("secondFactor.page"),
    getFormatter(),
  ]);
  const mustEnrol = mustEnrolSecondFactor(
    { role: user.role, hasSecondFactor: status.enabledAt !== null },
    requiredRoles,
  );

  let content: React.ReactNode;
  if (status.enabledAt) {
    content = (
      <>
        <p>{t("enabled", { date: format.dateTime(status.enabledAt, { dateStyle: "long" }) })}</p>
        <p className="text-sm text-slate-700">{t("codesLeft", { count: status.recoveryCodesLeft })}</p>
        <div className="border-t border-slate-200 pt-4">
          <RenewRecoveryCodesForm email={user.email} />
        </div>
      </>
    );
  } else {
    const { secret, uri, offer } = secondFactorEnrolmentOffer(user);
    const qr = await qrCode(uri);
    content = (
      <>
        <p className="text-sm text-slate-700">{mustEnrol ? t("requiredIntro") : t("voluntaryIntro")}</p>
        <EnrolmentForm
          offer={offer}
          secret={secret}
          email={user.email}
          qr={
            <svg
              role="img"
              aria-labelledby="totp-qr-title"
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              shapeRendering="crispEdges"
            >
              <title id="totp-qr-title">{t("qrLabel")}</title>
              <path fill="#ffffff" d={`M0 0h${qr.size}v${qr.size}H0z`} />
              <path stroke="#000000" d={qr.darkPath} />
            </svg>
          }
        />
      </>
    );
  }

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <div className="no-print mb-6 flex flex-wrap items-center gap-3 text-sm">
        {!mustEnrol && (
          <Link href="/" className="text-brand-700 hover:underline">
            ← {t("back")}
          </Link>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <span className="text-slate-700">{user.email}</span>
          <LanguageSwitcher returnTo={SECOND_FACTOR_PATH} />
          <SignOutButton />
        </div>
      </div>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-900">{t("title")}</h1>
        {content}
      </div>
    </main>
  );
}
