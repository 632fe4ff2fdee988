import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authenticate } from "@/lib/db/users/authenticate";
import { clientIpFromForwardedFor } from "@/lib/domain/login-throttle";
import { loginSchema } from "@/lib/validation/login";

/** Sign-in error codes the login page translates; next-auth passes a thrown message through as `error`. */
export const LOGIN_ERROR = { invalid: "invalid", deactivated: "deactivated", throttledPrefix: "throttled:" } as const;

/** next-auth configuration: credentials only, JWT session carrying the user id, role and region. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(LOGIN_ERROR.invalid);
          const forwardedFor = req.headers?.["x-forwarded-for"];
          const ip = clientIpFromForwardedFor(
            Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
            env().TRUSTED_PROXY_HOPS,
          );
          const result = await authenticate(parsed.data.email, parsed.data.password, ip);
          if (result.ok) {
            return { id: String(result.actor.id), role: result.actor.role, regionId: result.actor.regionId };
          }
          throw new Error(
            result.reason === "throttled"
              ? `${LOGIN_ERROR.throttledPrefix}${result.retryAfterMinutes}`
              : result.reason === "deactivated"
                ? LOGIN_ERROR.deactivated
                : LOGIN_ERROR.invalid,
          );
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = Number(user.id);
          token.role = user.role;
          token.regionId = user.regionId;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.userId, role: token.role, regionId: token.regionId };
        return session;
      },
    },
  };
}
