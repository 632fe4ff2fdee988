import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

// The language is a per-browser choice kept in a cookie, so URLs stay the same in every language.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Asia/Almaty",
    messages: loadMessages(locale),
  };
});
