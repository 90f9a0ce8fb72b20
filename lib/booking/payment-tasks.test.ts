import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { HOLD_SWEEP_TASK, PAYMENT_CRONTAB, paymentTasks } from "./payment-tasks";

describe("the payment tasks' crontab", () => {
  it("runs the hold sweep every minute, a task the payment tasks know", () => {
    const [item, ...more] = parseCrontab(PAYMENT_CRONTAB);
    expect(more).toEqual([]);
    expect(item!.task).toBe(HOLD_SWEEP_TASK);
    expect(item!.match({ min: 7, hour: 3, date: 1, month: 1, dow: 2 })).toBe(true);
    expect(Object.keys(paymentTasks)).toContain(HOLD_SWEEP_TASK);
  });
});
