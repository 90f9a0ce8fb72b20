-- The Checkout Session a held time is paid through, so that Stride can expire
-- it when the hold lapses and find the hold from the session.
ALTER TABLE "Appointment" ADD COLUMN "checkoutSessionId" TEXT;
CREATE UNIQUE INDEX "Appointment_checkoutSessionId_key" ON "Appointment"("checkoutSessionId");
