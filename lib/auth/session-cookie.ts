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
    return sessionIdFromToken(token, secret, name, Date.now());
  }
  return null;
}

interface Opened {
  sid: string | null;
  /** The token's own expiry (epoch seconds), checked again on every use. */
  exp: number | null;
}

// Decrypting the token costs more CPU than the rest of an unchanged-board
// poll, and a browser sends the same token with every request. What a token
// decrypts to depends only on the token and AUTH_SECRET, so opened tokens are
// remembered: this holds no state of its own (whether the session holds is
// still asked of the database on every request, so every instance agrees),
// only tokens that decrypted are kept, and the map is bounded.
const OPENED_LIMIT = 1024;
const opened = new Map<string, Opened>();
let openedWith: string | null = null;
// jose's default for next-auth tokens.
const CLOCK_TOLERANCE_SECONDS = 15;

/** The session id a token names (see sessionIdFromCookie), or null when it does not open or has run out at `now` (ms). */
export async function sessionIdFromToken(token: string, secret: string, name: string, now: number): Promise<string | null> {
  if (openedWith !== secret) {
    opened.clear();
    openedWith = secret;
  }
  const key = `${name}\n${token}`;
  let entry = opened.get(key);
  if (!entry) {
    try {
      const payload = await decode({ token, secret, salt: name });
      entry = { sid: typeof payload?.sid === "string" ? payload.sid : null, exp: typeof payload?.exp === "number" ? payload.exp : null };
    } catch {
      // Tampered, expired or signed with another secret: no session.
      return null;
    }
    if (opened.size >= OPENED_LIMIT) opened.clear();
    opened.set(key, entry);
  }
  // A remembered token still runs out when its own expiry passes.
  if (entry.exp !== null && entry.exp + CLOCK_TOLERANCE_SECONDS <= Math.floor(now / 1000)) {
    opened.delete(key);
    return null;
  }
  return entry.sid;
}
