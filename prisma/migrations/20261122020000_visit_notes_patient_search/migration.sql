-- Visit notes, kept apart from the appointment so that reading them can be
-- authorised (and audited) on their own; and indexes that keep patient search
-- fast with tens of thousands of patients.

CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "VisitNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointmentId" UUID NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "VisitNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisitNote_appointmentId_key" ON "VisitNote"("appointmentId");

-- AddForeignKey
ALTER TABLE "VisitNote" ADD CONSTRAINT "VisitNote_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "VisitNote" ADD CONSTRAINT "VisitNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "VisitNote" ADD CONSTRAINT "VisitNote_body_check" CHECK (length("body") <= 5000);

-- Patient search: a name in either order, the digits of a phone number, an
-- email, each by substring through trigrams.
CREATE INDEX "Patient_name_trgm_idx" ON "Patient" USING gin ((lower("firstName" || ' ' || "lastName")) gin_trgm_ops);
CREATE INDEX "Patient_name_reversed_trgm_idx" ON "Patient" USING gin ((lower("lastName" || ' ' || "firstName")) gin_trgm_ops);
CREATE INDEX "Patient_phone_digits_trgm_idx" ON "Patient" USING gin ((regexp_replace("phone", '[^0-9]', '', 'g')) gin_trgm_ops);
CREATE INDEX "Patient_email_trgm_idx" ON "Patient" USING gin ((lower("email")) gin_trgm_ops);
CREATE INDEX "Patient_dateOfBirth_idx" ON "Patient"("dateOfBirth");
