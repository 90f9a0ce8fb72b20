import "server-only";
import { getPrisma } from "../db/client";
import type { Location, Service, VisitMode, WeeklyHours } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { isOnlinePaymentOn } from "../payments/config";
import { paymentTerms } from "../payments/payment-terms";
import type { CancellationPolicy } from "../payments/rules";
import { findFeePolicy } from "../practice/data";
import { findAllSlots } from "../scheduling/find-all-slots";
import { findFirstAvailable } from "../scheduling/first-available";
import { formatInstantWithOffset, zonedDayBounds } from "../scheduling/zone-time";
import type { RoomLoad, Slot, SlotQuery, TherapistSchedule, WeeklyBlock } from "../scheduling/types";
import type { LocationDto, ReasonDto, ServiceDto, SlotDto, TherapistDto } from "./api-types";
import { slotChangeTerms } from "./change-deadline";

/**
 * Statuses of visits that hold a therapist's, a patient's and a room's time. A
 * held time (HELD) blocks it too while it lasts, an expired or LAPSED one never
 * (the search below and chooseRoom say so); the migration's constraints list all four.
 */
export const ACTIVE_STATUSES = ["BOOKED", "CHECKED_IN", "COMPLETED"] as const;

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What every service's payment terms are read with: the practice's fees and whether online payment is on. */
export interface PaymentContext {
  policy: CancellationPolicy;
  onlineOn: boolean;
}

export function toServiceDto(s: Service, payment: PaymentContext): ServiceDto {
  return {
    id: s.id,
    slug: s.slug,
    name: { en: s.nameEn, es: s.nameEs },
    description: { en: s.descriptionEn, es: s.descriptionEs },
    durationMinutes: s.durationMinutes,
    priceCents: s.priceCents,
    currency: s.currency,
    visitModes: s.visitModes,
    newPatientsOnly: s.newPatientsOnly,
    cancelCutoffMinutes: s.cancelCutoffMinutes,
    payment: paymentTerms(s, payment.policy, payment.onlineOn),
  };
}

export function toLocationDto(l: Location): LocationDto {
  return {
    id: l.id,
    slug: l.slug,
    name: l.name,
    address: { line1: l.addressLine1, line2: l.addressLine2, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country },
    phone: l.phone,
    timeZone: l.timeZone,
    homePostalCodes: l.homePostalCodes,
  };
}

/**
 * A free time as the API shows it. Whether it is inside the service's cut-off is
 * decided here with the request's clock, the same clock that later refuses the
 * change, rather than by the browser, whose clock may be wrong.
 */
export function toSlotDto(slot: Slot, timeZone: string, terms: { cancelCutoffMinutes: number; now: Date }): SlotDto {
  return {
    start: formatInstantWithOffset(slot.start, timeZone),
    end: formatInstantWithOffset(slot.end, timeZone),
    therapistId: slot.therapistId,
    locationId: slot.locationId,
    ...slotChangeTerms(slot.start, terms.cancelCutoffMinutes, terms.now.getTime(), timeZone),
  };
}

export async function listServices(): Promise<ServiceDto[]> {
  const [services, policy] = await Promise.all([
    getPrisma().service.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }] }),
    findFeePolicy(),
  ]);
  const payment = { policy, onlineOn: isOnlinePaymentOn() };
  return services.map((s) => toServiceDto(s, payment));
}

export async function listLocations(): Promise<LocationDto[]> {
  const locations = await getPrisma().location.findMany({ where: { active: true }, orderBy: { name: "asc" } });
  return locations.map(toLocationDto);
}

export async function listReasons(): Promise<ReasonDto[]> {
  const reasons = await getPrisma().visitReason.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] });
  return reasons.map((r) => ({ slug: r.slug, label: { en: r.labelEn, es: r.labelEs } }));
}

/**
 * A therapist as the public list shows them, with the id of their photo: the
 * route handler turns it into the picture's address (lib/images), which
 * booking does not import.
 */
export type TherapistListing = Omit<TherapistDto, "photoUrl"> & { photoImageId: string | null };

