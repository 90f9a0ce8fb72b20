import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { revokeSession, signInWithPassword } from "./mutations";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** Too many failures: the form says so, without saying whether the email exists. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super();
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});

// The browser's token carries only the id of a server-side session
// (lib/auth/mutations.ts); idle and absolute limits and sign-out are decided
// on that row at every request, not by the token's own expiry.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 24 * 60 * 60 },
  pages: { signIn: "/staff/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const staff = await signInWithPassword(parsed.data.email, parsed.data.password, {
            now: new Date(),
            ipAddress: request.headers.get(CLIENT_ADDRESS_HEADER),
            userAgent: request.headers.get("user-agent"),
          });
          return staff ? { id: staff.id, name: staff.name, email: staff.email, sessionId: staff.sessionId } : null;
        } catch (error) {
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new SignInThrottled(error.retryAfterSeconds ?? 15 * 60);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Every way out ends the server-side session, next-auth's own
    // /api/auth/signout included: clearing the cookie alone would leave any
    // copy of it working until the session's limits end it.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (sessionId) await revokeSession(sessionId, new Date());
    },
  },
  secret: process.env.AUTH_SECRET,
  logger: {
    // A wrong password is an expected event, not an error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[stride] auth error", error);
    },
  },
});

export function staffIdleSeconds(): number {
  return getEnv().STAFF_IDLE_SECONDS;
}
