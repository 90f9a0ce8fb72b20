import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { visitStatusFilter } from "../db/appointment-status";
import { AppError } from "../errors/app-error";
import { csvLines, UTF8_BOM } from "./csv-export";
import { PATIENT_COLUMNS } from "./schema";
import type { TransferContext } from "./mutations";

export type ExportKind = "patients" | "appointments";

/** Rows read per query: the export streams, so memory stays bounded however large the practice. */
const BATCH = 1000;

const APPOINTMENT_COLUMNS = [
  "appointment_id", "starts_at", "ends_at", "time_zone", "status", "mode", "source",
  "patient_first_name", "patient_last_name", "patient_email", "patient_date_of_birth",
  "therapist", "therapist_slug", "service", "service_slug", "location", "location_slug",
];

const day = (d: Date) => d.toISOString().slice(0, 10);

async function* patientLines(): AsyncGenerator<string> {
  yield csvLines([[...PATIENT_COLUMNS.required, ...PATIENT_COLUMNS.optional]]);
  let after: string | undefined;
  for (;;) {
    const batch = await getPrisma().patient.findMany({ orderBy: { id: "asc" }, take: BATCH, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });
    if (batch.length === 0) return;
    yield csvLines(batch.map((p) => [p.firstName, p.lastName, p.email, p.phone, day(p.dateOfBirth), p.preferredLanguage, p.addressLine1, p.addressLine2, p.city, p.region, p.postalCode]));
    after = batch.at(-1)!.id;
  }
}

async function* appointmentLines(): AsyncGenerator<string> {
  yield csvLines([APPOINTMENT_COLUMNS]);
  let after: string | undefined;
  for (;;) {
    const batch = await getPrisma().appointment.findMany({
      // Visits only: a time held (or once held) for an online payment was never one.
      where: { status: visitStatusFilter() },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      include: { patient: true, therapist: true, service: true, location: true },
    });
    if (batch.length === 0) return;
    yield csvLines(
      batch.map((a) => [
        a.id, a.startsAt.toISOString(), a.endsAt.toISOString(), a.location.timeZone, a.status, a.mode, a.source,
        a.patient.firstName, a.patient.lastName, a.patient.email, day(a.patient.dateOfBirth),
        `${a.therapist.firstName} ${a.therapist.lastName}`, a.therapist.slug, a.service.nameEn, a.service.slug, a.location.name, a.location.slug,
      ]),
    );
    after = batch.at(-1)!.id;
  }
}

/**
 * Every patient or appointment as a CSV stream (UTF-8 with a byte-order
 * mark, formula-like cells neutralised). The export is audited before the
 * first byte goes out, so even an interrupted download is on the record.
 */
export async function exportCsv(staff: StaffMember, kind: ExportKind, ctx: TransferContext): Promise<ReadableStream<Uint8Array>> {
  if (staff.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator may import or export the practice's data.");
  await getPrisma().$transaction((tx) =>
    recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: kind === "patients" ? "data.export.patients" : "data.export.appointments",
      entity: kind === "patients" ? "Patient" : "Appointment",
      entityId: "export",
      ipAddress: ctx.ipAddress,
      detail: { at: ctx.now.toISOString() },
    }),
  );
  const lines = kind === "patients" ? patientLines() : appointmentLines();
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(first ? UTF8_BOM + next.value : next.value));
      first = false;
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