export async function listTherapists(filter: { locationId?: string; serviceId?: string; mode?: VisitMode } = {}): Promise<TherapistListing[]> {
  const therapists = await getPrisma().therapist.findMany({
    where: {
      active: true,
      ...(filter.mode ? { visitModes: { has: filter.mode } } : {}),
      ...(filter.locationId ? { locations: { some: { locationId: filter.locationId } } } : {}),
      ...(filter.serviceId ? { services: { some: { serviceId: filter.serviceId } } } : {}),
    },
    include: { locations: { select: { locationId: true } }, services: { select: { serviceId: true } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return therapists.map((t) => ({
    id: t.id,
    slug: t.slug,
    firstName: t.firstName,
    lastName: t.lastName,
    credentials: t.credentials,
    bio: { en: t.bioEn, es: t.bioEs },
    photoImageId: t.photoImageId,
    languages: t.languages,
    visitModes: t.visitModes,
    locationIds: t.locations.map((l) => l.locationId),
    serviceIds: t.services.map((s) => s.serviceId),
  }));
}

/** A service by id or slug, active only. */
export async function findService(idOrSlug: string): Promise<Service> {
  const service = await getPrisma().service.findFirst({
    where: { active: true, ...(UUID.test(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug }) },
  });
  if (!service) throw new AppError("NOT_FOUND", `No service "${idOrSlug}" is offered. GET /api/services lists them.`);
  return service;
}

export function normalisePostalCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, " ");
}

/**
 * Which mode a request means, refusing the ones this service or online
 * booking does not offer, with a reason a patient can act on.
 */
export function resolveMode(service: Service, requested: VisitMode | undefined): VisitMode {
  const mode = requested ?? (service.visitModes.includes("CLINIC") ? "CLINIC" : service.visitModes[0]);
  if (!mode || !service.visitModes.includes(mode)) {
    throw new AppError("VALIDATION_FAILED", `${service.nameEn} is not offered as a ${mode?.toLowerCase() ?? ""} visit.`, {
      fields: { mode: `Choose one of: ${service.visitModes.join(", ")}.` },
    });
  }
  return mode;
}

/** The locations a search covers; for home visits, only those that serve the postal code. */
export async function resolveLocations(locationId: string | undefined, mode: VisitMode, postalCode: string | undefined): Promise<Location[]> {
  return locationsFor(await activeLocations(locationId), locationId, mode, postalCode);
}

/** The active locations, or the one asked for when it is active; read without knowing the mode, so it can run alongside findService. */
export function activeLocations(locationId: string | undefined): Promise<Location[]> {
  return getPrisma().location.findMany({
    where: { active: true, ...(locationId ? { id: locationId } : {}) },
    orderBy: { name: "asc" },
  });
}

/**
 * findService and activeLocations in one statement, for the availability
 * search, the busiest public request: one round trip and one query's fixed
 * cost instead of two. The same rows, in the same order, as those two give.
 */
export async function findServiceWithLocations(idOrSlug: string, locationId: string | undefined): Promise<{ service: Service; locations: Location[] }> {
  const byId = UUID.test(idOrSlug);
  const [row] = await getPrisma().$queryRaw<{ service: Timestamped<Service> | null; locations: Timestamped<Location>[] }[]>`
    SELECT (SELECT row_to_json(s) FROM "Service" s
             WHERE s."active" AND (s."id" = ${byId ? idOrSlug : null}::uuid OR s."slug" = ${byId ? null : idOrSlug})
             LIMIT 1) AS "service",
           (SELECT coalesce(json_agg(l ORDER BY l."name"), '[]') FROM "Location" l
             WHERE l."active" AND (${locationId ?? null}::uuid IS NULL OR l."id" = ${locationId ?? null}::uuid)) AS "locations"`;
  if (!row?.service) throw new AppError("NOT_FOUND", `No service "${idOrSlug}" is offered. GET /api/services lists them.`);
  return { service: withDates(row.service), locations: row.locations.map(withDates) };
}

/** A row as row_to_json writes it: its timestamps as text. */
type Timestamped<T extends { createdAt: Date; updatedAt: Date }> = Omit<T, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

function withDates<T extends { createdAt: Date; updatedAt: Date }>(row: Timestamped<T>): T {
  return { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) } as T;
}

/** resolveLocations' rules on locations already read with activeLocations. */
export function locationsFor(active: Location[], locationId: string | undefined, mode: VisitMode, postalCode: string | undefined): Location[] {
  let locations = active;
  if (locationId && locations.length === 0) throw new AppError("NOT_FOUND", "That location does not exist or is closed.");
  if (mode === "HOME") {
    const code = normalisePostalCode(postalCode ?? "");
    locations = locations.filter((l) => l.homePostalCodes.map(normalisePostalCode).includes(code));
    if (locations.length === 0) {
      throw new AppError("OUTSIDE_AREA", `We do not make home visits to postal code ${code} from ${locationId ? "this location" : "any of our locations"}. You can book a visit in the clinic instead.`, {
        fields: { postalCode: "Outside our home-visit area." },
      });
    }
  }
  return locations;
}

export interface SlotSearch {
  service: Service;
  mode: VisitMode;
  locations: Location[];
  therapistId?: string;
  /** Local dates, inclusive, read in each location's zone. */
  from: string;
  to: string;
  now: Date;
  /** Leave this appointment's own time out of the busy list (rescheduling it). */
  excludeAppointmentId?: string;
  /** Pretend nothing is booked: tells "taken" apart from "never offered". */
  ignoreBookings?: boolean;
  /** Staff booking a caller or a walk-in: the patient-facing minimum notice does not apply. */
  ignoreNotice?: boolean;
  /** The patient's language: "first available" gives a start to a therapist who speaks it when one is free then. */
  language?: "en" | "es";
}

export function toWeeklyBlock(h: WeeklyHours): WeeklyBlock & { validFrom: string | null; validUntil: string | null } {
  return {
    weekday: h.weekday,
    startMinute: h.startMinute,
    endMinute: h.endMinute,
    visitModes: h.visitModes,
    validFrom: h.validFrom?.toISOString().slice(0, 10) ?? null,
    validUntil: h.validUntil?.toISOString().slice(0, 10) ?? null,
  };
}

/** The engine's query for a service at a location: one place, so every caller applies the same rules. */
export function slotQueryFor(
  service: Service,
  location: Pick<Location, "homeTravelMinutes">,
  mode: VisitMode,
  search: { from: string; to: string; now: Date; ignoreNotice?: boolean },
): SlotQuery {
  return {
    mode,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    travelMinutes: location.homeTravelMinutes,
    minNoticeMinutes: search.ignoreNotice ? 0 : service.minNoticeMinutes,
    horizonDays: service.horizonDays,
    from: search.from,
    to: search.to,
    now: search.now.getTime(),
  };
}

export interface SlotSearchResult {
  timeZone: string;
  slots: Slot[];
  /** Zone per location, for formatting each slot. */
  zones: Map<string, string>;
}

/**
 * Loads everything the engine needs for one search in one statement
 * (therapists, hours, time off, busy appointments, room loads, each part
 * aggregated to JSON by PostgreSQL) and runs it. The busiest public request
 * runs this, and every extra statement costs a round trip and a query's
 * fixed cost. The booking write path calls this too, so both apply the same
 * rules.
 */
export async function searchSlots(search: SlotSearch): Promise<SlotSearchResult> {
  const { timeZone, zones, byLocation } = await loadSchedules(search);
  const slots: Slot[] = [];
  for (const { schedules, query } of byLocation) {
    slots.push(...(search.therapistId ? findAllSlots(schedules, query) : findFirstAvailable(schedules, query)));
  }
  slots.sort((a, b) => a.start - b.start || a.therapistId.localeCompare(b.therapistId));
  return { timeZone, slots, zones };
}

export interface LoadedSchedules {
  timeZone: string;
  zones: Map<string, string>;
  /** Per location: every therapist's schedule there and the engine's query (rooms included). */
  byLocation: { location: Location; schedules: TherapistSchedule[]; query: SlotQuery }[];
}

/**
 * What searchSlots runs the engine on, loaded in one statement: callers that
 * place many visits at once (a plan of care) load a whole range once and run
 * the engine on it themselves, under the same rules.
 */
export async function loadSchedules(search: SlotSearch): Promise<LoadedSchedules> {
  const { service, mode, locations } = search;
  const locationIds = locations.map((l) => l.id);
  const zones = new Map(locations.map((l) => [l.id, l.timeZone]));
  const timeZone = locations[0]?.timeZone ?? "UTC";
  if (locations.length === 0) return { timeZone, zones, byLocation: [] };

  // Buffers and travel reach a few hours past a day's edges; a day's margin covers them.
  const windowStart = Math.min(...locations.map((l) => zonedDayBounds(search.from, l.timeZone).start)) - DAY_MS;
  const windowEnd = Math.max(...locations.map((l) => zonedDayBounds(search.to, l.timeZone).end)) + DAY_MS;
  const loaded = await loadSearch({
    serviceId: service.id,
    mode,
    therapistId: search.therapistId ?? null,
    locationIds,
    windowStart,
    windowEnd,
    withBookings: !search.ignoreBookings,
    withRooms: mode === "CLINIC",
    excludeAppointmentId: search.excludeAppointmentId,
    now: search.now,
  });
  const therapistIds = loaded.therapists.map((t) => t.id);
  const languagesOf = new Map(loaded.therapists.map((t) => [t.id, t.languages]));
  if (therapistIds.length === 0) return { timeZone, zones, byLocation: [] };
  const { hours, intervals, rooms } = loaded;

  const timeOffBy = groupBy(intervals.filter((r) => r[0] === "off"), (r) => r[1], toInterval);
  const busyBy = groupBy(intervals.filter((r) => r[0] === "busy"), (r) => r[1], toInterval);
  const roomBusyBy = groupBy(intervals.filter((r) => r[0] === "room"), (r) => r[1], toInterval);
  const roomsBy = groupBy(rooms.filter((r) => r.active), (r) => r.locationId, (r): RoomLoad => ({ roomId: r.id, capacity: r.capacity, busy: roomBusyBy.get(r.id) ?? [] }));
  // A location that keeps rooms but has closed them all offers no clinic visits.
  const withRooms = new Set(rooms.map((r) => r.locationId));

  const byLocation: LoadedSchedules["byLocation"] = [];
  for (const location of locations) {
    const schedules: TherapistSchedule[] = [];
    for (const therapistId of therapistIds) {
      const weeklyHours = hours.filter((h) => h.therapistId === therapistId && h.locationId === location.id).map(toBlock);
      if (weeklyHours.length === 0) continue;
      schedules.push({
        therapistId,
        locationId: location.id,
        timeZone: location.timeZone,
        weeklyHours,
        timeOff: timeOffBy.get(therapistId) ?? [],
        busy: busyBy.get(therapistId) ?? [],
        languages: languagesOf.get(therapistId),
      });
    }
    const query = {
      ...slotQueryFor(service, location, mode, search),
      // A location with no rooms on record books by therapist alone.
      rooms: withRooms.has(location.id) ? (roomsBy.get(location.id) ?? []) : undefined,
      language: search.language,
    };
    byLocation.push({ location, schedules, query });
  }
  return { timeZone, zones, byLocation };
}

interface HoursRow extends WeeklyBlock {
  therapistId: string;
  locationId: string;
  validFrom: string | null;
  validUntil: string | null;
}

const toBlock = (h: HoursRow): WeeklyBlock => ({
  weekday: h.weekday,
  startMinute: h.startMinute,
  endMinute: h.endMinute,
  visitModes: h.visitModes,
  validFrom: h.validFrom,
  validUntil: h.validUntil,
});

/** [kind, owner, start, end]: the owner is the therapist for busy and off, the room for room. */
type IntervalRow = ["busy" | "off" | "room", string, number, number];

const toInterval = (r: IntervalRow) => ({ start: r[2], end: r[3] });

interface SearchRow {
  /** With the languages each speaks: "first available" prefers the patient's. */
  therapists: { id: string; languages: string[] }[];
  hours: HoursRow[];
  intervals: IntervalRow[];
  /** Closed rooms too: a location whose rooms are all closed offers no clinic visits. */
  rooms: { id: string; locationId: string; capacity: number; active: boolean }[];
}

/**
 * Everything one search needs, in one statement: the therapists who offer
 * the service in the mode at the locations, their weekly hours there, what
 * fills their time in the window (blocked ranges of their visits, time off)
 * and the visits in the locations' rooms, and the rooms. Epochs come back
 * as float8 so no Date is built per row. The redundant "startsAt" bounds (a
 * visit is shorter than the window's one-day margin) let the
 * (therapistId, startsAt) and (locationId, startsAt) indexes do the work.
 */
async function loadSearch(args: {
  serviceId: string;
  mode: VisitMode;
  therapistId: string | null;
  locationIds: string[];
  windowStart: number;
  windowEnd: number;
  withBookings: boolean;
  withRooms: boolean;
  excludeAppointmentId?: string;
  /** A hold blocks its time until its expiry, judged at the request's time. */
  now: Date;
}): Promise<SearchRow> {
  const from = new Date(args.windowStart);
  const until = new Date(args.windowEnd);
  const startsAfter = new Date(args.windowStart - DAY_MS);
  const startsBefore = new Date(args.windowEnd + DAY_MS);
  const exclude = args.excludeAppointmentId ?? null;
  const [row] = await getPrisma().$queryRaw<SearchRow[]>`
    WITH "th" AS (
      SELECT t."id", t."languages" FROM "Therapist" t
       WHERE t."active" AND ${args.mode}::"VisitMode" = ANY(t."visitModes")
         AND EXISTS (SELECT 1 FROM "TherapistService" ts WHERE ts."therapistId" = t."id" AND ts."serviceId" = ${args.serviceId}::uuid)
         AND EXISTS (SELECT 1 FROM "TherapistLocation" tl WHERE tl."therapistId" = t."id" AND tl."locationId" = ANY(${args.locationIds}::uuid[]))
         AND (${args.therapistId}::uuid IS NULL OR t."id" = ${args.therapistId}::uuid)
    ), "ids" AS (SELECT coalesce(array_agg("id"), '{}') AS "ids" FROM "th")
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', "id"::text, 'languages', "languages") ORDER BY "id"), '[]') FROM "th") AS "therapists",
      (SELECT coalesce(json_agg(json_build_object(
                'therapistId', h."therapistId"::text, 'locationId', h."locationId"::text, 'weekday', h."weekday",
                'startMinute', h."startMinute", 'endMinute', h."endMinute", 'visitModes', h."visitModes",
                'validFrom', to_char(h."validFrom", 'YYYY-MM-DD'), 'validUntil', to_char(h."validUntil", 'YYYY-MM-DD'))), '[]')
         FROM "WeeklyHours" h, "ids" WHERE h."therapistId" = ANY("ids"."ids") AND h."locationId" = ANY(${args.locationIds}::uuid[])) AS "hours",
      (SELECT coalesce(json_agg(json_build_array(i."kind", i."owner", i."start", i."end")), '[]') FROM (
        SELECT 'off' AS "kind", "therapistId"::text AS "owner",
               (extract(epoch FROM "startsAt") * 1000)::float8 AS "start", (extract(epoch FROM "endsAt") * 1000)::float8 AS "end"
          FROM "TimeOff", "ids"
         WHERE "therapistId" = ANY("ids"."ids") AND "startsAt" < ${until} AND "endsAt" > ${from}
        UNION ALL
        SELECT 'busy', "therapistId"::text,
               (extract(epoch FROM "blockedFrom") * 1000)::float8, (extract(epoch FROM "blockedUntil") * 1000)::float8
          FROM "Appointment", "ids"
         WHERE ${args.withBookings}::boolean
           AND "therapistId" = ANY("ids"."ids")
           AND ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED') OR ("status" = 'HELD' AND "holdExpiresAt" > ${args.now}))
           AND "startsAt" > ${startsAfter} AND "startsAt" < ${startsBefore}
           AND "blockedFrom" < ${until} AND "blockedUntil" > ${from}
           AND (${exclude}::uuid IS NULL OR "id" <> ${exclude}::uuid)
        UNION ALL
        SELECT 'room', "roomId"::text,
               (extract(epoch FROM "startsAt") * 1000)::float8, (extract(epoch FROM "endsAt") * 1000)::float8
          FROM "Appointment"
         WHERE ${args.withBookings}::boolean AND ${args.withRooms}::boolean
           AND "locationId" = ANY(${args.locationIds}::uuid[])
           AND "roomId" IS NOT NULL
           AND ("status" IN ('BOOKED', 'CHECKED_IN', 'COMPLETED') OR ("status" = 'HELD' AND "holdExpiresAt" > ${args.now}))
           AND "startsAt" > ${startsAfter} AND "startsAt" < ${until} AND "endsAt" > ${from}
           AND (${exclude}::uuid IS NULL OR "id" <> ${exclude}::uuid)
      ) i) AS "intervals",
      (SELECT coalesce(json_agg(json_build_object('id', r."id"::text, 'locationId', r."locationId"::text, 'capacity', r."capacity", 'active', r."active")), '[]')
         FROM "Room" r
        WHERE ${args.withBookings}::boolean AND ${args.withRooms}::boolean
          AND r."locationId" = ANY(${args.locationIds}::uuid[])) AS "rooms"`;
  return row!;
}

function groupBy<T, V>(items: T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(value(item));
    else map.set(k, [value(item)]);
  }
  return map;
}
