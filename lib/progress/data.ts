import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { visitStatusFilter } from "../db/appointment-status";
import { getPrisma } from "../db/client";
import type { Language, Prisma, ProgressSource } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { RequestContext } from "../http/request-context";
import { localDateOf } from "../scheduling/zone-time";
import { intakeFormBySlug, intakeFormFor, type IntakeAnswers, type IntakeForm } from "./intake-forms";
import { CHECK_INTERVAL_DAYS, hashIntakeToken, looksLikeIntakeToken } from "./token";

type Db = Pick<Prisma.TransactionClient, "patientLink" | "appointment" | "intakeResponse">;

export interface IntakeTarget {
  appointmentId: string;
  bookingId: string;
  patientId: string;
  firstName: string;
  language: Language;
  form: IntakeForm;
  /** Answered already: the page thanks the patient instead of asking again. */
  submitted: boolean;
}

/**
 * The visit an intake link opens, while the link lasts: the newest row of its
 * booking (a link sent before a reschedule opens the visit it became), unless
 * that visit was cancelled. Null for anything else, so a wrong, altered or
 * expired link reveals nothing.
 */
export async function findIntakeTarget(db: Db, token: string, now: Date): Promise<IntakeTarget | null> {
  if (!looksLikeIntakeToken(token)) return null;
  const link = await db.patientLink.findUnique({ where: { tokenHash: hashIntakeToken(token) }, select: { purpose: true, bookingId: true, expiresAt: true } });
  if (!link || link.purpose !== "INTAKE" || !link.bookingId || !link.expiresAt || link.expiresAt.getTime() <= now.getTime()) return null;
  const visit = await db.appointment.findFirst({
    where: { bookingId: link.bookingId, status: visitStatusFilter() },
    orderBy: [{ revision: "desc" }, { createdAt: "desc" }],
    select: { id: true, bookingId: true, patientId: true, status: true, language: true, reasonSlug: true, patient: { select: { firstName: true } } },
  });
  if (!visit || visit.status === "CANCELLED") return null;
  const answered = await db.intakeResponse.findUnique({ where: { bookingId: visit.bookingId }, select: { formSlug: true } });
  return {
    appointmentId: visit.id,
    bookingId: visit.bookingId,
    patientId: visit.patientId,
    firstName: visit.patient.firstName,
    language: visit.language,
    form: answered ? intakeFormBySlug(answered.formSlug) : intakeFormFor(visit.reasonSlug),
    submitted: answered !== null,
  };
}

/** The page's own read: the target of a link, outside any transaction. */
export function findPatientIntake(token: string, now: Date): Promise<IntakeTarget | null> {
  return findIntakeTarget(getPrisma(), token, now);
}

export interface ScoreRow {
  id: string;
  pain: number;
  function: number;
  source: ProgressSource;
  recordedAt: Date;
}

export interface VisitProgress {
  appointmentId: string;
  intake: { form: IntakeForm; answers: IntakeAnswers; submittedAt: Date; language: Language } | null;
  last: ScoreRow | null;
  /** A check is due two weeks after the last score; null before any. */
  nextCheckDue: Date | null;
}

const SCORE = { id: true, pain: true, function: true, source: true, recordedAt: true } as const;

/**
 * What the visit page shows of the patient's progress: the intake answers of
 * this booking, the last score and when the next check is due. The visit's
 * therapist or an administrator only, audited (progress.view).
 */
