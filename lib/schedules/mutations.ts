import "server-only";
import { fieldMessages } from "../errors/field-messages";
import { z } from "zod";
import type { StaffRequestContext } from "../appointments/mutations";
import type { AuditAction } from "../audit/actions";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import type { Prisma, VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import type { Interval } from "../scheduling/types";
import { formatInstantWithOffset } from "../scheduling/zone-time";
import { assertMayManageSchedules } from "./access";
import { findOverlappingBlock, modesNotOffered } from "./block-rules";
import { findStrandedVisits, sameVisits, type BookedVisit, type LocatedBlock, type WorkingTime } from "./find-stranded";
import { describeModes, weekdayName } from "./labels";
import {
  homeAreaSchema,
  timeOffDeleteSchema,
  timeOffInputSchema,
  weeklyHoursDeleteSchema,
  weeklyHoursInputSchema,
  weeklyHoursUpdateSchema,
  type HomeAreaInput,
  type TimeOffDelete,
  type TimeOffInput,
  type WeeklyHoursDelete,
  type WeeklyHoursInput,
  type WeeklyHoursUpdate,
  type WeeklyHoursValues,
} from "./schema";
import { timeOffInterval } from "./time-off-range";
import type { ScheduleChangeResult, StrandedAppointment } from "./types";
import { strandedByHomeArea } from "./stranded-visits";
import { formatClockRange, formatWallTime } from "./wall-time";
import { toWeeklyBlock } from "../booking/data";

type Tx = Prisma.TransactionClient;
type SavedBlock = LocatedBlock & { id: string; locationName: string };
interface StoredWorkingTime extends WorkingTime {
  blocks: SavedBlock[];
  timeOff: Interval[];
}
type UpcomingVisit = BookedVisit & { patientName: string; serviceName: string; locationName: string };

const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** Adds a weekly block of working hours, after checking it against the therapist's other blocks. */
export async function createWeeklyHours(staff: StaffMember, input: WeeklyHoursInput, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageSchedules(staff);
  const values = parseOrThrow(weeklyHoursInputSchema, input);
  return getPrisma().$transaction(async (tx) => {
    const therapist = await lockTherapist(tx, values.therapistId);
    const current = await loadWorkingTime(tx, therapist.id, ctx.now);
    const candidate = toBlock(values);
    await assertBlockFits(tx, therapist, candidate, current.blocks);
    const check = await checkStranded(tx, therapist.id, ctx.now, current, { ...current, blocks: [...current.blocks, candidate] }, values.confirmStranded);
    if (!check.proceed) return { status: "needs-confirmation", stranded: check.stranded };

    const created = await tx.weeklyHours.create({ data: { therapistId: therapist.id, ...blockData(values) } });
    await audit(tx, staff, ctx, "schedule.hours.create", "WeeklyHours", created.id, {
      therapistId: therapist.id,
      block: describeBlock(values),
      strandedAppointmentIds: check.stranded.map((s) => s.id),
    });
    return { status: "saved", id: created.id, stranded: check.stranded };
  }, TX_OPTIONS);
}

/** Changes a weekly block (day, times, location, modes, dates); asks first when booked visits would fall outside it. */
export async function updateWeeklyHours(staff: StaffMember, input: WeeklyHoursUpdate, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageSchedules(staff);
  const values = parseOrThrow(weeklyHoursUpdateSchema, input);
  return getPrisma().$transaction(async (tx) => {
    const therapist = await lockTherapist(tx, values.therapistId);
    const current = await loadWorkingTime(tx, therapist.id, ctx.now);
    const previous = current.blocks.find((b) => b.id === values.id);
    if (!previous) throw hoursGone();
    const candidate = { ...toBlock(values), id: values.id };
    await assertBlockFits(tx, therapist, candidate, current.blocks);
    const after = { ...current, blocks: current.blocks.map((b) => (b.id === values.id ? candidate : b)) };
    const check = await checkStranded(tx, therapist.id, ctx.now, current, after, values.confirmStranded);
    if (!check.proceed) return { status: "needs-confirmation", stranded: check.stranded };

    await tx.weeklyHours.update({ where: { id: values.id }, data: blockData(values) });
    await audit(tx, staff, ctx, "schedule.hours.update", "WeeklyHours", values.id, {
      therapistId: therapist.id,
      before: describeBlock(previous),
      after: describeBlock(values),
      strandedAppointmentIds: check.stranded.map((s) => s.id),
    });
    return { status: "saved", id: values.id, stranded: check.stranded };
  }, TX_OPTIONS);
}

/** Deletes a weekly block; asks first when booked visits would be left outside working hours. */
export async function deleteWeeklyHours(staff: StaffMember, input: WeeklyHoursDelete, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageSchedules(staff);
  const values = parseOrThrow(weeklyHoursDeleteSchema, input);
  const prisma = getPrisma();
  const row = await prisma.weeklyHours.findUnique({ where: { id: values.id }, select: { therapistId: true } });
  if (!row) throw hoursGone();
  return prisma.$transaction(async (tx) => {
    await lockTherapist(tx, row.therapistId);
    const current = await loadWorkingTime(tx, row.therapistId, ctx.now);
    const previous = current.blocks.find((b) => b.id === values.id);
    if (!previous) throw hoursGone();
    const after = { ...current, blocks: current.blocks.filter((b) => b.id !== values.id) };
    const check = await checkStranded(tx, row.therapistId, ctx.now, current, after, values.confirmStranded);
    if (!check.proceed) return { status: "needs-confirmation", stranded: check.stranded };

    await tx.weeklyHours.delete({ where: { id: values.id } });
    await audit(tx, staff, ctx, "schedule.hours.delete", "WeeklyHours", values.id, {
      therapistId: row.therapistId,
      before: describeBlock(previous),
      strandedAppointmentIds: check.stranded.map((s) => s.id),
    });
    return { status: "saved", id: values.id, stranded: check.stranded };
  }, TX_OPTIONS);
}

/**
 * Adds time off or blocked time. Dates and times are read on the chosen
 * location's clock; asks first when booked visits fall inside it.
 */
export async function createTimeOff(staff: StaffMember, input: TimeOffInput, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageSchedules(staff);
  const values = parseOrThrow(timeOffInputSchema, input);
  const endField = values.period.span === "days" ? "lastDay" : "endsAt";
  return getPrisma().$transaction(async (tx) => {
    const therapist = await lockTherapist(tx, values.therapistId);
    const location = await tx.location.findUnique({ where: { id: values.locationId }, select: { timeZone: true } });
    if (!location) throw invalid({ locationId: "Choose one of the therapist's locations." });
    const interval = timeOffInterval(values.period, location.timeZone);
    // Clocks skip an hour in spring, so two typed times can name the same instant.
    if (interval.end <= interval.start) throw invalid({ [endField]: "The end must be after the start: the clocks change that day." });
    if (interval.end <= ctx.now.getTime()) throw invalid({ [endField]: "That time is already over. Enter time off still to come." });

    const current = await loadWorkingTime(tx, therapist.id, ctx.now);
    const check = await checkStranded(tx, therapist.id, ctx.now, current, { ...current, timeOff: [...current.timeOff, interval] }, values.confirmStranded);
    if (!check.proceed) return { status: "needs-confirmation", stranded: check.stranded };

    const created = await tx.timeOff.create({
      data: { therapistId: therapist.id, kind: values.kind, startsAt: new Date(interval.start), endsAt: new Date(interval.end), note: values.note },
    });
    await audit(tx, staff, ctx, "schedule.time-off.create", "TimeOff", created.id, {
      therapistId: therapist.id,
      kind: values.kind,
      startsAt: formatInstantWithOffset(interval.start, location.timeZone),
      endsAt: formatInstantWithOffset(interval.end, location.timeZone),
      strandedAppointmentIds: check.stranded.map((s) => s.id),
    });
    return { status: "saved", id: created.id, stranded: check.stranded };
  }, TX_OPTIONS);
}

/** Deletes time off; the hours it covered are bookable online again at once. */
export async function deleteTimeOff(staff: StaffMember, input: TimeOffDelete, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageSchedules(staff);
  const values = parseOrThrow(timeOffDeleteSchema, input);
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.timeOff.findUnique({ where: { id: values.id } });
    if (!row) throw new AppError("NOT_FOUND", "That time off no longer exists. The page shows the schedule as it is now.");
    await lockTherapist(tx, row.therapistId);
    const { count } = await tx.timeOff.deleteMany({ where: { id: row.id } });
    if (count === 0) throw new AppError("NOT_FOUND", "That time off no longer exists. The page shows the schedule as it is now.");
    await audit(tx, staff, ctx, "schedule.time-off.delete", "TimeOff", row.id, {
      therapistId: row.therapistId,
      kind: row.kind,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    });
    return { status: "saved", id: row.id, stranded: [] };
  }, TX_OPTIONS);
}

