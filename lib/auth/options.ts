import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { LOGIN_ERROR } from "@/lib/auth/login-errors";
import { secondFactorChallengeError, signInSecondStep } from "@/lib/auth/second-factor-sign-in";
import { authenticate } from "@/lib/db/users/authenticate";
import { endSession } from "@/lib/db/users/end-session";
import { clientIpFromForwardedFor } from "@/lib/domain/login-throttle";
import { loginSchema } from "@/lib/validation/login";

/** How long a session lasts at most (an absolute lifetime; sign-out ends it earlier). */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** next-auth configuration: credentials only, JWT session carrying the user id, role and region. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: {
          email: { type: "email" },
          password: { type: "password" },
          // The second request of a sign-in with a second factor (lib/auth/second-factor-sign-in.ts).
          challenge: { type: "text" },
          code: { type: "text" },
          recoveryCode: { type: "text" },
        },
        async authorize(credentials, req) {
          const forwardedFor = req.headers?.["x-forwarded-for"];
          const ip = clientIpFromForwardedFor(
            Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
            env().TRUSTED_PROXY_HOPS,
          );
          if (credentials?.challenge) {
            const { actor, sessionGeneration } = await signInSecondStep(credentials, ip);
            return { id: String(actor.id), role: actor.role, regionId: actor.regionId, sessionGeneration };
          }
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(LOGIN_ERROR.invalid);
          const result = await authenticate(parsed.data.email, parsed.data.password, ip);
          if (result.ok) {
            const { actor, sessionGeneration } = result;
            return { id: String(actor.id), role: actor.role, regionId: actor.regionId, sessionGeneration };
          }
          if (result.reason === "secondFactor") throw new Error(secondFactorChallengeError(result.pending));
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
          // Names this session, so that signing out can end exactly it (lib/db/users/end-session.ts).
          token.sessionId = randomUUID();
          token.generation = user.sessionGeneration;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.userId,
          role: token.role,
          regionId: token.regionId,
          sessionId: token.sessionId,
          generation: token.generation,
        };
        return session;
      },
    },
    events: {
      // Sign-out ends the session on the server too: a copy of the cookie is refused from now on.
      async signOut({ token }) {
        if (!token?.sessionId || token.generation === undefined) return;
        const expiresInSeconds =
          typeof token.exp === "number" ? token.exp : Date.now() / 1000 + SESSION_MAX_AGE_SECONDS;
        const claims = { userId: token.userId, sessionId: token.sessionId, generation: token.generation };
        await endSession(claims, new Date(expiresInSeconds * 1000));
      },
    },
  };
}
