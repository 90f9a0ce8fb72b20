-- A time held for a patient while they pay online, and a hold that ran out.
-- The constraints that use these values are in the next migration: a value
-- added to an enum cannot be used in the transaction that adds it.
ALTER TYPE "AppointmentStatus" ADD VALUE 'HELD';
ALTER TYPE "AppointmentStatus" ADD VALUE 'LAPSED';

-- Until when a held time is kept for its patient: required while HELD, kept afterwards.
ALTER TABLE "Appointment" ADD COLUMN "holdExpiresAt" TIMESTAMPTZ(3);
