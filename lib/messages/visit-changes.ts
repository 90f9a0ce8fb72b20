import "server-only";
import type { Prisma } from "../db/generated/client";
import { queueMessage, queueVisitEmail } from "./mutations";

// What a change to a visit calls for: a notice to its patient and, when it is
// close, one to each therapist it concerns. Queued inside the change's own
// transaction; whether each still matters is decided when it is sent.
//
// The dedupe key names the change itself (the visit, its revision, the times
// and therapists before and after): a repeated request for the same change
// finds its key taken and queues nothing, two changes queue two notices, and
// the composer reads from the key what the visit was before.

const DAY_MS = 86_400_000;

/** 2026-12-07T16:00:00.000Z → 20261207T160000Z: no colons, so keys split on them. */
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function fromStamp(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

/** One side of a change: who the visit was with and when. */
export interface VisitPlace {
  therapistId: string;
  start: Date;
}

export interface VisitChange {
  appointmentId: string;
  /** The visit's revision after the change. */
  revision: number;
  /** Before the change; absent for a new booking. */
  before: VisitPlace | null;
  after: VisitPlace;
}

export type TherapistEvent = "booked" | "moved" | "cancelled";

export interface TherapistNotice extends VisitChange {
  event: TherapistEvent;
  /** The therapist this notice goes to. */
  therapistId: string;
}

export const rescheduledKey = (c: VisitChange) => `rescheduled:${c.appointmentId}:${c.revision}:${stamp(c.after.start)}:${c.before ? stamp(c.before.start) : "-"}`;
export const cancelledKey = (c: VisitChange) => `cancelled:${c.appointmentId}:${c.revision}:${stamp(c.after.start)}`;
const therapistKey = (n: TherapistNotice) =>
  [`therapist`, n.therapistId, n.event, n.appointmentId, n.revision, n.before?.therapistId ?? "-", n.before ? stamp(n.before.start) : "-", n.after.therapistId, stamp(n.after.start)].join(":");

/** The change a patient's notice was queued for, read back from its key. */
export function parseVisitChangeKey(key: string): { revision: number; start: Date; previousStart: Date | null } | null {
  const [, , revision, start, previous] = key.split(":");
  const startAt = start ? fromStamp(start) : null;
  if (!revision || !/^\d+$/.test(revision) || !startAt) return null;
  return { revision: Number(revision), start: startAt, previousStart: previous ? fromStamp(previous) : null };
}

/** The change a therapist's notice was queued for, read back from its key. */
export function parseTherapistKey(key: string): TherapistNotice | null {
  const [prefix, therapistId, event, appointmentId, revision, beforeTherapist, beforeStart, afterTherapist, afterStart] = key.split(":");
  if (prefix !== "therapist" || !therapistId || !appointmentId || !afterTherapist || !afterStart || !revision) return null;
  if (event !== "booked" && event !== "moved" && event !== "cancelled") return null;
  const after = fromStamp(afterStart);
  const before = beforeTherapist && beforeTherapist !== "-" && beforeStart ? fromStamp(beforeStart) : null;
  if (!after) return null;
  return {
    therapistId,
    event,
    appointmentId,
    revision: Number(revision),
    before: before ? { therapistId: beforeTherapist!, start: before } : null,
    after: { therapistId: afterTherapist, start: after },
  };
}

/**
 * Therapists hear of visits today or tomorrow only, which the composer decides
 * in the location's zone when it sends; changes further out queue nothing, so
 * the outbox is not filled with notices that would all be skipped.
 */
const THERAPIST_HORIZON_MS = 3 * DAY_MS;

async function queueTherapistNotices(tx: Prisma.TransactionClient, event: TherapistEvent, change: VisitChange, now: Date, requestedById: string | null) {
  const soon = (at: Date) => at.getTime() - now.getTime() < THERAPIST_HORIZON_MS && at.getTime() > now.getTime() - DAY_MS;
  const concerned = new Set<string>();
  if (soon(change.after.start)) concerned.add(change.after.therapistId);
  if (change.before && soon(change.before.start)) concerned.add(change.before.therapistId);
  // A move between therapists tells both, whichever end of it is close.
  if (concerned.size > 0 && change.before) {
    concerned.add(change.before.therapistId);
    concerned.add(change.after.therapistId);
  }
  for (const therapistId of concerned) {
    const login = await tx.staffUser.findUnique({ where: { therapistId }, select: { email: true } });
    await queueMessage(tx, {
      kind: "therapist",
      channel: "EMAIL",
      // Read again when sent; a therapist without a login is skipped then, with why.
      recipient: login?.email ?? "",
      language: "en",
      dedupeKey: therapistKey({ ...change, event, therapistId }),
      sendAfter: now,
      appointmentId: change.appointmentId,
      requestedById,
    });
  }
}

/** A new visit: its therapist hears of it when it is close. (The patient's confirmation is queued by the booking.) */
export async function queueBookedNotices(tx: Prisma.TransactionClient, change: VisitChange, now: Date, requestedById: string | null = null) {
  await queueTherapistNotices(tx, "booked", change, now, requestedById);
}

/** A visit moved (by the patient to a new row, or by the desk in place): the patient and the therapists it concerns. */
export async function queueRescheduledNotices(tx: Prisma.TransactionClient, change: VisitChange, now: Date, requestedById: string | null = null) {
  await queueVisitEmail(tx, { kind: "rescheduled", appointmentId: change.appointmentId, dedupeKey: rescheduledKey(change), sendAfter: now, requestedById });
  await queueTherapistNotices(tx, "moved", change, now, requestedById);
}

/**
 * A visit cancelled: the patient hears who cancelled it from requestedById
 * (staff, or nobody for the patient's own link), and its therapist when it was close.
 */
export async function queueCancelledNotices(tx: Prisma.TransactionClient, change: VisitChange, now: Date, requestedById: string | null = null) {
  await queueVisitEmail(tx, { kind: "cancelled", appointmentId: change.appointmentId, dedupeKey: cancelledKey(change), sendAfter: now, requestedById });
  await queueTherapistNotices(tx, "cancelled", change, now, requestedById);
}
