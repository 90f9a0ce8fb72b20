import "server-only";
import { changeAppointmentStatus, type StaffRequestContext } from "../appointments/mutations";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { visitStatusFilter } from "../db/appointment-status";
import type { AppointmentStatus } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import type { ZodError } from "zod";
import { fieldMessages } from "../errors/field-messages";
import { assertMayHandleVisitNote, assertMayUseVisitNotes } from "./access";
import { visitFormSchema, visitNoteSchema, type VisitFormFields, type VisitNoteInput } from "./schema";

export interface SavedVisitNote {
  id: string;
  appointmentId: string;
  body: string;
  updatedAt: Date;
}

export interface RecordedVisit {
  note: SavedVisitNote | null;
  /** The visit's status after the form, when it was asked to complete it. */
  status: AppointmentStatus | null;
}

function invalid(error: ZodError): AppError {
  const fields = fieldMessages(error);
  return new AppError("VALIDATION_FAILED", Object.values(fields).join(" "), { fields });
}

/**
 * Writes (or rewrites) the note on one visit: its own therapist or an
 * administrator only, never the front desk. The audit row says who and
 * which visit, never what the note says.
 */
export async function saveVisitNote(staff: StaffMember, input: VisitNoteInput, ctx: StaffRequestContext): Promise<SavedVisitNote> {
  assertMayUseVisitNotes(staff);
  const parsed = visitNoteSchema.safeParse(input);
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "appointmentId")) throw new AppError("NOT_FOUND", "No such appointment.");
    throw invalid(parsed.error);
  }
  const { appointmentId, body } = parsed.data;
  return getPrisma().$transaction(async (tx) => {
    // A held or lapsed time is not a visit and takes no note.
    const appointment = await tx.appointment.findUnique({ where: { id: appointmentId, status: visitStatusFilter() }, select: { id: true, therapistId: true, patientId: true } });
    if (!appointment) throw new AppError("NOT_FOUND", "No such appointment.");
    assertMayHandleVisitNote(staff, appointment);
    // One note per visit (unique appointmentId): the upsert makes two saves at once end as one row.
    const note = await tx.visitNote.upsert({
      where: { appointmentId },
      create: { appointmentId, body, authorId: staff.id, createdAt: ctx.now, updatedAt: ctx.now },
      update: { body, authorId: staff.id, updatedAt: ctx.now },
    });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "visit-note.save",
      entity: "VisitNote",
      entityId: note.id,
      patientId: appointment.patientId,
      ipAddress: ctx.ipAddress,
      detail: { appointmentId, characters: body.length },
    });
    return { id: note.id, appointmentId, body: note.body, updatedAt: note.updatedAt };
  });
}

/**
 * The visit form: save the note, or mark the visit complete and save the
 * note if one is written. Completing goes first, through the one status
 * path, so a stale screen or a visit that cannot be completed leaves
 * everything as it was and the therapist's text still on screen.
 */
export async function recordVisit(staff: StaffMember, fields: VisitFormFields, ctx: StaffRequestContext): Promise<RecordedVisit> {
  const parsed = visitFormSchema.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  if (input.body || input.intent === "save") assertMayUseVisitNotes(staff);
  let status: AppointmentStatus | null = null;
  if (input.intent === "complete") {
    const updated = await changeAppointmentStatus(
      staff,
      { appointmentId: input.appointmentId, action: "complete", expectedUpdatedAt: input.expectedUpdatedAt },
      ctx,
    );
    status = updated.status;
  }
  const note = input.body ? await saveVisitNote(staff, { appointmentId: input.appointmentId, body: input.body }, ctx) : null;
  return { note, status };
}
