-- The built-in video room: a join token per appointment (stored hashed), when
-- each side came and went, the browser tabs in a room and the WebRTC
-- signalling messages between them. Everything lives here, not in process
-- memory, so any app instance can answer any tab.

ALTER TABLE "Appointment"
    ADD COLUMN "videoJoinTokenHash" TEXT,
    ADD COLUMN "patientJoinedAt" TIMESTAMPTZ(3),
    ADD COLUMN "patientLeftAt" TIMESTAMPTZ(3),
    ADD COLUMN "therapistJoinedAt" TIMESTAMPTZ(3),
    ADD COLUMN "therapistLeftAt" TIMESTAMPTZ(3),
    ADD COLUMN "admittedAt" TIMESTAMPTZ(3);

CREATE UNIQUE INDEX "Appointment_videoJoinTokenHash_key" ON "Appointment"("videoJoinTokenHash");

CREATE TYPE "VideoRole" AS ENUM ('PATIENT', 'THERAPIST');
CREATE TYPE "VideoPresence" AS ENUM ('WAITING', 'ADMITTED', 'LEFT');

CREATE TABLE "VideoParticipant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointmentId" UUID NOT NULL,
    "role" "VideoRole" NOT NULL,
    "staffUserId" UUID,
    "secretHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "state" "VideoPresence" NOT NULL,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admittedAt" TIMESTAMPTZ(3),
    "leftAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VideoParticipant_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "VideoParticipant_secretHash_key" ON "VideoParticipant"("secretHash");
CREATE INDEX "VideoParticipant_appointmentId_idx" ON "VideoParticipant"("appointmentId");
ALTER TABLE "VideoParticipant" ADD CONSTRAINT "VideoParticipant_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "VideoParticipant" ADD CONSTRAINT "VideoParticipant_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One live tab per side of a call: a second browser holding the same link
-- cannot slip in beside (or in place of) the patient, whatever the app does.
CREATE UNIQUE INDEX "VideoParticipant_one_live_per_role" ON "VideoParticipant"("appointmentId", "role") WHERE "state" IN ('WAITING', 'ADMITTED');
-- A therapist tab belongs to a staff member; a patient tab to nobody signed in.
ALTER TABLE "VideoParticipant" ADD CONSTRAINT "VideoParticipant_staff_check" CHECK (("role" = 'THERAPIST') = ("staffUserId" IS NOT NULL));

CREATE TABLE "VideoSignal" (
    "id" BIGSERIAL NOT NULL,
    "appointmentId" UUID NOT NULL,
    "fromParticipantId" UUID NOT NULL,
    "toParticipantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VideoSignal_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "VideoSignal_toParticipantId_id_idx" ON "VideoSignal"("toParticipantId", "id");
CREATE INDEX "VideoSignal_appointmentId_idx" ON "VideoSignal"("appointmentId");
ALTER TABLE "VideoSignal" ADD CONSTRAINT "VideoSignal_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "VideoSignal" ADD CONSTRAINT "VideoSignal_fromParticipantId_fkey" FOREIGN KEY ("fromParticipantId") REFERENCES "VideoParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "VideoSignal" ADD CONSTRAINT "VideoSignal_toParticipantId_fkey" FOREIGN KEY ("toParticipantId") REFERENCES "VideoParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A session description is a few kilobytes; anything far larger is not signalling.
ALTER TABLE "VideoSignal" ADD CONSTRAINT "VideoSignal_payload_size_check" CHECK (octet_length("payload"::text) <= 65536);
