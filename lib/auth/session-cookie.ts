import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";

// next-auth names its cookie with the __Secure- prefix when the app is
// reached over https, without it otherwise; a long token is split into
// numbered chunks (name.0, name.1, …).
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type CookieJar = Awaited<ReturnType<typeof cookies>>;

function readCookie(jar: CookieJar, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const chunk = jar.get(`${name}.${i}`)?.value;
    if (!chunk) break;
    chunks.push(chunk);
  }
  return chunks.length > 0 ? chunks.join("") : null;
}

/**
 * The id of the server-side session that this request's cookie names, or
 * null. Reads the cookie the way next-auth wrote it (an encrypted JWT, checked
 * and decrypted with AUTH_SECRET) without running next-auth's whole session
 * request, which re-encrypts the token and builds a response that is thrown
 * away: the session row decides whether the session holds, so the id is all
 * a request needs, and every staff request (the desk's 3-second poll among
 * them) pays this.
 */
export async function sessionIdFromCookie(): Promise<string | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const token = readCookie(jar, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      return typeof payload?.sid === "string" ? payload.sid : null;
    } catch {
      // Tampered, expired or signed with another secret: no session.
      return null;
    }
  }
  return null;
}
