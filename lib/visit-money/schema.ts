import { z } from "zod";

// What the desk sends to refund a visit or charge its fee.

export const visitRefundSchema = z.object({
  amountCents: z.number({ error: "Enter the amount to refund in cents." }).int("Enter a whole number of cents.").min(1, "Enter an amount of at least one cent.").max(100_000_000),
  requestKey: z.uuid({ error: "The refund request needs its own key; reload the page." }),
});
export type VisitRefundInput = z.infer<typeof visitRefundSchema>;

export const visitFeeSchema = z.object({
  kind: z.enum(["no-show", "late"], { error: "Say which fee: no-show or late." }),
  requestKey: z.uuid({ error: "The charge request needs its own key; reload the page." }),
});
export type VisitFeeInput = z.infer<typeof visitFeeSchema>;
