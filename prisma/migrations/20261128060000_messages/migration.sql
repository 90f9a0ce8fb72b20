-- The outbox of messages to patients and staff, and the mail the built-in
-- catcher receives when no SMTP server is configured.
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'SMS');
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENT', 'SKIPPED', 'FAILED');

CREATE TABLE "Message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "language" "Language" NOT NULL DEFAULT 'en',
    "appointmentId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'QUEUED',
    "sendAfter" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "subject" TEXT,
    "providerMessageId" TEXT,
    "requestedById" UUID,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id"),
    -- A message is sent once: only a sent row has a send time.
    CONSTRAINT "Message_sent_at" CHECK (("status" = 'SENT') = ("sentAt" IS NOT NULL))
);

CREATE UNIQUE INDEX "Message_dedupeKey_key" ON "Message"("dedupeKey");
CREATE INDEX "Message_status_queuedAt_idx" ON "Message"("status", "queuedAt");
CREATE INDEX "Message_appointmentId_idx" ON "Message"("appointmentId");

ALTER TABLE "Message" ADD CONSTRAINT "Message_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "CaughtMail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mailFrom" TEXT NOT NULL,
    "rcptTo" TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "raw" BYTEA NOT NULL,

    CONSTRAINT "CaughtMail_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "CaughtMail_receivedAt_idx" ON "CaughtMail"("receivedAt");
