-- A version stamp for the staff calendar board, so a desk's poll of an
-- unchanged board can be answered 304 from one small query. The stamp lives
-- here, not in process memory, so every app instance computes the same ETag.
--
-- One counter per therapist ("scope" = the therapist's id) for what is theirs
-- on a board (visits, at any location; weekly hours; time off; location
-- links; name), and one counter "practice" for what every board shows
-- (locations, services, room names). A board's ETag is built from the
-- "practice" counter and the counters of the therapists linked to its
-- location (lib/calendar/board-version.ts).
--
-- Why per therapist and not per location: a per-location row is a hot row.
-- Every booking at a location would update it, so concurrent bookings of
-- different therapists there would queue behind each other's commits, and a
-- therapist working at two locations would lock two rows per booking (in
-- either order, a deadlock waiting to happen). It cannot be a column on
-- "Location" either: bookings hold that row FOR SHARE while they check the
-- slot, so an UPDATE of it from a trigger would wait for (or deadlock with)
-- every other booking there. A therapist's counter only queues bookings of
-- the same therapist, which the exclusion constraint already serialises; in
-- a 200-way race for one slot only the winner's insert reaches it.
--
-- The triggers are deferred to commit: the counter's row lock is then taken
-- after every other lock of the transaction and held only for the commit, so
-- it cannot sit in a lock cycle with rooms, therapists or locations. A
-- counter (version + 1 under the row lock) rather than a sequence value: a
-- sequence value is drawn before commit, so two changes could commit out of
-- order and the later commit would leave the older-looking stamp behind.

CREATE TABLE "BoardVersion" (
    "scope" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    CONSTRAINT "BoardVersion_pkey" PRIMARY KEY ("scope")
);

INSERT INTO "BoardVersion" ("scope", "version") VALUES ('practice', 1);
INSERT INTO "BoardVersion" ("scope", "version") SELECT "id"::text, 1 FROM "Therapist";

-- Bumps the given scopes once each, in a fixed order, so that two
-- transactions bumping the same scopes always lock them in the same order.
CREATE FUNCTION "bump_board_version"(scopes TEXT[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "BoardVersion" ("scope", "version")
    SELECT DISTINCT s, 1 FROM unnest(scopes) AS s WHERE s IS NOT NULL ORDER BY s
    ON CONFLICT ("scope") DO UPDATE SET "version" = "BoardVersion"."version" + 1;
$$;

-- TG_ARGV[0] names the column holding the therapist's id, or is 'practice'.
CREATE FUNCTION "board_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    scopes TEXT[] := '{}';
BEGIN
    IF TG_ARGV[0] = 'practice' THEN
        scopes := ARRAY['practice'];
    ELSE
        IF TG_OP <> 'INSERT' THEN scopes := scopes || (to_jsonb(OLD) ->> TG_ARGV[0]); END IF;
        IF TG_OP <> 'DELETE' THEN scopes := scopes || (to_jsonb(NEW) ->> TG_ARGV[0]); END IF;
    END IF;
    PERFORM "bump_board_version"(scopes);
    RETURN NULL;
END;
$$;

-- A patient's name and phone show on every visit of theirs.
CREATE FUNCTION "board_patient_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bump_board_version"(ARRAY(SELECT DISTINCT "therapistId"::text FROM "Appointment" WHERE "patientId" = NEW."id"));
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Appointment_board_insert_delete"
    AFTER INSERT OR DELETE ON "Appointment" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('therapistId');
-- Only columns the board shows; "updatedAt" is one, and every write through the app sets it.
CREATE CONSTRAINT TRIGGER "Appointment_board_update"
    AFTER UPDATE ON "Appointment" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD."therapistId", OLD."locationId", OLD."serviceId", OLD."patientId", OLD."roomId", OLD."startsAt", OLD."endsAt",
           OLD."status", OLD."mode", OLD."source", OLD."updatedAt")
          IS DISTINCT FROM
          (NEW."therapistId", NEW."locationId", NEW."serviceId", NEW."patientId", NEW."roomId", NEW."startsAt", NEW."endsAt",
           NEW."status", NEW."mode", NEW."source", NEW."updatedAt"))
    EXECUTE FUNCTION "board_changed"('therapistId');

CREATE CONSTRAINT TRIGGER "WeeklyHours_board"
    AFTER INSERT OR UPDATE OR DELETE ON "WeeklyHours" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('therapistId');
CREATE CONSTRAINT TRIGGER "TimeOff_board"
    AFTER INSERT OR UPDATE OR DELETE ON "TimeOff" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('therapistId');
CREATE CONSTRAINT TRIGGER "TherapistLocation_board"
    AFTER INSERT OR UPDATE OR DELETE ON "TherapistLocation" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('therapistId');
CREATE CONSTRAINT TRIGGER "Therapist_board"
    AFTER UPDATE ON "Therapist" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD."firstName", OLD."lastName", OLD."credentials", OLD."visitModes", OLD."active")
          IS DISTINCT FROM (NEW."firstName", NEW."lastName", NEW."credentials", NEW."visitModes", NEW."active"))
    EXECUTE FUNCTION "board_changed"('id');
CREATE CONSTRAINT TRIGGER "Patient_board"
    AFTER UPDATE ON "Patient" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD."firstName", OLD."lastName", OLD."phone") IS DISTINCT FROM (NEW."firstName", NEW."lastName", NEW."phone"))
    EXECUTE FUNCTION "board_patient_changed"();

CREATE CONSTRAINT TRIGGER "Service_board"
    AFTER INSERT OR UPDATE OR DELETE ON "Service" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('practice');
CREATE CONSTRAINT TRIGGER "Location_board_insert_delete"
    AFTER INSERT OR DELETE ON "Location" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('practice');
CREATE CONSTRAINT TRIGGER "Location_board_update"
    AFTER UPDATE ON "Location" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD."name", OLD."timeZone", OLD."active") IS DISTINCT FROM (NEW."name", NEW."timeZone", NEW."active"))
    EXECUTE FUNCTION "board_changed"('practice');
CREATE CONSTRAINT TRIGGER "Room_board"
    AFTER UPDATE OR DELETE ON "Room" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_changed"('practice');
