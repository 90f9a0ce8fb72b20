import "server-only";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { visitStatusFilter, visitStatusOf, type VisitStatus } from "../db/appointment-status";
import { AppError } from "../errors/app-error";
import { programProgressFor, type ProgramProgress } from "../exercise-programs/data";
import { assertMayHandleVisitNote, assertMayUseVisitNotes, therapistIdForAgenda } from "./access";
import { ageOn } from "../patients/age";
import { dayProgressFor, type DayProgress } from "../progress/data";
import { groupAgenda, type AgendaGroup, type AgendaLocation } from "./group-agenda";
import { visitNoteSchema } from "./schema";
import { describeVisitPlace, type VisitPlace } from "./visit-place";

export interface TherapistDayVisit {
  id: string;
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  /** What the screen saw; sent back so a change made meanwhile is noticed (STALE). */
  updatedAt: Date;
  status: VisitStatus;
  patient: { id: string; name: string; age: number };
  serviceName: string;
  /** A returning patient booked a new-patients-only service online: the clinic follows up. */
  eligibilityFollowUp: boolean;
  reason: { label: string | null; text: string | null };
  place: VisitPlace;
  note: { body: string; updatedAt: Date } | null;
  /** The patient's current home program: this week's sessions and the last pain ratings. */
  homeProgram: ProgramProgress | null;
  /** The patient's latest pain and function score and whether a check is due; none for a cancelled visit. */
  progress: DayProgress | null;
}

export type TherapistDayGroup = AgendaGroup<TherapistDayVisit>;

export interface VisitNoteView {
  appointmentId: string;
  body: string;
  authorId: string | null;
  updatedAt: Date;
}

export interface ReadContext {
  now: Date;
  ipAddress?: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The signed-in therapist's visits today and tomorrow, each day read in its
 * location's zone; only their own visits, never a colleague's. Each call is a
 * page view and leaves one audit row linked to every patient shown.
 */
export async function listTherapistDay(staff: StaffMember, { now, ipAddress = null }: ReadContext): Promise<TherapistDayGroup[]> {
  const therapistId = therapistIdForAgenda(staff);
  // Plain reads rather than one transaction: Prisma loads included relations
  // in parallel, and pg will not overlap queries on a transaction's connection.
  // The audit row is written before anything is returned.
  const prisma = getPrisma();
  const links = await prisma.therapistLocation.findMany({ where: { therapistId }, select: { location: { select: { id: true, name: true, timeZone: true } } } });
  // Wide enough for today and tomorrow in any zone; groupAgenda trims to the exact local days.
  const appointments = await prisma.appointment.findMany({
    // A time held for an online payment (or a lapsed one) is not a visit.
    where: { therapistId, status: visitStatusFilter(), startsAt: { gte: new Date(now.getTime() - 2 * DAY_MS), lt: new Date(now.getTime() + 3 * DAY_MS) } },
    include: {
      patient: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true } },
      service: { select: { nameEn: true } },
      location: { select: { id: true, name: true, region: true, timeZone: true } },
      room: { select: { name: true } },
      visitNote: { select: { body: true, updatedAt: true } },
    },
  });

  const locations = new Map<string, AgendaLocation>();
  for (const { location } of links) locations.set(location.id, location);
  for (const { location } of appointments) locations.set(location.id, location);
  const grouped = groupAgenda(now.getTime(), [...locations.values()], appointments);

  const shown = grouped.flatMap((g) => g.days.flatMap((d) => d.visits));
  const slugs = [...new Set(shown.flatMap((a) => (a.reasonSlug ? [a.reasonSlug] : [])))];
  const reasons = new Map(
    (await prisma.visitReason.findMany({ where: { slug: { in: slugs } }, select: { slug: true, labelEn: true } })).map((r) => [r.slug, r.labelEn]),
  );

  const live = shown.filter((a) => a.status !== "CANCELLED");
  const [programs, progress] = await Promise.all([programProgressFor(live.map((a) => a.patientId), now), dayProgressFor(live)]);

  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "therapist-day.view",
    entity: "Therapist",
    entityId: therapistId,
    ipAddress,
    // Linked by id, not only listed in the detail: the log filtered by one of
    // these patients then finds this view.
    patientIds: shown.map((a) => a.patientId),
    detail: {
      dates: [...new Set(grouped.flatMap((g) => g.days.map((d) => d.date)))],
      appointmentIds: shown.map((a) => a.id),
      programIds: [...programs.values()].map((p) => p.programId),
    },
  });

  return grouped.map((group) => ({
    ...group,
    days: group.days.map((day) => ({
      ...day,
      visits: day.visits.map(
        (a): TherapistDayVisit => ({
          id: a.id,
          locationId: a.locationId,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          updatedAt: a.updatedAt,
          status: visitStatusOf(a.status),
          patient: {
            id: a.patient.id,
            name: `${a.patient.firstName} ${a.patient.lastName}`,
            age: ageOn(a.patient.dateOfBirth.toISOString().slice(0, 10), day.date),
          },
          serviceName: a.service.nameEn,
          eligibilityFollowUp: a.eligibilityFollowUp,
          reason: { label: (a.reasonSlug && reasons.get(a.reasonSlug)) || null, text: a.reasonText },
          place: describeVisitPlace(a),
          note: a.visitNote,
          homeProgram: a.status === "CANCELLED" ? null : (programs.get(a.patientId) ?? null),
          progress: progress.get(a.id) ?? null,
        }),
      ),
    })),
  }));
}

/**
 * One visit's note, for its own therapist or an administrator; the front
 * desk is refused before anything is looked up. Audited, without the text.
 */
export async function readVisitNote(staff: StaffMember, appointmentId: string, ctx: { ipAddress?: string | null } = {}): Promise<VisitNoteView | null> {
  assertMayUseVisitNotes(staff);
  if (!visitNoteSchema.shape.appointmentId.safeParse(appointmentId).success) throw new AppError("NOT_FOUND", "No such appointment.");
  const prisma = getPrisma();
  const appointment = await prisma.appointment.findUnique({
    where: { id: appointmentId, status: visitStatusFilter() },
    select: { id: true, therapistId: true, patientId: true, visitNote: { select: { body: true, authorId: true, updatedAt: true } } },
  });
  if (!appointment) throw new AppError("NOT_FOUND", "No such appointment.");
  assertMayHandleVisitNote(staff, appointment);
  await recordAudit(prisma, {
    staffUserId: staff.id,
    actor: staff.email,
    action: "visit-note.read",
    entity: "Appointment",
    entityId: appointment.id,
    patientId: appointment.patientId,
    ipAddress: ctx.ipAddress ?? null,
    detail: { found: appointment.visitNote !== null },
  });
  return appointment.visitNote ? { appointmentId: appointment.id, ...appointment.visitNote } : null;
}
