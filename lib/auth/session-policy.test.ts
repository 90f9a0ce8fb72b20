import { describe, expect, it } from "vitest";
import { sessionState } from "./session-policy";

const signedIn = new Date("2026-11-23T08:00:00Z");
const session = { lastSeenAt: signedIn, expiresAt: new Date("2026-11-23T20:00:00Z"), revokedAt: null };
const at = (iso: string) => new Date(iso);

describe("sessionState", () => {
  it("holds while activity is more recent than the idle limit", () => {
    expect(sessionState(session, at("2026-11-23T08:14:59Z"), 900)).toBe("active");
  });

  it("ends after the idle limit without activity", () => {
    expect(sessionState(session, at("2026-11-23T08:15:00Z"), 900)).toBe("idle");
  });

  it("ends at the absolute limit however recent the activity", () => {
    expect(sessionState({ ...session, lastSeenAt: at("2026-11-23T19:59:00Z") }, at("2026-11-23T20:00:00Z"), 900)).toBe("expired");
  });

  it("ends at sign-out", () => {
    expect(sessionState({ ...session, revokedAt: at("2026-11-23T09:00:00Z") }, at("2026-11-23T08:01:00Z"), 900)).toBe("revoked");
  });
});
