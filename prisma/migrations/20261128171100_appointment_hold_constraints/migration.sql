-- A held time blocks the therapist, the patient and a room place exactly as a
-- booked visit does, so two patients paying for one time cannot both get it.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_hold_expiry_check"
    CHECK ("status" <> 'HELD' OR "holdExpiresAt" IS NOT NULL);

ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_therapist_no_overlap";
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapist_no_overlap"
    EXCLUDE USING gist ("therapistId" WITH =, tstzrange("blockedFrom", "blockedUntil", '[)') WITH &&)
    WHERE ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'HELD'));

ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_patient_no_overlap";
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patient_no_overlap"
    EXCLUDE USING gist ("patientId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
    WHERE ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'HELD'));

CREATE OR REPLACE FUNCTION "appointment_room_capacity"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    room_capacity INTEGER;
    overlapping INTEGER;
BEGIN
    IF NEW."roomId" IS NULL OR NEW."status" NOT IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'HELD') THEN
        RETURN NEW;
    END IF;
    SELECT "capacity" INTO room_capacity FROM "Room" WHERE "id" = NEW."roomId" FOR UPDATE;
    SELECT count(*) INTO overlapping FROM "Appointment"
     WHERE "roomId" = NEW."roomId"
       AND "id" <> NEW."id"
       AND "status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'HELD')
       AND tstzrange("startsAt", "endsAt", '[)') && tstzrange(NEW."startsAt", NEW."endsAt", '[)');
    IF overlapping >= room_capacity THEN
        RAISE EXCEPTION 'Appointment_room_capacity: room % is full at that time', NEW."roomId"
            USING ERRCODE = '23P01', CONSTRAINT = 'Appointment_room_capacity';
    END IF;
    RETURN NEW;
END;
$$;

-- A hold past its expiry never blocks the time, whether or not anything has
-- swept it: before a row takes (or keeps) a therapist's, a patient's or a
-- room's time, the expired holds it overlaps are marked LAPSED, so the room
-- count and the exclusion constraints that follow see only live holds. It
-- runs for every writer (online booking, the desk, imports, reschedules).
--
-- The clock is clock_timestamp(), not now(): now() is when the transaction
-- began, and a booking can wait seconds for the locks before it (rooms, the
-- therapist, the hold's own row); the hold is judged when the write happens.
-- Either clock is safe (neither lapses a hold before its expiry); this one
-- does not refuse a time whose hold ran out while the booking waited.
--
-- The holds are locked in id order before they change, so two bookings
-- lapsing the same holds queue rather than deadlock. A booking that waited
-- for a hold another booking was lapsing re-reads it as LAPSED and leaves it;
-- the exclusion constraint then decides between the two bookings. Named to
-- run before "Appointment_room_capacity" (BEFORE triggers fire by name).
CREATE FUNCTION "appointment_lapse_holds"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."status" NOT IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'HELD') THEN
        RETURN NEW;
    END IF;
    UPDATE "Appointment" SET "status" = 'LAPSED', "updatedAt" = clock_timestamp()
     WHERE "id" IN (
        SELECT "id" FROM "Appointment"
         WHERE "status" = 'HELD'
           AND "holdExpiresAt" <= clock_timestamp()
           AND "id" <> NEW."id"
           AND (("therapistId" = NEW."therapistId" AND "blockedUntil" > NEW."blockedFrom" AND "blockedFrom" < NEW."blockedUntil")
             OR ("patientId" = NEW."patientId" AND "endsAt" > NEW."startsAt" AND "startsAt" < NEW."endsAt")
             OR ("roomId" = NEW."roomId" AND "endsAt" > NEW."startsAt" AND "startsAt" < NEW."endsAt"))
         ORDER BY "id"
         FOR UPDATE)
       AND "status" = 'HELD';
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Appointment_lapse_holds"
    BEFORE INSERT OR UPDATE OF "status", "therapistId", "patientId", "roomId", "startsAt", "endsAt", "blockedFrom", "blockedUntil"
    ON "Appointment"
    FOR EACH ROW EXECUTE FUNCTION "appointment_lapse_holds"();

-- The lapse query reads only held rows, by owner and end; the holds of the
-- past stay out of the range scanned.
CREATE INDEX "Appointment_held_therapist_idx" ON "Appointment"("therapistId", "blockedUntil") WHERE "status" = 'HELD';
CREATE INDEX "Appointment_held_patient_idx" ON "Appointment"("patientId", "endsAt") WHERE "status" = 'HELD';
CREATE INDEX "Appointment_held_room_idx" ON "Appointment"("roomId", "endsAt") WHERE "status" = 'HELD';
-- The board finds its live holds, and counts them for its ETag, by expiry.
CREATE INDEX "Appointment_held_expiry_idx" ON "Appointment"("holdExpiresAt") WHERE "status" = 'HELD';
