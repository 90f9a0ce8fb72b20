import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import type { RequestContext } from "../http/request-context";
import { queueMessage } from "../messages/mutations";
import { recordHit } from "../rate-limit/mutations";
import { messageLinkToken } from "../patient-links/tokens";
import { assignProgramSchema, logSessionSchema, type AssignProgramForm, type LogSessionForm } from "./schema";
import { hashProgramToken, looksLikeProgramToken, PROGRAM_LINK_GRACE_DAYS } from "./token";
import { addDays, endOfLocalDay, localDate } from "./week";

const NO_SUCH_VISIT = "No such appointment.";
const NO_SUCH_PROGRAM = "This link does not open a program.";

/**
 * Sessions one program may log in a day: far more than anyone exercises, few
 * enough that a script replaying the link cannot fill the therapist's view
 * or the table. Counted in PostgreSQL, so every app instance shares it.
 */
export const PROGRAM_LOGS_PER_DAY = 12;

/** The message that carries a program's link is found again by this key when it is sent. */
export const programMessageKey = (programId: string) => `program:${programId}`;

/**
 * A therapist gives the patient of their own visit (an administrator, of any
 * visit) a home program: the chosen exercises at their doses, how many
 * sessions a week, for how many weeks from today in the visit's zone. One
 * transaction writes the program, queues the email with its private link and
 * audits it. The link's token derives from that message (as every link in a
 * message does), so only its hash is kept here. The form's id is the
 * program's id: a form sent twice gives one program.
 */
export async function assignProgram(staff: StaffMember, input: AssignProgramForm, ctx: RequestContext): Promise<{ id: string; created: boolean }> {
  if (staff.role !== "ADMIN" && !(staff.role === "THERAPIST" && staff.therapistId)) throw new AppError("FORBIDDEN", "Home programs are given by therapists and administrators.");
  const parsed = assignProgramSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Please correct the highlighted fields.", { fields: fieldMessages(parsed.error, { flat: true }) });
  const data = parsed.data;
  return getPrisma().$transaction(async (tx) => {
    const visit = await tx.appointment.findUnique({
      where: { id: data.appointmentId, status: visitStatusFilter() },
      select: { id: true, therapistId: true, patientId: true, patient: { select: { email: true } }, location: { select: { timeZone: true } } },
    });
    if (!visit || (staff.role !== "ADMIN" && visit.therapistId !== staff.therapistId)) throw new AppError("NOT_FOUND", NO_SUCH_VISIT);

    const earlier = await tx.exerciseProgram.findUnique({ where: { id: data.formId }, select: { id: true, appointmentId: true } });
    if (earlier) {
      if (earlier.appointmentId !== visit.id) throw new AppError("FORM_ALREADY_USED", "This form was already used. Reload the page and try again.");
      return { id: earlier.id, created: false };
    }

    const exerciseIds = data.items.map((item) => item.exerciseId);
    const found = await tx.exercise.count({ where: { id: { in: exerciseIds }, active: true } });
    if (found !== exerciseIds.length) throw new AppError("VALIDATION_FAILED", "An exercise ticked is no longer in the library. Reload the page and choose again.");

    const zone = visit.location.timeZone;
    const startsOn = localDate(ctx.now, zone);
    const endsOn = addDays(startsOn, data.weeks * 7 - 1);
    const messageId = await queueMessage(tx, {
      kind: "program",
      channel: "EMAIL",
      recipient: visit.patient.email,
      language: data.language,
      dedupeKey: programMessageKey(data.formId),
      sendAfter: ctx.now,
      appointmentId: visit.id,
      requestedById: staff.id,
    });
    // The same form sent twice at once: the other send's message (and program) committed first.
    if (!messageId) return { id: data.formId, created: false };

    await tx.exerciseProgram.create({
      data: {
        id: data.formId,
        patientId: visit.patientId,
        appointmentId: visit.id,
        assignedById: staff.id,
        sessionsPerWeek: data.sessionsPerWeek,
        startsOn: new Date(`${startsOn}T00:00:00Z`),
        endsOn: new Date(`${endsOn}T00:00:00Z`),
        timeZone: zone,
        language: data.language,
        tokenHash: hashProgramToken(messageLinkToken(messageId, "program", data.formId)),
        tokenExpiresAt: endOfLocalDay(addDays(endsOn, PROGRAM_LINK_GRACE_DAYS), zone),
        items: { create: data.items.map(({ exerciseId, ...dose }, position) => ({ exerciseId, position, ...dose })) },
      },
    });
    await recordAudit(tx, {
      staffUserId: staff.id,
      actor: staff.email,
      action: "exercise-program.assign",
      entity: "ExerciseProgram",
      entityId: data.formId,
      patientId: visit.patientId,
      ipAddress: ctx.ipAddress,
      detail: { appointmentId: visit.id, exerciseIds, sessionsPerWeek: data.sessionsPerWeek, weeks: data.weeks, messageId },
    });
    return { id: data.formId, created: true };
  });
}

/** The program a link opens while it lasts, or null: a wrong, malformed or expired token reads the same. */
export async function programIdForToken(token: string, now: Date): Promise<string | null> {
  if (!looksLikeProgramToken(token)) return null;
  const program = await getPrisma().exerciseProgram.findUnique({ where: { tokenHash: hashProgramToken(token) }, select: { id: true, tokenExpiresAt: true } });
  if (!program || program.tokenExpiresAt.getTime() <= now.getTime()) return null;
  return program.id;
}

/**
 * The patient says they did a session, and how much it hurt. The form's key
 * makes a form sent twice (a double tap, a resend after a dropped answer) log
 * once. A pain outside 0–10 is refused with nothing written (400).
 */
export async function logProgramSession(token: string, input: LogSessionForm, ctx: RequestContext): Promise<{ logged: boolean }> {
  const programId = await programIdForToken(token, ctx.now);
  if (!programId) throw new AppError("NOT_FOUND", NO_SUCH_PROGRAM);
  const parsed = logSessionSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error, { flat: true });
    throw new AppError("BAD_REQUEST", Object.values(fields)[0] ?? "Please check the form.", { fields });
  }
  const { clientKey, pain, note } = parsed.data;
  const { count: today, retryAfterSeconds } = await recordHit(`program-log:${programId}`, 86_400, ctx.now);
  if (today > PROGRAM_LOGS_PER_DAY) {
    // The day is UTC's (the shared counter's window), so say when it ends rather than "tomorrow".
    const hours = Math.ceil(retryAfterSeconds / 3600);
    throw new AppError("RATE_LIMITED", `This program has logged ${PROGRAM_LOGS_PER_DAY} sessions within a day, the most it takes: log the next one in ${hours} ${hours === 1 ? "hour" : "hours"}.`, { retryAfterSeconds });
  }
  const { count } = await getPrisma().exerciseSessionLog.createMany({ data: [{ programId, clientKey, pain, note, doneAt: ctx.now }], skipDuplicates: true });
  return { logged: count === 1 };
}
