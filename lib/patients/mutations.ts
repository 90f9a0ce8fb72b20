import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { Patient } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { assertMayEditPatients } from "./access";
import { PATIENT_CONTACT_FIELDS, patientContactSchema, type PatientContact, type PatientContactForm } from "./schema";
import type { RequestContext } from "../http/request-context";

/** The clock and the caller's address, as every audited write takes them. */
export type WriteContext = RequestContext;

export const DUPLICATE_PATIENT_MESSAGE =
  "Another patient already has this first name, email and date of birth. Nothing was changed: search for that patient instead, or correct the details.";


function parseContact(input: PatientContactForm): PatientContact {
  const parsed = patientContactSchema.safeParse(input);
  if (parsed.success) return { ...parsed.data, email: parsed.data.email.toLowerCase() };
  const fields = fieldMessages(parsed.error);
  throw new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields });
}

function storedValue(patient: Patient, field: keyof PatientContact): string | null {
  return field === "dateOfBirth" ? patient.dateOfBirth.toISOString().slice(0, 10) : patient[field];
}

function isIdentityViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const { message, meta, cause } = e as { message?: unknown; meta?: unknown; cause?: unknown };
    if (typeof message === "string" && message.includes("Patient_identity_key")) return true;
    if (meta && JSON.stringify(meta).includes("Patient_identity_key")) return true;
    e = cause;
  }
  return false;
}

/**
 * Changes a patient's contact details (front desk and admins). The audit row
 * names the fields that changed, never their values. Answers STALE when the
 * record changed since `expectedUpdatedAt`, and a plain message when the new
 * details are another patient's identity.
 */
export async function updatePatientContact(
  staff: StaffMember,
  patientId: string,
  input: PatientContactForm,
  ctx: WriteContext,
  expectedUpdatedAt?: Date,
): Promise<{ changed: (keyof PatientContact)[] }> {
  assertMayEditPatients(staff);
  if (!z.guid().safeParse(patientId).success) throw new AppError("NOT_FOUND", "No such patient.");
  const contact = parseContact(input);

  try {
    return await getPrisma().$transaction(async (tx) => {
      // Locked so that two desks saving at once cannot both pass the stale check.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Patient" WHERE "id" = ${patientId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", "No such patient.");
      const current = await tx.patient.findUniqueOrThrow({ where: { id: patientId } });
      if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
        throw new AppError("STALE", "Someone else changed this patient's details a moment ago. Nothing was saved; the form now shows the details as they are.");
      }

      const changed = PATIENT_CONTACT_FIELDS.filter((field) => storedValue(current, field) !== contact[field]);
      if (changed.length === 0) return { changed };

      await tx.patient.update({
        where: { id: patientId },
        data: { ...contact, dateOfBirth: new Date(`${contact.dateOfBirth}T00:00:00Z`) },
      });
      await recordAudit(tx, {
        staffUserId: staff.id,
        actor: staff.email,
        action: "patient.update",
        entity: "Patient",
        entityId: patientId,
        patientId,
        ipAddress: ctx.ipAddress,
        detail: { fields: changed },
      });
      return { changed };
    });
  } catch (error) {
    if (isIdentityViolation(error)) throw new AppError("VALIDATION_FAILED", DUPLICATE_PATIENT_MESSAGE);
    throw error;
  }
}
