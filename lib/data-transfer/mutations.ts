import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { chooseRoom, linkHashes, tokenExpiry } from "../booking/mutations";
import { createManageToken } from "../booking/manage-token";
import { violatedConstraint } from "../db/errors";
import { previewAppointmentRows } from "./appointment-preview";
import { decodeCsv, parseCsvTable } from "./csv-file";
import { previewPatientRows, type PatientRow } from "./preview";
import { APPOINTMENT_COLUMNS, PATIENT_COLUMNS, type ImportPreview, type ImportResult } from "./schema";
import type { RequestContext } from "../http/request-context";

/** The clock and the caller's address, as every audited write takes them. */
export type TransferContext = RequestContext;

/** Up to this many new patients are linked to the import's audit row one by one; a larger import records counts. */
const LINKED_PATIENTS_MAX = 500;

function assertAdmin(staff: StaffMember) {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator may import or export the practice's data.");
}

function readPatientFile(bytes: Uint8Array) {
  return parseCsvTable(decodeCsv(bytes), PATIENT_COLUMNS);
}

/** What an import of this file would do, row by row; writes nothing but the audit row (the preview tells who is already a patient). */
export async function previewPatientImport(staff: StaffMember, bytes: Uint8Array, ctx: TransferContext): Promise<ImportPreview> {
  assertAdmin(staff);
  const rows = readPatientFile(bytes);
  return getPrisma().$transaction(
    async (tx) => {
      const { preview } = await previewPatientRows(tx, rows);
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "data.import.preview",
        entity: "Patient",
        entityId: "import",
        ipAddress: ctx.ipAddress,
        detail: { rows: preview.rows, toCreate: preview.toCreate, alreadyPresent: preview.alreadyPresent, errors: preview.errors.length },
      });
      return preview;
    },
    { timeout: 60_000 },
  );
}

async function insertPatients(tx: Prisma.TransactionClient, rows: readonly PatientRow[], now: Date): Promise<string[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof PatientRow>(k: K) => rows.map((r) => r[k]);
  // ON CONFLICT against the identity index: a patient created by a booking
  // between the check and this insert is left alone rather than failing the import.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Patient" ("firstName", "lastName", "email", "phone", "dateOfBirth", "preferredLanguage",
                           "addressLine1", "addressLine2", "city", "region", "postalCode", "createdAt", "updatedAt")
    SELECT f.first, f.last, f.email, f.phone, f.dob, f.lang::"Language", f.a1, f.a2, f.city, f.region, f.postal, ${now}, ${now}
    FROM unnest(${col("firstName")}::text[], ${col("lastName")}::text[], ${col("email")}::text[], ${col("phone")}::text[],
                ${col("dateOfBirth")}::date[], ${col("preferredLanguage")}::text[], ${col("addressLine1")}::text[],
                ${col("addressLine2")}::text[], ${col("city")}::text[], ${col("region")}::text[], ${col("postalCode")}::text[])
      AS f(first, last, email, phone, dob, lang, a1, a2, city, region, postal)
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  return inserted.map((r) => r.id);
}

/**
 * Imports a patient file in one transaction, or nothing at all: a file with
 * any row in error writes nothing and answers with the rows to fix. Patients
 * already here (by the identity index) are left as they are, so importing
 * the same file twice creates nobody the second time.
 */
export async function importPatients(staff: StaffMember, bytes: Uint8Array, ctx: TransferContext): Promise<ImportResult> {
  assertAdmin(staff);
  const rows = readPatientFile(bytes);
  return getPrisma().$transaction(
    async (tx) => {
      const { preview, toCreate } = await previewPatientRows(tx, rows);
      if (preview.errors.length > 0) return { ...preview, created: 0 };
      const ids = await insertPatients(tx, toCreate, ctx.now);
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "data.import.patients",
        entity: "Patient",
        entityId: "import",
        ipAddress: ctx.ipAddress,
        patientIds: ids.length <= LINKED_PATIENTS_MAX ? ids : [],
        detail: { rows: preview.rows, created: ids.length, alreadyPresent: preview.rows - ids.length },
      });
      return { ...preview, created: ids.length, alreadyPresent: preview.rows - ids.length };
    },
    { timeout: 120_000 },
  );
}

function readAppointmentFile(bytes: Uint8Array) {
  return parseCsvTable(decodeCsv(bytes), APPOINTMENT_COLUMNS);
}

