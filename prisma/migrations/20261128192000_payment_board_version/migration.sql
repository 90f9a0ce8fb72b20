-- The calendar board shows each visit's payment state (paid, deposit,
-- refunded…), read from the payments made for any row of the visit's booking
-- (a patient's reschedule writes a new row with the same bookingId). A
-- payment or refund recorded by Stripe's webhook writes only "Payment", so
-- the board's version stamps (see the board_version migration) are bumped
-- here for the therapists of every row of that booking, deferred to commit
-- like the other board triggers. A refund's own row is not watched: the
-- ledger sums a payment's refunds into "Payment"."refundedCents" in the same
-- transaction, and that update bumps.
CREATE FUNCTION "board_payment_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    visits TEXT[] := '{}';
BEGIN
    IF TG_OP <> 'INSERT' THEN visits := visits || (to_jsonb(OLD) ->> 'appointmentId'); END IF;
    IF TG_OP <> 'DELETE' THEN visits := visits || (to_jsonb(NEW) ->> 'appointmentId'); END IF;
    PERFORM "bump_board_version"(ARRAY(
        SELECT DISTINCT v."therapistId"::text
          FROM "Appointment" paid
          JOIN "Appointment" v ON v."bookingId" = paid."bookingId"
         WHERE paid."id" = ANY(visits::uuid[])));
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Payment_board_insert_delete"
    AFTER INSERT OR DELETE ON "Payment" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION "board_payment_changed"();
-- Only what the board's payment state is made of.
CREATE CONSTRAINT TRIGGER "Payment_board_update"
    AFTER UPDATE ON "Payment" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN ((OLD."appointmentId", OLD."status", OLD."amountCents", OLD."refundedCents")
          IS DISTINCT FROM (NEW."appointmentId", NEW."status", NEW."amountCents", NEW."refundedCents"))
    EXECUTE FUNCTION "board_payment_changed"();
