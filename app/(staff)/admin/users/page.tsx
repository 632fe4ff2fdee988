import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/db/users/list-users";
import { localName, toLocale } from "@/lib/i18n/config";
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
      <div className="mt-4 overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("users.caption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("users.name")}</th>
              <th scope="col" className="px-3 py-2">{t("users.email")}</th>
              <th scope="col" className="px-3 py-2">{t("users.role")}</th>
              <th scope="col" className="px-3 py-2">{t("users.region")}</th>
              <th scope="col" className="px-3 py-2">{t("users.lastLogin")}</th>
              <th scope="col" className="px-3 py-2">{t("users.state")}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("users.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t">
                <td className="px-3 py-2">{user.fullName}</td>
                <td className="px-3 py-2">{user.email}</td>
                <td className="px-3 py-2">{t(`role.${user.role}`)}</td>
                <td className="px-3 py-2">{user.region ? localName(user.region, locale) : t("region.national")}</td>
                <td className="px-3 py-2">{user.lastLoginAt ? format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</td>
                <td className="px-3 py-2">{user.isActive ? t("users.active") : t("users.inactive")}</td>
                <td className="px-3 py-2">
                  {user.id !== admin.id && <UserActiveToggle userId={user.id} isActive={user.isActive} userLabel={user.email} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