/** What importing this appointment file would do, row by row; writes only the audit row. */
export async function previewAppointmentImport(staff: StaffMember, bytes: Uint8Array, ctx: TransferContext): Promise<ImportPreview> {
  assertAdmin(staff);
  const rows = readAppointmentFile(bytes);
  return getPrisma().$transaction(
    async (tx) => {
      const { preview } = await previewAppointmentRows(tx, rows, ctx.now);
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "data.import.preview",
        entity: "Appointment",
        entityId: "import",
        ipAddress: ctx.ipAddress,
        detail: { rows: preview.rows, toCreate: preview.toCreate, alreadyPresent: preview.alreadyPresent, errors: preview.errors.length },
      });
      return preview;
    },
    { timeout: 60_000 },
  );
}

/** Thrown inside the transaction to roll it back when a row fails only at write time (no room free). */
class RowsRefused extends Error {
  constructor(readonly result: ImportResult) {
    super("rows refused");
  }
}

/**
 * Books the visits of an appointment file in one transaction, or none: any
 * row in error (or a room found full, or a visit booked meanwhile that the
 * exclusion constraints catch) writes nothing. A row already imported (same
 * import key) is skipped, so the same file imported twice books nothing new.
 * The patients' manage links are not sent: the old system told them their visits.
 */
export async function importAppointments(staff: StaffMember, bytes: Uint8Array, ctx: TransferContext): Promise<ImportResult> {
  assertAdmin(staff);
  const rows = readAppointmentFile(bytes);
  try {
    return await getPrisma().$transaction(
      async (tx) => {
        const { preview, toCreate } = await previewAppointmentRows(tx, rows, ctx.now);
        if (preview.errors.length > 0) return { ...preview, created: 0 };
        const created: { id: string; patientId: string }[] = [];
        for (const v of toCreate) {
          let roomId: string | null = null;
          if (v.mode === "CLINIC") {
            try {
              roomId = await chooseRoom(tx, v.location.id, v.range);
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              throw new RowsRefused({ ...preview, created: 0, errors: [{ row: v.row, column: "start", message: "Every treatment room at this location is in use at this time." }] });
            }
          }
          const appointment = await tx.appointment.create({
            data: {
              patientId: v.patient.id,
              therapistId: v.therapist.id,
              serviceId: v.service.id,
              locationId: v.location.id,
              roomId,
              mode: v.mode,
              startsAt: new Date(v.range.start),
              endsAt: new Date(v.range.end),
              blockedFrom: new Date(v.range.blockedFrom),
              blockedUntil: new Date(v.range.blockedUntil),
              source: "STAFF",
              language: v.patient.preferredLanguage,
              patientFirstName: v.patient.firstName,
              patientLastName: v.patient.lastName,
              ...(v.mode === "HOME"
                ? { visitAddressLine1: v.patient.addressLine1, visitAddressLine2: v.patient.addressLine2, visitCity: v.patient.city, visitPostalCode: v.patient.postalCode }
                : {}),
              ...linkHashes(createManageToken()),
              manageTokenExpiresAt: tokenExpiry(v.range.end),
              importKey: v.importKey,
              // Booked in the other system, whenever that was: its reminders go as for any visit booked in advance.
              startSetAt: null,
            },
            select: { id: true, patientId: true },
          });
          created.push(appointment);
        }
        await recordAudit(tx, {
          staffUserId: staff.id,
          actor: staff.email,
          action: "data.import.appointments",
          entity: "Appointment",
          entityId: "import",
          ipAddress: ctx.ipAddress,
          patientIds: created.length <= LINKED_PATIENTS_MAX ? created.map((c) => c.patientId) : [],
          detail: { rows: preview.rows, created: created.length, alreadyPresent: preview.alreadyPresent },
        });
        return { ...preview, created: created.length };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof RowsRefused) return error.result;
    const constraint = violatedConstraint(error);
    if (constraint === "Appointment_therapist_no_overlap" || constraint === "Appointment_patient_no_overlap" || constraint === "Appointment_room_capacity") {
      throw new AppError("SLOT_TAKEN", "A visit booked while the file was being imported overlaps one of its rows. Nothing was imported; check the file again.");
    }
    if (error instanceof Error && error.message.includes("Appointment_importKey_key")) {
      throw new AppError("STALE", "The same file was being imported at the same time. Nothing was imported twice; check the file again.");
    }
    throw error;
  }
}
