-- What a payment was for (Stride's metadata[purpose] on the PaymentIntent),
-- and what a patient's cancellation gave back and kept, decided at the
-- instant of the cancellation so a later run never decides it again.
ALTER TABLE "Payment" ADD COLUMN "purpose" TEXT;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_purpose_known" CHECK ("purpose" IN ('booking', 'fee', 'package'));

ALTER TABLE "Appointment" ADD COLUMN "cancelRefundCents" INTEGER;
ALTER TABLE "Appointment" ADD COLUMN "cancelKeptCents" INTEGER;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_cancel_money_not_negative" CHECK ("cancelRefundCents" >= 0 AND "cancelKeptCents" >= 0);
