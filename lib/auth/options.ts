import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { LOGIN_ERROR, loginFailureReason } from "@/lib/auth/login-errors";
import { secondFactorChallengeError, signInSecondStep } from "@/lib/auth/second-factor-sign-in";
import { authenticate } from "@/lib/db/users/authenticate";
import { endSession } from "@/lib/db/users/end-session";
import { startSession } from "@/lib/db/users/start-session";
import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "@/lib/domain/client-address";
import type { Actor } from "@/lib/domain/permissions";
import { MAX_SESSION_HOURS } from "@/lib/domain/session-lifetime";
import { countLoginFailure } from "@/lib/observability/metrics";
import { loginSchema } from "@/lib/validation/login";

type SignedIn = { id: string; role: Actor["role"]; regionId: string | null; sessionGeneration: number };

/**
 * The credentials provider's check: the password step or, with a challenge, the second-factor step.
 * A refusal throws the login page's error code.
 */
async function signIn(
  credentials: Record<string, string> | undefined,
  address: string | string[] | undefined,
): Promise<SignedIn> {
  const ip = normaliseAddress(Array.isArray(address) ? address[0] : address);
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
}

/** next-auth configuration: credentials only, JWT session carrying the user id, role and region. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    // The cookie lives as long as the longest lifetime an administrator may set; the server ends the
    // session earlier (idle timeout, absolute lifetime, sign-out) from its staff_session row.
    session: { strategy: "jwt", maxAge: MAX_SESSION_HOURS * 60 * 60 },
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
          // Every refusal is counted by its reason (the login failure metric), never by e-mail.
          try {
            return await signIn(credentials, req.headers?.[CLIENT_ADDRESS_HEADER]);
          } catch (error) {
            const reason = loginFailureReason(error instanceof Error ? error.message : "");
            if (reason) countLoginFailure(reason);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.userId = Number(user.id);
          token.role = user.role;
          token.regionId = user.regionId;
          // Names this session's row, which every request checks (lib/db/users/load-session-user.ts).
          token.sessionId = await startSession(token.userId);
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
        await endSession({ userId: token.userId, sessionId: token.sessionId, generation: token.generation });
      },
    },
  };
}
