// The wait before a video room opens, as the join page counts it down. Pure:
// the page passes the server's instants and its own estimate of the server's
// "now", so a phone whose clock is wrong still opens the room on time.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** How far the client's clock is behind the server's (add it to the client's Date.now()). */
export function clockOffset(serverNow: number, clientNow: number): number {
  return serverNow - clientNow;
}

/**
 * Milliseconds until the room opens, never below zero. Recomputed from the
 * instants on every tick rather than by counting ticks: a tab the phone put
 * to sleep for ten minutes wakes up with the right figure.
 */
export function msUntilOpen(opensAt: number, clientNow: number, offset: number): number {
  return Math.max(0, opensAt - (clientNow + offset));
}

/** Whole minutes left, rounded up: "1 minute" until the very last second. */
export function minutesLeft(ms: number): number {
  return Math.ceil(ms / MINUTE);
}

/**
 * Whether a screen reader hears the wait when it reaches this many minutes:
 * every minute of the last five, every five minutes of the last hour, then
 * every hour. The visible figure changes every second; that would be noise.
 */
export function announcesAt(minutes: number): boolean {
  if (minutes <= 5) return true;
  if (minutes <= 60) return minutes % 5 === 0;
  return minutes % 60 === 0;
}

export type WaitUnit = "hours" | "minutes" | "seconds";

/** A wait as it is said: one unit, or a larger and a smaller one ("1 hour 5 minutes"). */
export type Wait = readonly [WaitPart] | readonly [WaitPart, WaitPart];

export interface WaitPart {
  unit: WaitUnit;
  count: number;
}

/** The words for a wait, from the catalogue (videoJoin.countdown): each unit is an ICU plural. */
export interface WaitWords {
  unit: (unit: WaitUnit, count: number) => string;
  both: (larger: string, smaller: string) => string;
}

function part(unit: WaitUnit, count: number): WaitPart {
  return { unit, count };
}

/** "1 hour 5 minutes", "4 minutes 32 seconds", "32 seconds": seconds only within the last hour. */
export function waitUntilOpen(ms: number): Wait {
  const totalSeconds = Math.ceil(ms / SECOND);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) {
    // Rounded up, so the figure never says less time than is left.
    const roundedMinutes = Math.ceil((ms - hours * HOUR) / MINUTE);
    if (roundedMinutes === 60) return [part("hours", hours + 1)];
    return roundedMinutes === 0 ? [part("hours", hours)] : [part("hours", hours), part("minutes", roundedMinutes)];
  }
  if (minutes > 0) return seconds === 0 ? [part("minutes", minutes)] : [part("minutes", minutes), part("seconds", seconds)];
  return [part("seconds", seconds)];
}

/** The minutes alone, for what a screen reader announces. */
export function waitInMinutes(minutes: number): Wait {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return [part("minutes", rest)];
  return rest === 0 ? [part("hours", hours)] : [part("hours", hours), part("minutes", rest)];
}

export function sayWait(wait: Wait, words: WaitWords): string {
  const [larger, smaller] = wait;
  const said = words.unit(larger.unit, larger.count);
  return smaller ? words.both(said, words.unit(smaller.unit, smaller.count)) : said;
}
