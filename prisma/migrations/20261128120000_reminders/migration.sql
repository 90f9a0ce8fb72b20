-- Reminders: how long before a visit each channel reminds (0 = never), per practice.
ALTER TABLE "Practice" ADD COLUMN "emailReminderHours" INTEGER NOT NULL DEFAULT 24;
ALTER TABLE "Practice" ADD COLUMN "smsReminderHours" INTEGER NOT NULL DEFAULT 2;
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_reminder_hours" CHECK (
  "emailReminderHours" BETWEEN 0 AND 168 AND "smsReminderHours" BETWEEN 0 AND 168
);

-- A patient may turn reminders off per channel; confirmations and change notices still go.
ALTER TABLE "Patient" ADD COLUMN "emailRemindersOff" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Patient" ADD COLUMN "smsRemindersOff" BOOLEAN NOT NULL DEFAULT false;

-- When the visit got its current start: a visit booked or moved inside a
-- reminder's lead time gets no separate reminder (its confirmation or change
-- notice said it all). Null for visits imported from another system, which
-- were booked there, whenever that was. Rows already here count from when
-- they were written, the best this table knows.
ALTER TABLE "Appointment" ADD COLUMN "startSetAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;
UPDATE "Appointment" SET "startSetAt" = "createdAt";

-- Every write that moves a visit, whichever code path makes it (the desk,
-- the calendar, an import, a script), restamps when the start was set and
-- drops the patient's answer to the old time: "I'll be there" was said of it.
CREATE FUNCTION "appointment_start_set"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."startsAt" IS DISTINCT FROM OLD."startsAt" THEN
        NEW."startSetAt" := now();
    END IF;
    IF NEW."startsAt" IS DISTINCT FROM OLD."startsAt" OR NEW."locationId" IS DISTINCT FROM OLD."locationId" OR NEW."mode" IS DISTINCT FROM OLD."mode" THEN
        NEW."patientConfirmedAt" := NULL;
        NEW."changeRequestedAt" := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Appointment_start_set"
    BEFORE UPDATE OF "startsAt", "locationId", "mode" ON "Appointment"
    FOR EACH ROW EXECUTE FUNCTION "appointment_start_set"();

-- The reminder sweep reads booked visits by start time.
CREATE INDEX "Appointment_booked_startsAt_idx" ON "Appointment"("startsAt") WHERE "status" = 'BOOKED';

-- A reminder's "I'll be there" and "I need to change" links open one booking.
ALTER TYPE "PatientLinkPurpose" ADD VALUE 'ATTENDANCE';
