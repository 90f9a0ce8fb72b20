import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import type { Language, VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { DoseValues } from "./dose-text";
import { programIdForToken } from "./mutations";
import { localDate, weekAround } from "./week";

/** How many of the last pain ratings the therapist's day shows. */
export const PAIN_TREND_LENGTH = 4;

export interface PatientProgramView {
  practiceName: string;
  sessionsPerWeek: number;
  /** YYYY-MM-DD, the program's last day. */
  endsOn: string;
  timeZone: string;
  doneThisWeek: number;
  exercises: ({ id: string; nameEn: string; nameEs: string; stepsEn: string; stepsEs: string; imageId: string | null } & DoseValues)[];
}

/** What a program's link shows the patient, or null for a wrong or expired link (which reveals nothing more). */
export async function findPatientProgram(token: string, now: Date): Promise<PatientProgramView | null> {
  const id = await programIdForToken(token, now);
  if (!id) return null;
  const prisma = getPrisma();
  const program = await prisma.exerciseProgram.findUniqueOrThrow({
    where: { id },
    select: {
      sessionsPerWeek: true,
      endsOn: true,
      timeZone: true,
      items: { orderBy: { position: "asc" }, include: { exercise: { select: { nameEn: true, nameEs: true, stepsEn: true, stepsEs: true, imageId: true } } } },
    },
  });
  const week = weekAround(now, program.timeZone);
  const [doneThisWeek, practice] = await Promise.all([
    prisma.exerciseSessionLog.count({ where: { programId: id, doneAt: { gte: week.start, lt: week.end } } }),
    prisma.practice.findFirst({ select: { name: true } }),
  ]);
  return {
    practiceName: practice?.name ?? "",
    sessionsPerWeek: program.sessionsPerWeek,
    endsOn: program.endsOn.toISOString().slice(0, 10),
    timeZone: program.timeZone,
    doneThisWeek,
    exercises: program.items.map(({ exercise, exerciseId, sets, repetitionsMin, repetitionsMax, holdSecondsMin, holdSecondsMax, perSide }) => ({
      id: exerciseId,
      ...exercise,
      sets,
      repetitionsMin,
      repetitionsMax,
      holdSecondsMin,
      holdSecondsMax,
      perSide,
    })),
  };
}

export interface ProgramProgress {
  programId: string;
  sessionsPerWeek: number;
  /** Sessions logged in this Monday-to-Sunday week, in the program's zone. */
  doneThisWeek: number;
  /** The last pain ratings, oldest first. */
  painTrend: number[];
}

/**
 * Each patient's current program (the newest one whose days include today in
 * its zone) with this week's sessions and the last pain ratings. For the
 * therapist's day, whose read is audited by the caller.
 */
export async function programProgressFor(patientIds: readonly string[], now: Date): Promise<Map<string, ProgramProgress>> {
  const result = new Map<string, ProgramProgress>();
  if (patientIds.length === 0) return result;
  const prisma = getPrisma();
  // A day either side of UTC's today covers every zone; the exact local day is checked below.
  const around = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const programs = await prisma.exerciseProgram.findMany({
    where: { patientId: { in: [...new Set(patientIds)] }, endsOn: { gte: new Date(around.getTime() - 86_400_000) }, startsOn: { lte: new Date(around.getTime() + 86_400_000) } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, patientId: true, sessionsPerWeek: true, startsOn: true, endsOn: true, timeZone: true },
  });
  for (const program of programs) {
    if (result.has(program.patientId)) continue;
    const today = localDate(now, program.timeZone);
    if (today < program.startsOn.toISOString().slice(0, 10) || today > program.endsOn.toISOString().slice(0, 10)) continue;
    const week = weekAround(now, program.timeZone);
    const [doneThisWeek, recent] = await Promise.all([
      prisma.exerciseSessionLog.count({ where: { programId: program.id, doneAt: { gte: week.start, lt: week.end } } }),
      prisma.exerciseSessionLog.findMany({ where: { programId: program.id }, orderBy: [{ doneAt: "desc" }, { createdAt: "desc" }], take: PAIN_TREND_LENGTH, select: { pain: true } }),
    ]);
    result.set(program.patientId, { programId: program.id, sessionsPerWeek: program.sessionsPerWeek, doneThisWeek, painTrend: recent.map((r) => r.pain).reverse() });
  }
  return result;
}

export interface VisitProgramForm {
  appointmentId: string;
  patientName: string;
  mode: VisitMode;
  language: Language;
  timeZone: string;
  current: ProgramProgress | null;
}

/**
 * The visit a "Home program" form is for: its own therapist's (any, for an
 * administrator), with the patient's current program. Audited: it shows the
 * patient's name and progress.
 */
export async function findVisitProgramForm(staff: StaffMember, appointmentId: string, ctx: { now: Date; ipAddress?: string | null }): Promise<VisitProgramForm> {
  if (staff.role !== "ADMIN" && !(staff.role === "THERAPIST" && staff.therapistId)) throw new AppError("NOT_FOUND", "No such appointment.");
  const prisma = getPrisma();
  const visit = await prisma.appointment.findUnique({
    where: { id: appointmentId, status: visitStatusFilter() },
    select: { id: true, therapistId: true, patientId: true, mode: true, language: true, patient: { select: { firstName: true, lastName: true } }, location: { select: { timeZone: true } } },
  });
  if (!visit || (staff.role !== "ADMIN" && visit.therapistId !== staff.therapistId)) throw new AppError("NOT_FOUND", "No such appointment.");
  const current = (await programProgressFor([visit.patientId], ctx.now)).get(visit.patientId) ?? null;
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "exercise-program.view",
    entity: "Appointment",
    entityId: visit.id,
    patientId: visit.patientId,
    ipAddress: ctx.ipAddress ?? null,
    detail: { programId: current?.programId ?? null },
  });
  return { appointmentId: visit.id, patientName: `${visit.patient.firstName} ${visit.patient.lastName}`, mode: visit.mode, language: visit.language, timeZone: visit.location.timeZone, current };
}
