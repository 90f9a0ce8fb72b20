-- Text messages: the numbers that answered STOP, and the index that finds the
-- texts sent to a number when it replies (its C or R is recorded on the visit).

CREATE TABLE "SmsOptOut" (
    "phone" TEXT NOT NULL,
    "optedOutAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("phone"),
    -- Stored as texts are addressed, so a lookup by the sender's number finds it.
    CONSTRAINT "SmsOptOut_phone_e164" CHECK ("phone" ~ '^\+[1-9][0-9]{6,14}$')
);

CREATE INDEX "Message_channel_recipient_idx" ON "Message"("channel", "recipient");
