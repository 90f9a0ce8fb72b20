-- The patients an audited read showed when it showed several: a patient search
-- lists up to fifty, a therapist's day every patient of two days. One row per
-- patient, indexed by patient, so "every read of this patient" is one lookup.

CREATE TABLE "AuditLogPatient" (
    "auditLogId" UUID NOT NULL,
    "patientId" UUID NOT NULL,

    CONSTRAINT "AuditLogPatient_pkey" PRIMARY KEY ("auditLogId", "patientId")
);

CREATE INDEX "AuditLogPatient_patientId_idx" ON "AuditLogPatient"("patientId");

ALTER TABLE "AuditLogPatient" ADD CONSTRAINT "AuditLogPatient_auditLogId_fkey" FOREIGN KEY ("auditLogId") REFERENCES "AuditLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;
