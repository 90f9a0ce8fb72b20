import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import type { RequestContext } from "../http/request-context";
import { findIntakeTarget } from "./data";
import { parseIntakeAnswers, type IntakeProblem } from "./intake-forms";
import { recordScoreSchema, type RecordScoreForm } from "./schema";

export const NO_SUCH_INTAKE = "This link does not open an intake form.";

/** A refused intake: one problem per field, worded in the patient's language by the page. */
export class IntakeRefused extends AppError {
  readonly problems: Record<string, IntakeProblem>;
  constructor(problems: Record<string, IntakeProblem>) {
    super("BAD_REQUEST", "Please check the highlighted answers.", { fields: problems });
    this.problems = problems;
  }
}

/**
 * The patient's intake answers, from the link in their confirmation: checked
 * against the visit's form, then kept with an INTAKE score (the form's pain
 * and function) in one transaction. At most once per booking: the unique
 * booking id makes a second submit (a double tap, a later visit to the link)
 * change nothing, and the first answers stand.
 */
export async function submitIntake(token: string, raw: Record<string, string | undefined>, now: Date): Promise<{ created: boolean }> {
  const prisma = getPrisma();
  const target = await findIntakeTarget(prisma, token, now);
  if (!target) throw new AppError("NOT_FOUND", NO_SUCH_INTAKE);
  if (target.submitted) return { created: false };
  const parsed = parseIntakeAnswers(target.form, raw);
  if (!parsed.ok) throw new IntakeRefused(parsed.problems);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.intakeResponse.createMany({
      data: [{ appointmentId: target.appointmentId, bookingId: target.bookingId, patientId: target.patientId, formSlug: target.form.slug, language: target.language, answers: parsed.answers, submittedAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) return { created: false };
    await tx.progressScore.create({ data: { patientId: target.patientId, appointmentId: target.appointmentId, pain: parsed.pain, function: parsed.function, source: "INTAKE", recordedAt: now } });
    return { created: true };
  });
}

/**
 * A pain and function score taken at a visit (a two-weekly check or the
 * discharge), by the visit's therapist or an administrator; audited.
 */
export async function recordProgressScore(staff: StaffMember, input: RecordScoreForm, ctx: RequestContext): Promise<{ id: string }> {
  if (staff.role !== "ADMIN" && !(staff.role === "THERAPIST" && staff.therapistId)) throw new AppError("NOT_FOUND", "No such appointment.");
  const parsed = recordScoreSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error, { flat: true });
    throw new AppError("BAD_REQUEST", Object.values(fields)[0] ?? "Please check the form.", { fields });
  }
  const data = parsed.data;
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const visit = await tx.appointment.findUnique({ where: { id: data.appointmentId, status: visitStatusFilter() }, select: { id: true, patientId: true, therapistId: true } });
    if (!visit || (staff.role !== "ADMIN" && visit.therapistId !== staff.therapistId)) throw new AppError("NOT_FOUND", "No such appointment.");
    const score = await tx.progressScore.create({
      data: { patientId: visit.patientId, appointmentId: visit.id, pain: data.pain, function: data.function, source: data.source, recordedAt: ctx.now, recordedById: staff.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "progress-score.record",
      entity: "Appointment",
      entityId: visit.id,
      patientId: visit.patientId,
      ipAddress: ctx.ipAddress ?? null,
      detail: { scoreId: score.id, source: data.source, pain: data.pain, function: data.function },
    });
    return score;
  });
}
