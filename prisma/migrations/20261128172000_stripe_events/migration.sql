-- Stripe's webhooks: the events already acted on (each once, in the
-- transaction of its effect), and the payment ledger they keep.

CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "created" TIMESTAMPTZ(3) NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StripeEvent_id_format" CHECK ("id" ~ '^evt_[A-Za-z0-9_]+$')
);

CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "amountCents" INTEGER,
    "currency" TEXT,
    "status" "PaymentStatus" NOT NULL,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "checkoutSessionId" TEXT,
    "appointmentId" UUID,
    "customerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Payment_id_format" CHECK ("id" ~ '^pi_[A-Za-z0-9_]+$'),
    CONSTRAINT "Payment_amount_not_negative" CHECK ("amountCents" >= 0),
    CONSTRAINT "Payment_refunded_not_negative" CHECK ("refundedCents" >= 0),
    -- Stripe never refunds more than was paid; neither does the ledger, once the amount is known.
    CONSTRAINT "Payment_refunded_within_amount" CHECK ("amountCents" IS NULL OR "refundedCents" <= "amountCents"),
    CONSTRAINT "Payment_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$')
);

CREATE UNIQUE INDEX "Payment_checkoutSessionId_key" ON "Payment"("checkoutSessionId");
CREATE INDEX "Payment_appointmentId_idx" ON "Payment"("appointmentId");

CREATE TYPE "PaymentRefundStatus" AS ENUM ('PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'CANCELED');

CREATE TABLE "PaymentRefund" (
    "id" TEXT NOT NULL,
    "paymentIntentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" "PaymentRefundStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRefund_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PaymentRefund_amount_not_negative" CHECK ("amountCents" >= 0)
);

CREATE INDEX "PaymentRefund_paymentIntentId_idx" ON "PaymentRefund"("paymentIntentId");

ALTER TABLE "PaymentRefund" ADD CONSTRAINT "PaymentRefund_paymentIntentId_fkey" FOREIGN KEY ("paymentIntentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
