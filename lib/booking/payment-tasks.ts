import "server-only";
import { getPrisma } from "../db/client";
import { auditHoldLapse, HOLD_EXPIRY_TASK, runHoldExpiry, scheduleHoldExpiry } from "./hold-expiry";
import { lapseExpiredHolds } from "./holds";
import { CANCEL_REFUND_TASK, runCancelRefund } from "./cancel-refund";
import { LATE_REFUND_TASK, runLateRefund } from "./late-refund";

export const HOLD_SWEEP_TASK = "hold-sweep";

/** The sweep runs every minute, once per tick across all workers (graphile-worker's crontab). */
export const PAYMENT_CRONTAB = `* * * * * ${HOLD_SWEEP_TASK}`;

/**
 * Lapses the holds whose time ran out and closes their checkouts: a backstop
 * for a hold whose own expiry job is missing or late. Nothing waits for it (an
 * expired hold never blocks a time); each checkout is expired by the hold's
 * own job, queued now, so a failing Stripe call is retried by the queue.
 */
export async function sweepExpiredHolds(limit = 500): Promise<string[]> {
  const lapsed = await lapseExpiredHolds(limit);
  if (lapsed.length === 0) return lapsed;
  const prisma = getPrisma();
  const holds = await prisma.appointment.findMany({ where: { id: { in: lapsed } }, select: { id: true, patientId: true, checkoutSessionId: true } });
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    for (const hold of holds) {
      await auditHoldLapse(tx, hold, "sweep");
      if (hold.checkoutSessionId) await scheduleHoldExpiry(tx, hold.id, now);
    }
  });
  return lapsed;
}

/**
 * The queue's tasks for what online payment calls for, run by the same
 * workers as the messages (scripts/worker.ts). A failure throws, and the
 * queue runs the task again later.
 */
export const paymentTasks = {
  [LATE_REFUND_TASK]: async (payload: unknown) => {
    await runLateRefund(payload);
  },
  [CANCEL_REFUND_TASK]: async (payload: unknown) => {
    await runCancelRefund(payload);
  },
  [HOLD_EXPIRY_TASK]: async (payload: unknown) => {
    await runHoldExpiry(payload);
  },
  [HOLD_SWEEP_TASK]: async () => {
    await sweepExpiredHolds();
  },
};
