// When a staff session stops holding. Pure, so the limits are tested without a clock.

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionState = "active" | "idle" | "expired" | "revoked";

export function sessionState(s: SessionTimes, now: Date, idleSeconds: number): SessionState {
  if (s.revokedAt) return "revoked";
  if (now.getTime() >= s.expiresAt.getTime()) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleSeconds * 1000) return "idle";
  return "active";
}
