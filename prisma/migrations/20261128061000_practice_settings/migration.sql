-- The practice's own details for patients: its logo, its cancellation and
-- privacy policies in English and Spanish, and whether it is the demo clinic.
ALTER TABLE "Practice"
    ADD COLUMN "logoImageId" UUID,
    ADD COLUMN "cancellationPolicyEn" TEXT,
    ADD COLUMN "cancellationPolicyEs" TEXT,
    ADD COLUMN "privacyPolicyEn" TEXT,
    ADD COLUMN "privacyPolicyEs" TEXT,
    ADD COLUMN "isDemo" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Practice" ADD CONSTRAINT "Practice_logoImageId_fkey" FOREIGN KEY ("logoImageId") REFERENCES "StoredImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
