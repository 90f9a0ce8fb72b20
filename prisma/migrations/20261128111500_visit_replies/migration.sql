-- What a patient answered to a reminder: coming, or asking for a change.
ALTER TABLE "Appointment" ADD COLUMN "patientConfirmedAt" TIMESTAMPTZ(3);
ALTER TABLE "Appointment" ADD COLUMN "changeRequestedAt" TIMESTAMPTZ(3);
