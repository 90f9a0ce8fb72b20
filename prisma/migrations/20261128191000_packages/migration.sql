-- Packages: visits of one service sold together and used within a time.
-- The balance is a ledger: every change is a PackageLedgerEntry, whose
-- trigger applies it to PatientPackage.visitsLeft in the same statement, and
-- a CHECK keeps that balance between zero and the visits bought, so two
-- bookings racing for the last visit cannot both have it, whatever the
-- isolation level: the second's update waits for the first's row and then
-- fails the CHECK.

CREATE TABLE "PackageOffer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "serviceId" UUID NOT NULL,
    "visits" INTEGER NOT NULL,
    "validityDays" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PackageOffer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PackageOffer_visits_range" CHECK ("visits" BETWEEN 1 AND 100),
    CONSTRAINT "PackageOffer_validity_range" CHECK ("validityDays" BETWEEN 1 AND 1830),
    CONSTRAINT "PackageOffer_price_positive" CHECK ("priceCents" > 0),
    CONSTRAINT "PackageOffer_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$')
);

CREATE INDEX "PackageOffer_active_sortOrder_idx" ON "PackageOffer"("active", "sortOrder");
ALTER TABLE "PackageOffer" ADD CONSTRAINT "PackageOffer_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "PatientPackage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "offerId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "visitsTotal" INTEGER NOT NULL,
    "visitsLeft" INTEGER NOT NULL DEFAULT 0,
    "purchasedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "checkoutSessionId" TEXT,
    "paymentIntentId" TEXT,
    "codeHash" TEXT NOT NULL,
    "language" "Language" NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientPackage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PatientPackage_visits_total_range" CHECK ("visitsTotal" BETWEEN 1 AND 100),
    CONSTRAINT "PatientPackage_visits_left_range" CHECK ("visitsLeft" >= 0 AND "visitsLeft" <= "visitsTotal"),
    -- A package is bought and dated at once, by its payment.
    CONSTRAINT "PatientPackage_purchase_dated" CHECK (("purchasedAt" IS NULL) = ("expiresAt" IS NULL))
);

CREATE UNIQUE INDEX "PatientPackage_checkoutSessionId_key" ON "PatientPackage"("checkoutSessionId");
CREATE UNIQUE INDEX "PatientPackage_codeHash_key" ON "PatientPackage"("codeHash");
CREATE INDEX "PatientPackage_patientId_idx" ON "PatientPackage"("patientId");
ALTER TABLE "PatientPackage" ADD CONSTRAINT "PatientPackage_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "PackageOffer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PatientPackage" ADD CONSTRAINT "PatientPackage_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TYPE "PackageLedgerKind" AS ENUM ('PURCHASE', 'BOOKING', 'RESTORE', 'ADJUSTMENT');

CREATE TABLE "PackageLedgerEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientPackageId" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "kind" "PackageLedgerKind" NOT NULL,
    "appointmentId" UUID,
    "staffUserId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackageLedgerEntry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PackageLedgerEntry_delta_sign" CHECK (
        ("kind" = 'PURCHASE' AND "delta" > 0 AND "appointmentId" IS NULL)
        OR ("kind" = 'BOOKING' AND "delta" = -1 AND "appointmentId" IS NOT NULL)
        OR ("kind" = 'RESTORE' AND "delta" = 1 AND "appointmentId" IS NOT NULL)
        OR ("kind" = 'ADJUSTMENT' AND "delta" <> 0)
    )
);

-- A visit is debited once and given back once.
CREATE UNIQUE INDEX "PackageLedgerEntry_appointmentId_kind_key" ON "PackageLedgerEntry"("appointmentId", "kind");
CREATE INDEX "PackageLedgerEntry_patientPackageId_idx" ON "PackageLedgerEntry"("patientPackageId");
-- A package is bought once: a webhook delivered twice adds its visits once.
CREATE UNIQUE INDEX "PackageLedgerEntry_one_purchase" ON "PackageLedgerEntry"("patientPackageId") WHERE "kind" = 'PURCHASE';
ALTER TABLE "PackageLedgerEntry" ADD CONSTRAINT "PackageLedgerEntry_patientPackageId_fkey" FOREIGN KEY ("patientPackageId") REFERENCES "PatientPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The balance follows the ledger in the inserting statement: an entry that
-- would take it below zero (or above what was bought) fails the CHECK and
-- is not written either.
CREATE FUNCTION "PackageLedgerEntry_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PatientPackage" SET "visitsLeft" = "visitsLeft" + NEW."delta" WHERE "id" = NEW."patientPackageId";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PackageLedgerEntry_apply" AFTER INSERT ON "PackageLedgerEntry"
    FOR EACH ROW EXECUTE FUNCTION "PackageLedgerEntry_apply"();

-- The ledger is history: an entry is never changed or taken back, only answered by another.
CREATE FUNCTION "PackageLedgerEntry_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'A package ledger entry is never changed or deleted; add an ADJUSTMENT instead.';
END;
$$;

CREATE TRIGGER "PackageLedgerEntry_immutable" BEFORE UPDATE OR DELETE ON "PackageLedgerEntry"
    FOR EACH ROW EXECUTE FUNCTION "PackageLedgerEntry_immutable"();
