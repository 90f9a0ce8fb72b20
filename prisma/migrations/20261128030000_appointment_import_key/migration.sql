-- A visit brought over from another system carries a key for the row it came
-- from (that system's id, or a hash of the row), unique, so importing the
-- same file twice books nothing the second time, even when two imports race.
ALTER TABLE "Appointment" ADD COLUMN "importKey" TEXT;
CREATE UNIQUE INDEX "Appointment_importKey_key" ON "Appointment"("importKey");
