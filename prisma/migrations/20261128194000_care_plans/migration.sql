-- Plans of care: a patient's series of visits, prescribed as visits per week
-- for a number of weeks on preferred days and at a preferred time of day. The
-- visits themselves are ordinary appointments pointing at their plan, so every
-- existing rule (exclusion constraints, moving, cancelling) applies to each.
CREATE TYPE "CarePlanStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'CANCELLED');

CREATE TABLE "CarePlan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "mode" "VisitMode" NOT NULL,
    "treats" TEXT NOT NULL,
    "visitsPerWeek" INTEGER NOT NULL,
    "weeks" INTEGER NOT NULL,
    "preferredWeekdays" INTEGER[],
    "windowStartMinute" INTEGER NOT NULL,
    "windowEndMinute" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "status" "CarePlanStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdFromAppointmentId" UUID,
    "createdByStaffId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CarePlan_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CarePlan_treats_check" CHECK (length(btrim("treats")) BETWEEN 1 AND 200),
    CONSTRAINT "CarePlan_visitsPerWeek_check" CHECK ("visitsPerWeek" BETWEEN 1 AND 5),
    CONSTRAINT "CarePlan_weeks_check" CHECK ("weeks" BETWEEN 1 AND 26),
    -- At least as many distinct preferred days as visits a week, each an ISO weekday.
    CONSTRAINT "CarePlan_weekdays_check" CHECK (
        "preferredWeekdays" IS NOT NULL
        AND cardinality("preferredWeekdays") BETWEEN "visitsPerWeek" AND 7
        AND "preferredWeekdays" <@ ARRAY[1, 2, 3, 4, 5, 6, 7]
        AND array_position("preferredWeekdays", NULL) IS NULL),
    CONSTRAINT "CarePlan_window_check" CHECK ("windowStartMinute" >= 0 AND "windowEndMinute" <= 1440 AND "windowStartMinute" < "windowEndMinute"),
    CONSTRAINT "CarePlan_startsOn_check" CHECK ("startsOn" BETWEEN DATE '1900-01-01' AND DATE '2200-12-31')
);

CREATE INDEX "CarePlan_patientId_createdAt_idx" ON "CarePlan"("patientId", "createdAt");

ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_createdFromAppointmentId_fkey" FOREIGN KEY ("createdFromAppointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CarePlan" ADD CONSTRAINT "CarePlan_createdByStaffId_fkey" FOREIGN KEY ("createdByStaffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Appointment" ADD COLUMN "carePlanId" UUID;
CREATE INDEX "Appointment_carePlanId_idx" ON "Appointment"("carePlanId");
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_carePlanId_fkey" FOREIGN KEY ("carePlanId") REFERENCES "CarePlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
