-- Stride's first schema. Hand-written in Prisma Migrate's layout; the
-- invariants Prisma cannot express live at the end of this file.

CREATE EXTENSION IF NOT EXISTS "btree_gist";

-- CreateEnum
CREATE TYPE "VisitMode" AS ENUM ('CLINIC', 'HOME', 'VIDEO');
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW');
CREATE TYPE "BookingSource" AS ENUM ('ONLINE', 'STAFF');
CREATE TYPE "Language" AS ENUM ('en', 'es');
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'FRONT_DESK', 'THERAPIST');
CREATE TYPE "BlockKind" AS ENUM ('TIME_OFF', 'BLOCKED');

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'US',
    "phone" TEXT,
    "timeZone" TEXT NOT NULL,
    "homePostalCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "homeTravelMinutes" INTEGER NOT NULL DEFAULT 30,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Room" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "locationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Therapist" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "bioEn" TEXT NOT NULL DEFAULT '',
    "bioEs" TEXT NOT NULL DEFAULT '',
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visitModes" "VisitMode"[] DEFAULT ARRAY['CLINIC']::"VisitMode"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Therapist_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TherapistLocation" (
    "therapistId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    CONSTRAINT "TherapistLocation_pkey" PRIMARY KEY ("therapistId","locationId")
);

CREATE TABLE "Service" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "descriptionEs" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "visitModes" "VisitMode"[],
    "bufferBeforeMinutes" INTEGER NOT NULL DEFAULT 0,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "minNoticeMinutes" INTEGER NOT NULL DEFAULT 120,
    "horizonDays" INTEGER NOT NULL DEFAULT 60,
    "cancelCutoffMinutes" INTEGER NOT NULL DEFAULT 1440,
    "newPatientsOnly" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TherapistService" (
    "therapistId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    CONSTRAINT "TherapistService_pkey" PRIMARY KEY ("therapistId","serviceId")
);

CREATE TABLE "VisitReason" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "labelEs" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "VisitReason_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WeeklyHours" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "therapistId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "visitModes" "VisitMode"[],
    "validFrom" DATE,
    "validUntil" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WeeklyHours_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TimeOff" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "therapistId" UUID NOT NULL,
    "kind" "BlockKind" NOT NULL DEFAULT 'TIME_OFF',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TimeOff_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Patient" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "preferredLanguage" "Language" NOT NULL DEFAULT 'en',
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Appointment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "therapistId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "roomId" UUID,
    "mode" "VisitMode" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedFrom" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "source" "BookingSource" NOT NULL,
    "language" "Language" NOT NULL DEFAULT 'en',
    "reasonSlug" TEXT,
    "reasonText" TEXT,
    "visitAddressLine1" TEXT,
    "visitAddressLine2" TEXT,
    "visitCity" TEXT,
    "visitPostalCode" TEXT,
    "cancellationReason" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "checkedInAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "manageTokenHash" TEXT NOT NULL,
    "manageTokenExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "idempotencyKey" TEXT,
    "rescheduledFromId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "therapistId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staffUserId" UUID,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "patientId" UUID,
    "ipAddress" TEXT,
    "detail" JSONB,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "Location_slug_key" ON "Location"("slug");
