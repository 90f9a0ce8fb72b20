-- Home exercise programs: the practice's exercise library, the programs
-- given to patients from a visit, and the sessions patients log with their pain.
CREATE TABLE "Exercise" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "stepsEn" TEXT NOT NULL,
    "stepsEs" TEXT NOT NULL,
    "sets" INTEGER NOT NULL DEFAULT 1,
    "repetitionsMin" INTEGER NOT NULL,
    "repetitionsMax" INTEGER NOT NULL,
    "holdSecondsMin" INTEGER,
    "holdSecondsMax" INTEGER,
    "perSide" BOOLEAN NOT NULL DEFAULT false,
    "imageId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Exercise_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Exercise_sets" CHECK ("sets" BETWEEN 1 AND 10),
    CONSTRAINT "Exercise_repetitions" CHECK ("repetitionsMin" BETWEEN 1 AND 100 AND "repetitionsMax" BETWEEN "repetitionsMin" AND 100),
    CONSTRAINT "Exercise_hold" CHECK (("holdSecondsMin" IS NULL AND "holdSecondsMax" IS NULL)
        OR ("holdSecondsMin" BETWEEN 1 AND 600 AND "holdSecondsMax" BETWEEN "holdSecondsMin" AND 600)),
    CONSTRAINT "Exercise_text" CHECK (char_length("nameEn") BETWEEN 1 AND 120 AND char_length("nameEs") BETWEEN 1 AND 120
        AND char_length("stepsEn") BETWEEN 1 AND 2000 AND char_length("stepsEs") BETWEEN 1 AND 2000)
);

CREATE UNIQUE INDEX "Exercise_slug_key" ON "Exercise"("slug");

ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "StoredImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ExerciseProgram" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "appointmentId" UUID,
    "assignedById" UUID,
    "sessionsPerWeek" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "timeZone" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseProgram_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExerciseProgram_sessions" CHECK ("sessionsPerWeek" BETWEEN 1 AND 14),
    -- At most a year: a longer program is a new one, given at a later visit.
    CONSTRAINT "ExerciseProgram_dates" CHECK ("endsOn" >= "startsOn" AND "endsOn" < "startsOn" + 366),
    CONSTRAINT "ExerciseProgram_token" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$')
);

CREATE UNIQUE INDEX "ExerciseProgram_tokenHash_key" ON "ExerciseProgram"("tokenHash");
CREATE INDEX "ExerciseProgram_patientId_endsOn_idx" ON "ExerciseProgram"("patientId", "endsOn");

ALTER TABLE "ExerciseProgram" ADD CONSTRAINT "ExerciseProgram_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExerciseProgram" ADD CONSTRAINT "ExerciseProgram_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ExerciseProgram" ADD CONSTRAINT "ExerciseProgram_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ExerciseProgramItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programId" UUID NOT NULL,
    "exerciseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sets" INTEGER NOT NULL,
    "repetitionsMin" INTEGER NOT NULL,
    "repetitionsMax" INTEGER NOT NULL,
    "holdSecondsMin" INTEGER,
    "holdSecondsMax" INTEGER,
    "perSide" BOOLEAN NOT NULL,

    CONSTRAINT "ExerciseProgramItem_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExerciseProgramItem_position" CHECK ("position" >= 0),
    CONSTRAINT "ExerciseProgramItem_sets" CHECK ("sets" BETWEEN 1 AND 10),
    CONSTRAINT "ExerciseProgramItem_repetitions" CHECK ("repetitionsMin" BETWEEN 1 AND 100 AND "repetitionsMax" BETWEEN "repetitionsMin" AND 100),
    CONSTRAINT "ExerciseProgramItem_hold" CHECK (("holdSecondsMin" IS NULL AND "holdSecondsMax" IS NULL)
        OR ("holdSecondsMin" BETWEEN 1 AND 600 AND "holdSecondsMax" BETWEEN "holdSecondsMin" AND 600))
);

CREATE UNIQUE INDEX "ExerciseProgramItem_programId_position_key" ON "ExerciseProgramItem"("programId", "position");
CREATE UNIQUE INDEX "ExerciseProgramItem_programId_exerciseId_key" ON "ExerciseProgramItem"("programId", "exerciseId");
CREATE INDEX "ExerciseProgramItem_exerciseId_idx" ON "ExerciseProgramItem"("exerciseId");

ALTER TABLE "ExerciseProgramItem" ADD CONSTRAINT "ExerciseProgramItem_programId_fkey" FOREIGN KEY ("programId") REFERENCES "ExerciseProgram"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExerciseProgramItem" ADD CONSTRAINT "ExerciseProgramItem_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ExerciseSessionLog" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "programId" UUID NOT NULL,
    "clientKey" TEXT NOT NULL,
    "doneAt" TIMESTAMPTZ(3) NOT NULL,
    "pain" INTEGER NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseSessionLog_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExerciseSessionLog_pain" CHECK ("pain" BETWEEN 0 AND 10),
    CONSTRAINT "ExerciseSessionLog_note" CHECK (char_length("note") <= 500),
    CONSTRAINT "ExerciseSessionLog_clientKey" CHECK (char_length("clientKey") BETWEEN 8 AND 64)
);

CREATE UNIQUE INDEX "ExerciseSessionLog_programId_clientKey_key" ON "ExerciseSessionLog"("programId", "clientKey");
CREATE INDEX "ExerciseSessionLog_programId_doneAt_idx" ON "ExerciseSessionLog"("programId", "doneAt");

ALTER TABLE "ExerciseSessionLog" ADD CONSTRAINT "ExerciseSessionLog_programId_fkey" FOREIGN KEY ("programId") REFERENCES "ExerciseProgram"("id") ON DELETE CASCADE ON UPDATE CASCADE;
