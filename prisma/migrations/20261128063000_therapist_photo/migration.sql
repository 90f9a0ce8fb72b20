-- A therapist's portrait, shown to patients choosing whom to book with.
-- Removing the portrait clears the link; the picture row itself may be
-- pruned later without touching the therapist.
ALTER TABLE "Therapist" ADD COLUMN "photoImageId" UUID;

ALTER TABLE "Therapist" ADD CONSTRAINT "Therapist_photoImageId_fkey" FOREIGN KEY ("photoImageId") REFERENCES "StoredImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