CREATE UNIQUE INDEX "Room_locationId_name_key" ON "Room"("locationId", "name");
CREATE UNIQUE INDEX "Therapist_slug_key" ON "Therapist"("slug");
CREATE INDEX "TherapistLocation_locationId_idx" ON "TherapistLocation"("locationId");
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");
CREATE INDEX "TherapistService_serviceId_idx" ON "TherapistService"("serviceId");
CREATE UNIQUE INDEX "VisitReason_slug_key" ON "VisitReason"("slug");
CREATE INDEX "WeeklyHours_therapistId_idx" ON "WeeklyHours"("therapistId");
CREATE INDEX "WeeklyHours_locationId_idx" ON "WeeklyHours"("locationId");
CREATE INDEX "TimeOff_therapistId_startsAt_idx" ON "TimeOff"("therapistId", "startsAt");
CREATE INDEX "Patient_lastName_firstName_idx" ON "Patient"("lastName", "firstName");
CREATE INDEX "Patient_phone_idx" ON "Patient"("phone");
CREATE UNIQUE INDEX "Appointment_manageTokenHash_key" ON "Appointment"("manageTokenHash");
CREATE UNIQUE INDEX "Appointment_idempotencyKey_key" ON "Appointment"("idempotencyKey");
CREATE UNIQUE INDEX "Appointment_rescheduledFromId_key" ON "Appointment"("rescheduledFromId");
CREATE INDEX "Appointment_therapistId_startsAt_idx" ON "Appointment"("therapistId", "startsAt");
CREATE INDEX "Appointment_locationId_startsAt_idx" ON "Appointment"("locationId", "startsAt");
CREATE INDEX "Appointment_patientId_startsAt_idx" ON "Appointment"("patientId", "startsAt");
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");
CREATE UNIQUE INDEX "StaffUser_therapistId_key" ON "StaffUser"("therapistId");
CREATE INDEX "AuditLog_patientId_at_idx" ON "AuditLog"("patientId", "at");
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TherapistLocation" ADD CONSTRAINT "TherapistLocation_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TherapistLocation" ADD CONSTRAINT "TherapistLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TherapistService" ADD CONSTRAINT "TherapistService_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TherapistService" ADD CONSTRAINT "TherapistService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TimeOff" ADD CONSTRAINT "TimeOff_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_rescheduledFromId_fkey" FOREIGN KEY ("rescheduledFromId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "Therapist"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Invariants the database guarantees, whatever the application does.
-- ---------------------------------------------------------------------------

ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "WeeklyHours" ADD CONSTRAINT "WeeklyHours_minutes_check" CHECK ("startMinute" >= 0 AND "endMinute" <= 1440 AND "startMinute" < "endMinute");
ALTER TABLE "TimeOff" ADD CONSTRAINT "TimeOff_range_check" CHECK ("startsAt" < "endsAt");
ALTER TABLE "Room" ADD CONSTRAINT "Room_capacity_check" CHECK ("capacity" >= 1);
ALTER TABLE "Service" ADD CONSTRAINT "Service_duration_check" CHECK ("durationMinutes" > 0 AND "bufferBeforeMinutes" >= 0 AND "bufferAfterMinutes" >= 0);
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_range_check"
    CHECK ("startsAt" < "endsAt" AND "blockedFrom" <= "startsAt" AND "blockedUntil" >= "endsAt");
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_home_address_check"
    CHECK ("mode" <> 'HOME' OR ("visitAddressLine1" IS NOT NULL AND "visitPostalCode" IS NOT NULL));

-- A therapist is never in two places at once: active visits may not overlap,
-- buffers and travel included. Back-to-back ranges ('[)') are allowed.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_therapist_no_overlap"
    EXCLUDE USING gist ("therapistId" WITH =, tstzrange("blockedFrom", "blockedUntil", '[)') WITH &&)
    WHERE ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED'));

-- Nor is a patient.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_patient_no_overlap"
    EXCLUDE USING gist ("patientId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
    WHERE ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED'));

-- One patient record per person. Online bookings find it by email, birth date
-- and first name (family members often share an email; twins share a birthday).
CREATE UNIQUE INDEX "Patient_identity_key" ON "Patient"(lower("email"), "dateOfBirth", lower("firstName"));
CREATE INDEX "Patient_email_idx" ON "Patient"(lower("email"));

-- A room holds at most `capacity` visits at a time. An exclusion constraint
-- cannot count, so a trigger does, holding the room's row lock so that two
-- concurrent bookings of the last place are serialised.
CREATE FUNCTION "appointment_room_capacity"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    room_capacity INTEGER;
    overlapping INTEGER;
BEGIN
    IF NEW."roomId" IS NULL OR NEW."status" NOT IN ('BOOKED', 'CHECKED_IN', 'COMPLETED') THEN
        RETURN NEW;
    END IF;
    SELECT "capacity" INTO room_capacity FROM "Room" WHERE "id" = NEW."roomId" FOR UPDATE;
    SELECT count(*) INTO overlapping FROM "Appointment"
     WHERE "roomId" = NEW."roomId"
       AND "id" <> NEW."id"
       AND "status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED')
       AND tstzrange("startsAt", "endsAt", '[)') && tstzrange(NEW."startsAt", NEW."endsAt", '[)');
    IF overlapping >= room_capacity THEN
        RAISE EXCEPTION 'Appointment_room_capacity: room % is full at that time', NEW."roomId"
            USING ERRCODE = '23P01', CONSTRAINT = 'Appointment_room_capacity';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Appointment_room_capacity"
    BEFORE INSERT OR UPDATE OF "roomId", "startsAt", "endsAt", "status" ON "Appointment"
    FOR EACH ROW EXECUTE FUNCTION "appointment_room_capacity"();
