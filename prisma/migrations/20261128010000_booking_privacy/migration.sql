-- Booking tells the person booking nothing about the patient record it
-- matches: each visit keeps the name its booker entered, a returning patient
-- who books a new-patients-only service is flagged for the clinic instead of
-- refused, and a re-submitted form can only recover its own booking's link.

ALTER TABLE "Appointment"
    ADD COLUMN "patientFirstName" TEXT,
    ADD COLUMN "patientLastName" TEXT,
    ADD COLUMN "eligibilityFollowUp" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "idempotencyBodyHash" TEXT,
    ADD COLUMN "idempotencyExpiresAt" TIMESTAMPTZ(3),
    ADD COLUMN "sealedManageToken" TEXT;

-- Visits booked before this kept no name of their own: the record's is the
-- best there is.
UPDATE "Appointment" a
   SET "patientFirstName" = p."firstName", "patientLastName" = p."lastName"
  FROM "Patient" p
 WHERE p."id" = a."patientId";

-- Only a hash of a form's idempotency key is kept. Keys stored before this
-- have no body hash, so they can no longer be replayed.
ALTER TABLE "Appointment" RENAME COLUMN "idempotencyKey" TO "idempotencyKeyHash";
ALTER INDEX "Appointment_idempotencyKey_key" RENAME TO "Appointment_idempotencyKeyHash_key";
UPDATE "Appointment"
   SET "idempotencyKeyHash" = encode(sha256(convert_to("idempotencyKeyHash", 'UTF8')), 'hex')
 WHERE "idempotencyKeyHash" IS NOT NULL;