export interface HomeAreaSaved {
  status: "saved";
  id: string;
  homePostalCodes: string[];
  homeTravelMinutes: number;
  /** Home visits to codes taken off the list, kept as booked: the desk moves them. */
  stranded: StrandedAppointment[];
}

/**
 * Sets the postal codes a location visits at home and the travel time kept
 * free around each home visit. Asks first when upcoming home visits are to
 * a code being taken off the list.
 */
export async function updateHomeArea(
  staff: StaffMember,
  input: HomeAreaInput,
  ctx: StaffRequestContext,
): Promise<HomeAreaSaved | { status: "needs-confirmation"; stranded: StrandedAppointment[] }> {
  assertMayManageSchedules(staff);
  const locationId = z.uuid().safeParse(input.locationId);
  if (!locationId.success) throw invalid({ locationId: "Choose a location." });
  const prisma = getPrisma();
  const location = await prisma.location.findUnique({ where: { id: locationId.data }, select: { country: true } });
  if (!location) throw new AppError("NOT_FOUND", "No such location.");
  const values = parseOrThrow(homeAreaSchema(location.country), input);
  return prisma.$transaction(async (tx) => {
    // FOR UPDATE waits for bookings in flight (they hold the row FOR SHARE) and keeps new ones out until this commits.
    const [before] = await tx.$queryRaw<{ homePostalCodes: string[]; homeTravelMinutes: number }[]>`
      SELECT "homePostalCodes", "homeTravelMinutes" FROM "Location" WHERE "id" = ${values.locationId}::uuid FOR UPDATE`;
    if (!before) throw new AppError("NOT_FOUND", "No such location.");
    const stranded = await strandedByHomeArea(tx, values.locationId, { before: before.homePostalCodes, after: values.postalCodes }, ctx.now);
    if (stranded.length > 0 && !sameVisits(values.confirmStranded, stranded)) return { status: "needs-confirmation", stranded };
    const updated = await tx.location.update({
      where: { id: values.locationId },
      data: { homePostalCodes: values.postalCodes, homeTravelMinutes: values.travelMinutes },
      select: { id: true, homePostalCodes: true, homeTravelMinutes: true },
    });
    await audit(tx, staff, ctx, "location.home-area.update", "Location", updated.id, {
      before: { homePostalCodes: before.homePostalCodes, homeTravelMinutes: before.homeTravelMinutes },
      after: { homePostalCodes: updated.homePostalCodes, homeTravelMinutes: updated.homeTravelMinutes },
      ...(stranded.length > 0 ? { strandedAppointmentIds: stranded.map((s) => s.id) } : {}),
    });
    return { status: "saved", ...updated, stranded };
  }, TX_OPTIONS);
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error, { flat: true }));
  return parsed.data;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", Object.values(fields).join(" "), { fields });
}

