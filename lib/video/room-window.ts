// When a video room lets people in: from a quarter of an hour before the
// visit until an hour after its end. Pure, with `now` passed in.

export const OPENS_MINUTES_BEFORE = 15;
export const CLOSES_MINUTES_AFTER = 60;
const MINUTE = 60_000;

export interface RoomWindow {
  opensAt: number;
  closesAt: number;
}

export function roomWindow(startsAt: number, endsAt: number): RoomWindow {
  return { opensAt: startsAt - OPENS_MINUTES_BEFORE * MINUTE, closesAt: endsAt + CLOSES_MINUTES_AFTER * MINUTE };
}

export type RoomPhase = "early" | "open" | "closed";

export function roomPhase(window: RoomWindow, now: number): RoomPhase {
  if (now < window.opensAt) return "early";
  if (now >= window.closesAt) return "closed";
  return "open";
}
