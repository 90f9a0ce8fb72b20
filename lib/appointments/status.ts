// Which status changes staff may make. Pure: the rules are tested without a database.
import type { AppointmentStatus } from "../db/generated/enums";

export type StatusAction = "check-in" | "complete" | "no-show" | "cancel";

const TRANSITIONS: Record<StatusAction, { from: readonly AppointmentStatus[]; to: AppointmentStatus }> = {
  "check-in": { from: ["BOOKED"], to: "CHECKED_IN" },
  complete: { from: ["BOOKED", "CHECKED_IN"], to: "COMPLETED" },
  "no-show": { from: ["BOOKED"], to: "NO_SHOW" },
  cancel: { from: ["BOOKED", "CHECKED_IN"], to: "CANCELLED" },
};

export type TransitionCheck = { ok: true; to: AppointmentStatus } | { ok: false; reason: string };

export function checkTransition(action: StatusAction, current: AppointmentStatus, startsAt: Date, now: Date): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    return { ok: false, reason: `A ${current.toLowerCase().replace("_", "-")} visit cannot be marked ${action}.` };
  }
  // Nobody can miss a visit that has not started yet.
  if (action === "no-show" && now.getTime() < startsAt.getTime()) {
    return { ok: false, reason: "A visit can be marked as a no-show only once its start time has passed." };
  }
  return { ok: true, to: rule.to };
}