function hoursGone(): AppError {
  return new AppError("NOT_FOUND", "Those hours no longer exist. The page shows the schedule as it is now.");
}

interface LockedTherapist {
  id: string;
  firstName: string;
  visitModes: VisitMode[];
}

/**
 * Locks the therapist's row for the rest of the transaction. FOR UPDATE
 * (not FOR NO KEY UPDATE) because it conflicts with the KEY SHARE lock an
 * appointment insert takes on its therapist: a booking being written now
 * commits before this change reads the visits it could strand, and two
 * edits of one schedule queue instead of both passing the overlap check.
 */
async function lockTherapist(tx: Tx, therapistId: string): Promise<LockedTherapist> {
  const rows = await tx.$queryRaw<LockedTherapist[]>`
    SELECT "id"::text AS "id", "firstName", "visitModes"::text[] AS "visitModes" FROM "Therapist" WHERE "id" = ${therapistId}::uuid FOR UPDATE`;
  const therapist = rows[0];
  if (!therapist) throw new AppError("NOT_FOUND", "No such therapist.");
  return therapist;
}

async function loadWorkingTime(tx: Tx, therapistId: string, now: Date): Promise<StoredWorkingTime> {
  // One connection holds the transaction, so its queries run one after another.
  const hours = await tx.weeklyHours.findMany({ where: { therapistId }, include: { location: { select: { name: true } } } });
  const timeOff = await tx.timeOff.findMany({ where: { therapistId, endsAt: { gt: now } }, select: { startsAt: true, endsAt: true } });
  return {
    blocks: hours.map((h) => ({ id: h.id, locationId: h.locationId, locationName: h.location.name, ...toWeeklyBlock(h) })),
    timeOff: timeOff.map((t): Interval => ({ start: t.startsAt.getTime(), end: t.endsAt.getTime() })),
  };
}

