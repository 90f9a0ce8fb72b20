import "server-only";
import type { z } from "zod";
import type { StaffRequestContext } from "../appointments/mutations";
import type { AuditAction } from "../audit/actions";
import { recordAudit } from "../audit/mutations";
import type { StaffMember } from "../auth/mutations";
import { getPrisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { fieldMessages } from "../errors/field-messages";
import { sameVisits } from "../schedules/find-stranded";
import type { ScheduleChangeResult, StrandedAppointment } from "../schedules/types";
import { slugTakenMessage, slugToUse } from "../text/slug";
import { assertMayManageLocations } from "./access";
import {
  locationCreateSchema,
  locationUpdateSchema,
  roomCreateSchema,
  roomUpdateSchema,
  type LocationCreateInput,
  type LocationUpdateInput,
  type RoomCreateInput,
  type RoomUpdateInput,
} from "./schema";
import { strandedByClosing, strandedByRoomChange, strandedByZoneChange } from "./stranded";

type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** The columns the location details form changes, compared one by one for the audit row. */
const DETAIL_FIELDS = ["name", "addressLine1", "addressLine2", "city", "region", "postalCode", "country", "timeZone", "phone", "active"] as const;

const ROOM_FIELDS = ["name", "capacity", "active"] as const;

/** Adds a location, bookable online at once when active (and once therapists have hours there). */
export async function createLocation(staff: StaffMember, input: LocationCreateInput, ctx: StaffRequestContext): Promise<{ id: string; slug: string }> {
  assertMayManageLocations(staff);
  const values = parseOrThrow(locationCreateSchema, input);
  const { slug: wanted, ...fields } = values;
  return getPrisma().$transaction(async (tx) => {
    const slug = await slugToUse(wanted, fields.name, async (candidate) => (await tx.location.count({ where: { slug: candidate } })) > 0, "location");
    if (!slug) throw invalid({ slug: slugTakenMessage("location") });
    const created = await tx.location.create({ data: { ...fields, slug }, select: { id: true, slug: true } });
    await audit(tx, staff, ctx, "settings.location.create", "Location", created.id, {
      slug,
      ...pick(fields, DETAIL_FIELDS),
      homePostalCodes: fields.homePostalCodes,
      homeTravelMinutes: fields.homeTravelMinutes,
    });
    return created;
  }, TX_OPTIONS);
}

/**
 * Changes a location's details. Closing it, or moving it to another time
 * zone, asks first when visits are booked there: closing leaves them
 * without a place, a new zone keeps each visit's instant but changes the
 * time it shows on the location's clock. Saving never touches the visits.
 */
export async function updateLocation(staff: StaffMember, input: LocationUpdateInput, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageLocations(staff);
  const { id, confirmStranded, ...values } = parseOrThrow(locationUpdateSchema, input);
  return getPrisma().$transaction(async (tx) => {
    // FOR UPDATE waits for bookings in flight (they hold the row FOR SHARE, or KEY SHARE through the
    // appointment's foreign key) and keeps new ones out until this commits, so the list below is complete.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Location" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw locationGone();
    const before = await tx.location.findUniqueOrThrow({ where: { id }, select: selectOf(DETAIL_FIELDS) });
    const changed = DETAIL_FIELDS.filter((field) => before[field] !== values[field]);
    if (changed.length === 0) return { status: "saved", id, stranded: [] };

    let stranded: StrandedAppointment[] = [];
    if (before.active && !values.active) stranded = await strandedByClosing(tx, id, ctx.now);
    else if (before.timeZone !== values.timeZone) stranded = await strandedByZoneChange(tx, id, values.timeZone, ctx.now);
    if (stranded.length > 0 && !sameVisits(confirmStranded, stranded)) return { status: "needs-confirmation", stranded };

    await tx.location.update({ where: { id }, data: values });
    await audit(tx, staff, ctx, "settings.location.update", "Location", id, {
      changed,
      before: pick(before, changed),
      after: pick(values, changed),
      ...(stranded.length > 0 ? { strandedAppointmentIds: stranded.map((s) => s.id) } : {}),
    });
    return { status: "saved", id, stranded };
  }, TX_OPTIONS);
}

/** Adds a room to a location; clinic visits there may use it at once. */
export async function createRoom(staff: StaffMember, input: RoomCreateInput, ctx: StaffRequestContext): Promise<{ id: string }> {
  assertMayManageLocations(staff);
  const values = parseOrThrow(roomCreateSchema, input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      // Two rooms added at once to one location queue here, so the name check below sees the other.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Location" WHERE "id" = ${values.locationId}::uuid FOR NO KEY UPDATE`;
      if (locked.length === 0) throw locationGone();
      await assertRoomNameFree(tx, values.locationId, values.name, null);
      const created = await tx.room.create({ data: values, select: { id: true } });
      await audit(tx, staff, ctx, "settings.room.create", "Room", created.id, { locationId: values.locationId, name: values.name, capacity: values.capacity });
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    throw roomNameTaken(error);
  }
}

/**
 * Renames a room, changes its capacity, closes or reopens it. Closing it,
 * or making it hold fewer visits than are booked in it at one moment, asks
 * first and lists those visits; saving leaves them as booked.
 */
export async function updateRoom(staff: StaffMember, input: RoomUpdateInput, ctx: StaffRequestContext): Promise<ScheduleChangeResult> {
  assertMayManageLocations(staff);
  const { id, confirmStranded, ...values } = parseOrThrow(roomUpdateSchema, input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      // The capacity trigger and the booking's room choice lock the room FOR UPDATE: a booking into
      // it either committed before this lock (and is listed) or waits and then sees the new room.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Room" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", "That room no longer exists. The page shows the location as it is now.");
      const before = await tx.room.findUniqueOrThrow({ where: { id }, select: { locationId: true, name: true, capacity: true, active: true } });
      const changed = ROOM_FIELDS.filter((field) => before[field] !== values[field]);
      if (changed.length === 0) return { status: "saved", id, stranded: [] };
      if (changed.includes("name")) await assertRoomNameFree(tx, before.locationId, values.name, id);

      const closing = before.active && !values.active;
      const shrinking = values.active && values.capacity < before.capacity;
      const stranded = closing || shrinking ? await strandedByRoomChange(tx, id, values, ctx.now) : [];
      if (stranded.length > 0 && !sameVisits(confirmStranded, stranded)) return { status: "needs-confirmation", stranded };

      await tx.room.update({ where: { id }, data: values });
      await audit(tx, staff, ctx, "settings.room.update", "Room", id, {
        locationId: before.locationId,
        changed,
        before: pick(before, changed),
        after: pick(values, changed),
        ...(stranded.length > 0 ? { strandedAppointmentIds: stranded.map((s) => s.id) } : {}),
      });
      return { status: "saved", id, stranded };
    }, TX_OPTIONS);
  } catch (error) {
    throw roomNameTaken(error);
  }
}

async function assertRoomNameFree(tx: Tx, locationId: string, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.room.findFirst({
    where: { locationId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw invalid({ name: "Another room here already has that name. Choose a different name." });
}

/** The unique index on (location, name) is the guarantee when two admins race past the check. */
function roomNameTaken(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return invalid({ name: "Another room here already has that name. Choose a different name." });
  }
  return error;
}

function locationGone(): AppError {
  return new AppError("NOT_FOUND", "That location no longer exists.");
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(fieldMessages(parsed.error, { flat: true }));
  return parsed.data;
}

function invalid(fields: Record<string, string>): AppError {
  return new AppError("VALIDATION_FAILED", Object.values(fields).join(" "), { fields });
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}

function selectOf<K extends string>(keys: readonly K[]): Record<K, true> {
  return Object.fromEntries(keys.map((key) => [key, true])) as Record<K, true>;
}

async function audit(tx: Tx, staff: StaffMember, ctx: StaffRequestContext, action: AuditAction, entity: string, entityId: string, detail: Prisma.InputJsonObject) {
  await recordAudit(tx, { staffUserId: staff.id, actor: staff.email, action, entity, entityId, ipAddress: ctx.ipAddress, detail });
}
