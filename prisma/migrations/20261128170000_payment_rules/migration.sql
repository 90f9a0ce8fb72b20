-- Payment rules: what a service asks the patient to pay online when booking.
CREATE TYPE "PaymentRule" AS ENUM ('NONE', 'FULL', 'DEPOSIT', 'CARD_ON_FILE');

ALTER TABLE "Service" ADD COLUMN "paymentRule" "PaymentRule" NOT NULL DEFAULT 'NONE';
ALTER TABLE "Service" ADD COLUMN "depositCents" INTEGER;
ALTER TABLE "Service" ADD COLUMN "depositPercent" INTEGER;

-- A deposit is an amount or a share of the price, never both and never
-- neither; any other rule carries no deposit, so a stale one cannot come back
-- to life when the rule is switched to DEPOSIT again.
ALTER TABLE "Service" ADD CONSTRAINT "Service_deposit_shape" CHECK (
  CASE WHEN "paymentRule" = 'DEPOSIT'
    THEN ("depositCents" IS NULL) <> ("depositPercent" IS NULL)
    ELSE "depositCents" IS NULL AND "depositPercent" IS NULL
  END
);
-- A deposit is part of the price: more than nothing, at most all of it.
ALTER TABLE "Service" ADD CONSTRAINT "Service_deposit_bounds" CHECK (
  ("depositPercent" IS NULL OR "depositPercent" BETWEEN 1 AND 100)
  AND ("depositCents" IS NULL OR ("depositCents" > 0 AND "depositCents" <= "priceCents"))
);
-- A free service has nothing to take online, so it cannot be paid in full or
-- by deposit; a card on file is still allowed, for the late-cancellation and
-- no-show fees (a missed free screening costs the practice a therapist's hour).
ALTER TABLE "Service" ADD CONSTRAINT "Service_free_payment_rule" CHECK (
  "priceCents" > 0 OR "paymentRule" IN ('NONE', 'CARD_ON_FILE')
);

-- The practice's cancellation policy. Fees are charged in the visit's
-- service currency.
ALTER TABLE "Practice" ADD COLUMN "lateCancelWindowMinutes" INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE "Practice" ADD COLUMN "lateCancelFeeCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Practice" ADD COLUMN "noShowFeeCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Practice" ADD CONSTRAINT "Practice_cancellation_policy" CHECK (
  "lateCancelWindowMinutes" >= 0 AND "lateCancelFeeCents" >= 0 AND "noShowFeeCents" >= 0
);
