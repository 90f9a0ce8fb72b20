// Which status changes staff may make. Pure: the rules are tested without a database.
import type { AppointmentStatus } from "../db/generated/enums";
import { localDateOf } from "../scheduling/zone-time";

export type StatusAction = "check-in" | "complete" | "no-show" | "cancel" | "undo-check-in" | "undo-no-show";

export const STATUS_ACTIONS = ["check-in", "complete", "no-show", "cancel", "undo-check-in", "undo-no-show"] as const satisfies readonly StatusAction[];

const TRANSITIONS: Record<StatusAction, { from: readonly AppointmentStatus[]; to: AppointmentStatus }> = {
  "check-in": { from: ["BOOKED"], to: "CHECKED_IN" },
  complete: { from: ["BOOKED", "CHECKED_IN"], to: "COMPLETED" },
  "no-show": { from: ["BOOKED"], to: "NO_SHOW" },
  cancel: { from: ["BOOKED", "CHECKED_IN"], to: "CANCELLED" },
  "undo-check-in": { from: ["CHECKED_IN"], to: "BOOKED" },
  "undo-no-show": { from: ["NO_SHOW"], to: "BOOKED" },
};

const LABEL: Record<StatusAction, string> = {
  "check-in": "checked in",
  complete: "completed",
  "no-show": "marked as a no-show",
  cancel: "cancelled",
  "undo-check-in": "taken back to booked",
  "undo-no-show": "taken back to booked",
};

export type TransitionCheck = { ok: true; to: AppointmentStatus } | { ok: false; reason: string };

/**
 * Whether `action` may change a visit now. "Today" is the visit's own local
 * date in its location's zone: a patient is checked in on the day they come,
 * and a mistaken check-in or no-show is taken back that same day; after it,
 * the record stands.
 */
export function checkTransition(action: StatusAction, current: AppointmentStatus, startsAt: Date, now: Date, timeZone: string): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    return { ok: false, reason: `A ${current.toLowerCase().replace("_", "-")} visit cannot be ${LABEL[action]}.` };
  }
  // Nobody can miss a visit that has not started yet.
  if (action === "no-show" && now.getTime() < startsAt.getTime()) {
    return { ok: false, reason: "A visit can be marked as a no-show only once its start time has passed." };
  }
  const visitDay = localDateOf(startsAt.getTime(), timeZone);
  const today = localDateOf(now.getTime(), timeZone);
  if (action === "check-in" && visitDay !== today) {
    return { ok: false, reason: `A patient can be checked in only on the day of the visit (${visitDay}, ${timeZone}).` };
  }
  if ((action === "undo-check-in" || action === "undo-no-show") && visitDay !== today) {
    const what = action === "undo-check-in" ? "check-in" : "no-show";
    return { ok: false, reason: `A ${what} can be undone only on the day of the visit (${visitDay}, ${timeZone}); the record now stands.` };
  }
  return { ok: true, to: rule.to };
}
