-- A booking keeps one id across the rows a patient's reschedules write, and a
-- revision that rises with every change the patient is told about.
ALTER TABLE "Appointment" ADD COLUMN "bookingId" UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE "Appointment" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;

-- Rows already moved by the patient join the booking they were moved from.
WITH RECURSIVE chain AS (
    SELECT "id", "bookingId" AS root, 0 AS depth FROM "Appointment" WHERE "rescheduledFromId" IS NULL
  UNION ALL
    SELECT a."id", chain.root, chain.depth + 1 FROM "Appointment" a JOIN chain ON a."rescheduledFromId" = chain."id"
)
UPDATE "Appointment" a SET "bookingId" = chain.root, "revision" = chain.depth FROM chain WHERE a."id" = chain."id";

CREATE INDEX "Appointment_bookingId_revision_idx" ON "Appointment"("bookingId", "revision");

CREATE TYPE "PatientLinkPurpose" AS ENUM ('MANAGE', 'VIDEO', 'PREFERENCES');

CREATE TABLE "PatientLink" (
    "tokenHash" TEXT NOT NULL,
    "purpose" "PatientLinkPurpose" NOT NULL,
    "patientId" UUID NOT NULL,
    "bookingId" UUID,
    "messageId" UUID,
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientLink_pkey" PRIMARY KEY ("tokenHash"),
    -- A booking's links name the booking; a preferences link has an end of its own.
    CONSTRAINT "PatientLink_target" CHECK (
      CASE "purpose" WHEN 'PREFERENCES' THEN "expiresAt" IS NOT NULL ELSE "bookingId" IS NOT NULL END
    )
);

CREATE INDEX "PatientLink_bookingId_idx" ON "PatientLink"("bookingId");
CREATE INDEX "PatientLink_messageId_idx" ON "PatientLink"("messageId");

ALTER TABLE "PatientLink" ADD CONSTRAINT "PatientLink_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PatientLink" ADD CONSTRAINT "PatientLink_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