async function loadUpcomingVisits(tx: Tx, therapistId: string, now: Date): Promise<UpcomingVisit[]> {
  const rows = await tx.appointment.findMany({
    where: { therapistId, status: { in: ["BOOKED", "CHECKED_IN"] }, startsAt: { gt: now } },
    select: {
      id: true,
      locationId: true,
      mode: true,
      status: true,
      startsAt: true,
      endsAt: true,
      patient: { select: { firstName: true, lastName: true } },
      service: { select: { nameEn: true } },
      location: { select: { name: true, timeZone: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    locationId: r.locationId,
    timeZone: r.location.timeZone,
    mode: r.mode,
    status: r.status,
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
    patientName: `${r.patient.firstName} ${r.patient.lastName}`,
    serviceName: r.service.nameEn,
    locationName: r.location.name,
  }));
}

/**
 * Lists the visits the change would strand. It may go ahead when none are,
 * or when the staff member confirmed exactly this list: if bookings changed
 * since they looked, they are asked again.
 */
async function checkStranded(
  tx: Tx,
  therapistId: string,
  now: Date,
  before: WorkingTime,
  after: WorkingTime,
  confirmed: string[] | undefined,
): Promise<{ proceed: boolean; stranded: StrandedAppointment[] }> {
  const visits = await loadUpcomingVisits(tx, therapistId, now);
  const stranded = findStrandedVisits(visits, before, after, now.getTime()).map(
    ({ visit, reason }): StrandedAppointment => ({
      id: visit.id,
      startsAt: formatInstantWithOffset(visit.start, visit.timeZone),
      endsAt: formatInstantWithOffset(visit.end, visit.timeZone),
      timeZone: visit.timeZone,
      locationName: visit.locationName,
      patientName: visit.patientName,
      serviceName: visit.serviceName,
      mode: visit.mode,
      reason,
    }),
  );
  return { proceed: stranded.length === 0 || sameVisits(confirmed, stranded), stranded };
}

/** Location, modes and overlap: the checks that need the database. All problems are reported at once. */
async function assertBlockFits(tx: Tx, therapist: LockedTherapist, candidate: LocatedBlock & { id?: string }, blocks: SavedBlock[]): Promise<void> {
  const fields: Record<string, string> = {};
  const link = await tx.therapistLocation.findUnique({
    where: { therapistId_locationId: { therapistId: therapist.id, locationId: candidate.locationId } },
  });
  if (!link) fields.locationId = `${therapist.firstName} does not work at that location. Choose one of theirs.`;
  const notOffered = modesNotOffered(candidate.visitModes, therapist.visitModes);
  if (notOffered.length > 0) {
    fields.visitModes = `${therapist.firstName} does not offer ${describeModes(notOffered)}. Choose from ${describeModes(therapist.visitModes)}.`;
  }
  const clash = findOverlappingBlock(candidate, blocks);
  if (clash) {
    fields.start =
      `This overlaps ${weekdayName(clash.weekday)} ${formatClockRange(clash.startMinute, clash.endMinute)} at ${clash.locationName}: ` +
      `${therapist.firstName} cannot be in two places at once.`;
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

function toBlock(values: WeeklyHoursValues): LocatedBlock {
  return {
    locationId: values.locationId,
    weekday: values.weekday,
    startMinute: values.startMinute,
    endMinute: values.endMinute,
    visitModes: values.visitModes,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
  };
}

function blockData(values: WeeklyHoursValues) {
  return {
    locationId: values.locationId,
    weekday: values.weekday,
    startMinute: values.startMinute,
    endMinute: values.endMinute,
    visitModes: values.visitModes,
    validFrom: values.validFrom ? new Date(`${values.validFrom}T00:00:00Z`) : null,
    validUntil: values.validUntil ? new Date(`${values.validUntil}T00:00:00Z`) : null,
  };
}

function describeBlock(block: LocatedBlock) {
  return {
    locationId: block.locationId,
    weekday: block.weekday,
    start: formatWallTime(block.startMinute),
    end: formatWallTime(block.endMinute),
    visitModes: block.visitModes,
    validFrom: block.validFrom ?? null,
    validUntil: block.validUntil ?? null,
  };
}

async function audit(tx: Tx, staff: StaffMember, ctx: StaffRequestContext, action: AuditAction, entity: string, entityId: string, detail: Prisma.InputJsonObject) {
  await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action, entity, entityId, ipAddress: ctx.ipAddress, detail });
}
