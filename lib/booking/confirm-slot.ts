import "server-only";
import type { Location, Prisma, Service, VisitMode } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { findOpenSlots } from "../scheduling/find-open-slots";
import { localDateOf, zonedDayBounds } from "../scheduling/zone-time";
import { normalisePostalCode, slotQueryFor, toWeeklyBlock } from "./data";

const DAY_MS = 86_400_000;

/**
 * Inside a booking's transaction: holds the therapist's row (and the
 * location's) against schedule and settings changes, which lock them FOR
 * UPDATE, and re-checks the therapist (active, offering this mode, location
 * and service) and the time against the hours, time off and home-visit area
 * seen now. Without it, a booking whose search ran just before a schedule change
 * committed could land in hours that no longer exist. Other bookings are
 * not checked here: the exclusion constraints decide those races.
 */
export async function confirmSlotUnderLock(
  tx: Prisma.TransactionClient,
  args: { therapistId: string; location: Location; service: Service; mode: VisitMode; start: number; now: Date; ignoreNotice?: boolean; postalCode?: string | null },
): Promise<void> {
  const [therapist] = await tx.$queryRaw<{ active: boolean; visitModes: string[]; atLocation: boolean; offersService: boolean }[]>`
    SELECT t."active", t."visitModes"::text[] AS "visitModes",
           EXISTS (SELECT 1 FROM "TherapistLocation" WHERE "therapistId" = t."id" AND "locationId" = ${args.location.id}::uuid) AS "atLocation",
           EXISTS (SELECT 1 FROM "TherapistService" WHERE "therapistId" = t."id" AND "serviceId" = ${args.service.id}::uuid) AS "offersService"
      FROM "Therapist" t WHERE t."id" = ${args.therapistId}::uuid FOR SHARE OF t`;
  // The search that offered this time ran before the lock: a therapist
  // deactivated, or no longer offering this place, mode or service, since then
  // is not booked.
  if (!therapist?.active || !therapist.visitModes.includes(args.mode) || !therapist.atLocation || !therapist.offersService) {
    throw new AppError("SLOT_UNAVAILABLE", "That therapist stopped offering this visit a moment ago. Please choose another time.");
  }
  await confirmServiceTerms(tx, args);
  const [location] = await tx.$queryRaw<{ homePostalCodes: string[]; homeTravelMinutes: number; active: boolean }[]>`
    SELECT "homePostalCodes", "homeTravelMinutes", "active" FROM "Location" WHERE "id" = ${args.location.id}::uuid FOR SHARE`;
  // Closing a location locks its row FOR UPDATE: a booking that searched before it closed stops here.
  if (!location?.active) throw new AppError("NOT_FOUND", "That location does not exist or is closed.");
  if (args.mode === "HOME" && !location.homePostalCodes.map(normalisePostalCode).includes(normalisePostalCode(args.postalCode ?? ""))) {
    throw new AppError("OUTSIDE_AREA", "Home visits to that postal code stopped a moment ago. You can book a visit in the clinic instead.");
  }

  const zone = args.location.timeZone;
  const day = localDateOf(args.start, zone);
  const bounds = zonedDayBounds(day, zone);
  const hours = await tx.weeklyHours.findMany({ where: { therapistId: args.therapistId, locationId: args.location.id } });
  const timeOff = await tx.timeOff.findMany({
    where: { therapistId: args.therapistId, startsAt: { lt: new Date(bounds.end + DAY_MS) }, endsAt: { gt: new Date(bounds.start - DAY_MS) } },
    select: { startsAt: true, endsAt: true },
  });
  const open = findOpenSlots(
    {
      therapistId: args.therapistId,
      locationId: args.location.id,
      timeZone: zone,
      weeklyHours: hours.map(toWeeklyBlock),
      timeOff: timeOff.map((t) => ({ start: t.startsAt.getTime(), end: t.endsAt.getTime() })),
      busy: [],
    },
    slotQueryFor(args.service, location, args.mode, { from: day, to: day, now: args.now, ignoreNotice: args.ignoreNotice }),
  );
  if (!open.some((slot) => slot.start === args.start)) {
    throw new AppError("SLOT_UNAVAILABLE", "The therapist's hours changed a moment ago and that time is no longer offered. Please choose another time.");
  }
}

interface ServiceTermsNow {
  active: boolean;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  visitModes: VisitMode[];
  offered: boolean;
}

/**
 * Holds the service's row against settings changes, which lock it FOR UPDATE
 * and list the booked visits they leave behind, and checks that the terms the
 * search used still hold: still offered, by this therapist, in this mode, at
 * this length. A booking searched just before the change committed is
 * refused rather than booked on terms the practice has just withdrawn.
 */
async function confirmServiceTerms(tx: Prisma.TransactionClient, args: { therapistId: string; service: Service; mode: VisitMode }): Promise<void> {
  // The lock first, the read after: a statement that waited for a lock still
  // reads with the snapshot it started with, so it would miss the change it waited for.
  await tx.$queryRaw`SELECT 1 FROM "Service" WHERE "id" = ${args.service.id}::uuid FOR SHARE`;
  const [now] = await tx.$queryRaw<ServiceTermsNow[]>`
    SELECT s."active", s."durationMinutes", s."bufferBeforeMinutes", s."bufferAfterMinutes", s."visitModes"::text[] AS "visitModes",
           EXISTS (SELECT 1 FROM "TherapistService" ts WHERE ts."serviceId" = s."id" AND ts."therapistId" = ${args.therapistId}::uuid) AS "offered"
      FROM "Service" s WHERE s."id" = ${args.service.id}::uuid`;
  // Withdrawn or a mode dropped since the search: refused. The desk moving a
  // visit of a service already withdrawn (or of a mode already dropped) is not.
  const unchanged =
    now?.offered &&
    (now.active || !args.service.active) &&
    (now.visitModes.includes(args.mode) || !args.service.visitModes.includes(args.mode)) &&
    now.durationMinutes === args.service.durationMinutes &&
    now.bufferBeforeMinutes === args.service.bufferBeforeMinutes &&
    now.bufferAfterMinutes === args.service.bufferAfterMinutes;
  if (!unchanged) {
    throw new AppError("SLOT_UNAVAILABLE", `${args.service.nameEn} changed a moment ago and that time is no longer offered. Please choose another time.`);
  }
}
