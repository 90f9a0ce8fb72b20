import "server-only";
import { LATE_REFUND_TASK, runLateRefund } from "./late-refund";

/**
 * The queue's tasks for what Stripe's answers call for, run by the same
 * workers as the messages (scripts/worker.ts). A failure throws, and the
 * queue runs the task again later.
 */
export const paymentTasks = {
  [LATE_REFUND_TASK]: async (payload: unknown) => {
    await runLateRefund(payload);
  },
};