export async function findVisitProgress(staff: StaffMember, appointmentId: string, ctx: RequestContext): Promise<VisitProgress> {
  if (staff.role !== "ADMIN" && !(staff.role === "THERAPIST" && staff.therapistId)) throw new AppError("NOT_FOUND", "No such appointment.");
  const prisma = getPrisma();
  const visit = await prisma.appointment.findUnique({ where: { id: appointmentId, status: visitStatusFilter() }, select: { id: true, bookingId: true, patientId: true, therapistId: true } });
  if (!visit || (staff.role !== "ADMIN" && visit.therapistId !== staff.therapistId)) throw new AppError("NOT_FOUND", "No such appointment.");
  const [intake, last] = await Promise.all([
    prisma.intakeResponse.findUnique({ where: { bookingId: visit.bookingId } }),
    prisma.progressScore.findFirst({ where: { patientId: visit.patientId }, orderBy: { recordedAt: "desc" }, select: SCORE }),
  ]);
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "progress.view",
    entity: "Appointment",
    entityId: visit.id,
    patientId: visit.patientId,
    ipAddress: ctx.ipAddress ?? null,
    detail: { intake: intake !== null, scores: last ? 1 : 0 },
  });
  return {
    appointmentId: visit.id,
    intake: intake ? { form: intakeFormBySlug(intake.formSlug), answers: intake.answers as IntakeAnswers, submittedAt: intake.submittedAt, language: intake.language } : null,
    last,
    nextCheckDue: last ? new Date(last.recordedAt.getTime() + CHECK_INTERVAL_DAYS * 86_400_000) : null,
  };
}

export interface ChartScore extends ScoreRow {
  /** The local day it was taken, in the zone of its visit's location. */
  day: string;
}

/**
 * A patient's pain and function scores, oldest first, for the profile's
 * chart. Clinical answers: for administrators and for the therapists who see
 * this patient, not for the front desk (null: nothing to show them). Each
 * score is dated in its visit's zone (a score whose visit was deleted, in the
 * zone of the practice's first location). Audited (progress.view).
 */
export async function listPatientScores(staff: StaffMember, patientId: string, ctx: RequestContext): Promise<ChartScore[] | null> {
  const prisma = getPrisma();
  if (staff.role === "FRONT_DESK") return null;
  if (staff.role !== "ADMIN") {
    if (!staff.therapistId) return null;
    const seen = await prisma.appointment.findFirst({ where: { patientId, therapistId: staff.therapistId, status: visitStatusFilter() }, select: { id: true } });
    if (!seen) return null;
  }
  const rows = await prisma.progressScore.findMany({
    where: { patientId },
    orderBy: { recordedAt: "asc" },
    select: { ...SCORE, appointment: { select: { location: { select: { timeZone: true } } } } },
    take: 500,
  });
  const fallback = rows.some((r) => !r.appointment) ? await prisma.location.findFirst({ orderBy: [{ active: "desc" }, { createdAt: "asc" }], select: { timeZone: true } }) : null;
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "progress.view",
    entity: "Patient",
    entityId: patientId,
    patientId,
    ipAddress: ctx.ipAddress ?? null,
    detail: { scores: rows.length },
  });
  return rows.map(({ appointment, ...score }) => ({ ...score, day: localDateOf(score.recordedAt.getTime(), appointment?.location.timeZone ?? fallback?.timeZone ?? "UTC") }));
}

export interface DayProgress {
  /** The patient's latest score, if any. */
  last: ScoreRow | null;
  /** No score yet, or the latest is two weeks older than the visit: take a check at it. */
  checkDue: boolean;
}

/**
 * The progress line of each visit on a therapist's day: the patient's latest
 * score and whether a check is due at that visit. No audit row of its own:
 * the day's read records the patients shown.
 */
export async function dayProgressFor(visits: { id: string; patientId: string; startsAt: Date }[]): Promise<Map<string, DayProgress>> {
  const patientIds = [...new Set(visits.map((v) => v.patientId))];
  const latest = patientIds.length === 0 ? [] : await getPrisma().progressScore.findMany({
    where: { patientId: { in: patientIds } },
    distinct: ["patientId"],
    orderBy: [{ patientId: "asc" }, { recordedAt: "desc" }],
    select: { ...SCORE, patientId: true },
  });
  const byPatient = new Map(latest.map(({ patientId, ...score }) => [patientId, score]));
  return new Map(
    visits.map((visit) => {
      const last = byPatient.get(visit.patientId) ?? null;
      const checkDue = !last || last.recordedAt.getTime() <= visit.startsAt.getTime() - CHECK_INTERVAL_DAYS * 86_400_000;
      return [visit.id, { last, checkDue }];
    }),
  );
}
