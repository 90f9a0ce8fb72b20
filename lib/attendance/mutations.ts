import "server-only";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { recordVisitAnswer } from "../visit-answers/mutations";
import { findAttendanceVisit } from "./data";
import { attendanceAnswerSchema, type AttendanceAnswer } from "./schema";

const ACTOR = "patient via reminder link";

/**
 * Records a patient's answer to a reminder on the visit: "I'll be there"
 * stamps patientConfirmedAt, "I need to change" stamps changeRequestedAt;
 * the later answer replaces the earlier. Only a booked visit still to come
 * takes an answer. The row is locked so two presses (two tabs) write one
 * answer and one audit row.
 */
export async function answerAttendance(token: string, answer: AttendanceAnswer, ctx: RequestContext): Promise<void> {
  const parsed = attendanceAnswerSchema.parse(answer);
  await getPrisma().$transaction(async (tx) => {
    const found = await findAttendanceVisit(token, ctx.now, "en", tx);
    if (!found) throw new AppError("NOT_FOUND", "This link is not valid.");
    await tx.$queryRaw`SELECT 1 FROM "Appointment" WHERE "id" = ${found.appointmentId}::uuid FOR UPDATE`;
    const visit = await tx.appointment.findUniqueOrThrow({ where: { id: found.appointmentId }, select: { status: true, startsAt: true, patientConfirmedAt: true, changeRequestedAt: true } });
    if (visit.status !== "BOOKED" || visit.startsAt.getTime() <= ctx.now.getTime()) {
      throw new AppError("INVALID_TRANSITION", "This visit can no longer take an answer.");
    }
    await recordVisitAnswer(tx, { appointmentId: found.appointmentId, patientId: found.patientId, current: visit, answer: parsed, actor: ACTOR }, ctx);
  });
}
