-- Progress: the intake form's answers before a first visit, and pain and
-- function scores over time (intake, checks every two weeks, discharge).
ALTER TYPE "PatientLinkPurpose" ADD VALUE 'INTAKE';

CREATE TYPE "ProgressSource" AS ENUM ('INTAKE', 'CHECK', 'DISCHARGE');

CREATE TABLE "IntakeResponse" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointmentId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "formSlug" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "answers" JSONB NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeResponse_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "IntakeResponse_answers" CHECK (jsonb_typeof("answers") = 'object' AND octet_length("answers"::text) <= 16384)
);

CREATE UNIQUE INDEX "IntakeResponse_appointmentId_key" ON "IntakeResponse"("appointmentId");
CREATE UNIQUE INDEX "IntakeResponse_bookingId_key" ON "IntakeResponse"("bookingId");
CREATE INDEX "IntakeResponse_patientId_idx" ON "IntakeResponse"("patientId");

ALTER TABLE "IntakeResponse" ADD CONSTRAINT "IntakeResponse_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IntakeResponse" ADD CONSTRAINT "IntakeResponse_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ProgressScore" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "appointmentId" UUID,
    "pain" INTEGER NOT NULL,
    "function" INTEGER NOT NULL,
    "source" "ProgressSource" NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,

    CONSTRAINT "ProgressScore_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ProgressScore_pain" CHECK ("pain" BETWEEN 0 AND 10),
    CONSTRAINT "ProgressScore_function" CHECK ("function" BETWEEN 0 AND 100),
    CONSTRAINT "ProgressScore_recordedAt" CHECK ("recordedAt" >= '1900-01-01' AND "recordedAt" < '2200-01-01')
);

CREATE INDEX "ProgressScore_patientId_recordedAt_idx" ON "ProgressScore"("patientId", "recordedAt");

ALTER TABLE "ProgressScore" ADD CONSTRAINT "ProgressScore_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProgressScore" ADD CONSTRAINT "ProgressScore_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ProgressScore" ADD CONSTRAINT "ProgressScore_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
