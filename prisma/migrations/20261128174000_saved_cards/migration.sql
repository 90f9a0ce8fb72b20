-- A card saved at checkout for a visit's late-cancellation or no-show fee: the
-- card (a PaymentMethod) on the visit it was saved for, and the Stripe
-- Customer that keeps it on the patient, as an off-session charge needs both.
ALTER TABLE "Patient" ADD COLUMN "stripeCustomerId" TEXT;
ALTER TABLE "Appointment" ADD COLUMN "paymentMethodId" TEXT;
ALTER TABLE "Appointment" ADD COLUMN "stripeCustomerId" TEXT;
