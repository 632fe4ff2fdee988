import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/db/users/list-users";
import { localName, toLocale } from "@/lib/i18n/config";
import { DataTable } from "@/components/ui/data-table";
import { UserActiveToggle } from "./_components/user-active-toggle";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const admin = await requirePermission("users.manage");
  const users = await listUsers(admin);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("users.title")}</h1>
      <DataTable
        className="mt-4"
        caption={t("users.caption")}
        rows={users}
        rowKey={(user) => user.id}
        columns={[
          { header: t("users.name"), cell: (user) => user.fullName },
          { header: t("users.email"), cell: (user) => user.email },
          { header: t("users.role"), cell: (user) => t(`role.${user.role}`) },
          {
            header: t("users.region"),
            cell: (user) => (user.region ? localName(user.region, locale) : t("region.national")),
          },
          {
            header: t("users.lastLogin"),
            cell: (user) =>
              user.lastLoginAt ? format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
          },
          { header: t("users.state"), cell: (user) => (user.isActive ? t("users.active") : t("users.inactive")) },
          {
            header: t("users.actions"),
            isHeaderHidden: true,
            cell: (user) =>
              user.id !== admin.id && (
                <UserActiveToggle userId={user.id} isActive={user.isActive} userLabel={user.email} />
              ),
          },
        ]}
      />
    </section>
  );
}
