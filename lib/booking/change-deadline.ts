import { formatInstantWithOffset } from "../scheduling/zone-time";

// The cancellation cut-off is a length of time, not a wall-clock rule: "24
// hours before" a Monday 08:00 visit right after a clock change is 23 or 25
// wall-clock hours earlier. Booking, rescheduling and cancelling all read the
// deadline through these functions, so what the patient is shown before
// booking is exactly what the manage page enforces afterwards.

/** The last instant (ms) at which a visit starting at `start` may still be changed or cancelled online. */
export function changeDeadline(start: number, cancelCutoffMinutes: number): number {
  return start - cancelCutoffMinutes * 60_000;
}

/** Whether, at `now`, a visit starting at `start` is already past its online change deadline. */
export function insideCutoff(start: number, cancelCutoffMinutes: number, now: number): boolean {
  return now >= changeDeadline(start, cancelCutoffMinutes);
}

/** What a free time says about changing it online, with the deadline written in the location's zone. */
export function slotChangeTerms(
  start: number,
  cancelCutoffMinutes: number,
  now: number,
  zone: string,
): { changeableOnlineUntil: string; changeableOnline: boolean } {
  return {
    changeableOnlineUntil: formatInstantWithOffset(changeDeadline(start, cancelCutoffMinutes), zone),
    changeableOnline: !insideCutoff(start, cancelCutoffMinutes, now),
  };
}
