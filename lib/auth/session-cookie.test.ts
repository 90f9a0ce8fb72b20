import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionIdFromToken } from "./session-cookie";

// Opened tokens are remembered so that a poll does not decrypt the same
// cookie again; remembering must never let a token do more than decrypting it
// afresh would.

const NAME = "authjs.session-token";
const SECRET = "a-secret-of-the-kind-auth-secret-holds-000";
const SID = "3b7e3c1e-1111-4111-8111-111111111111";

describe("reading the session id from the cookie's token", () => {
  it("answers the same id again, and refuses the token once its own expiry has passed", async () => {
    const token = await encode({ token: { sid: SID }, secret: SECRET, salt: NAME, maxAge: 60 });
    const now = Date.now();
    expect(await sessionIdFromToken(token, SECRET, NAME, now)).toBe(SID);
    expect(await sessionIdFromToken(token, SECRET, NAME, now + 1_000)).toBe(SID);
    // Within the clock tolerance it still holds, past it it does not, remembered or not.
    expect(await sessionIdFromToken(token, SECRET, NAME, now + 70_000)).toBe(SID);
    expect(await sessionIdFromToken(token, SECRET, NAME, now + 80_000)).toBeNull();
  });

  it("refuses a remembered token under another secret and a tampered one", async () => {
    const token = await encode({ token: { sid: SID }, secret: SECRET, salt: NAME, maxAge: 600 });
    const now = Date.now();
    expect(await sessionIdFromToken(token, SECRET, NAME, now)).toBe(SID);
    expect(await sessionIdFromToken(token, `${SECRET}-rotated`, NAME, now)).toBeNull();
    expect(await sessionIdFromToken(token, SECRET, "__Secure-authjs.session-token", now)).toBeNull();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionIdFromToken(tampered, SECRET, NAME, now)).toBeNull();
  });
});
