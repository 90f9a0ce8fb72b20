import { describe, expect, it } from "vitest";
import { createPractice, createStaffMember, patientInput, uniq } from "../../test/fixtures";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { updateHomeArea } from "../schedules/mutations";
import { createLocation, createRoom, updateLocation, updateRoom } from "./mutations";
import type { LocationCreateInput } from "./schema";

// Monday 2026-10-26, 07:00 in Chicago: the visits below are on Tuesday the 27th.
const NOW = new Date("2026-10-26T12:00:00Z");
const ctx = { now: NOW, ipAddress: "127.0.0.1" };
const ZONE = "America/Chicago";

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const fieldsOf = (e: unknown) => (e instanceof AppError ? e.fields : undefined);

type Practice = Awaited<ReturnType<typeof createPractice>>;

function newLocation(overrides: Partial<LocationCreateInput> = {}): LocationCreateInput {
  return {
    name: uniq("Northside"),
    addressLine1: "12 Mesa St",
    addressLine2: "",
    city: "El Paso",
    region: "TX",
    postalCode: "79912",
    country: "us",
    timeZone: "America/Denver",
    phone: "+1 915 555 0199",
    active: "on",
    homePostalCodes: "79912, 79922",
    homeTravelMinutes: "20",
    ...overrides,
  };
}

async function book(p: Practice, start: string, options: { therapist?: number; mode?: "CLINIC" | "HOME" } = {}) {
  const mode = options.mode ?? "CLINIC";
  return createBooking(
    {
      service: p.service.id,
      start,
      mode,
      locationId: p.location.id,
      therapistId: p.therapists[options.therapist ?? 0]!.id,
      patient: patientInput(mode === "HOME" ? { address: { line1: "5 Home Rd", city: "El Paso", postalCode: "79912" } } : {}),
    },
    ctx,
  );
}

function details(p: Practice, overrides: Record<string, unknown> = {}) {
  const l = p.location;
  return {
    id: l.id,
    name: l.name,
    addressLine1: l.addressLine1,
    addressLine2: l.addressLine2 ?? "",
    city: l.city,
    region: l.region,
    postalCode: l.postalCode,
    country: l.country,
    timeZone: l.timeZone,
    phone: l.phone ?? "",
    active: true,
    ...overrides,
  };
}

const auditCount = () => getPrisma().auditLog.count({ where: { action: { startsWith: "settings." } } });

describe("createLocation", () => {
  it("adds a location with a free slug and its home-visit area, and audits it", async () => {
    const admin = await createStaffMember("ADMIN");
    const name = uniq("Northside Clinic");
    const first = await createLocation(admin, newLocation({ name }), ctx);
    const second = await createLocation(admin, newLocation({ name }), ctx);
    expect(second.slug).toBe(`${first.slug}-2`);
    const row = await getPrisma().location.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ name, country: "US", timeZone: "America/Denver", addressLine2: null, homePostalCodes: ["79912", "79922"], homeTravelMinutes: 20, active: true });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: first.id, action: "settings.location.create" } });
    expect(log.staffUserId).toBe(admin.id);
    expect(log.detail).toMatchObject({ name, timeZone: "America/Denver", homePostalCodes: ["79912", "79922"] });
  });

  it("refuses an unknown time zone, a bad country and bad postal codes with a message per field, and writes nothing", async () => {
    const admin = await createStaffMember("ADMIN");
    const name = uniq("Olympus");
    const before = await auditCount();
    const error = await createLocation(admin, newLocation({ name, timeZone: "Mars/Olympus", country: "USA", homePostalCodes: "79912, 799" }), ctx).catch((e) => e);
    expect(codeOf(error)).toBe("VALIDATION_FAILED");
    expect(fieldsOf(error)).toMatchObject({
      timeZone: "Choose a time zone from the list, e.g. America/Denver.",
      country: "Use a two-letter country code, e.g. US.",
    });
    const zoneOnly = await createLocation(admin, newLocation({ name, timeZone: "Mars/Olympus" }), ctx).catch((e) => e);
    expect(fieldsOf(zoneOnly)).toEqual({ timeZone: "Choose a time zone from the list, e.g. America/Denver." });
    const zip = await createLocation(admin, newLocation({ name, homePostalCodes: "79912, 799" }), ctx).catch((e) => e);
    expect(fieldsOf(zip)).toEqual({ homePostalCodes: "Use 5-digit ZIP codes, e.g. 79912. Not valid: 799." });
    expect(await getPrisma().location.count({ where: { name } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("accepts a zone by its current IANA name even where the runtime lists an older one", async () => {
    const admin = await createStaffMember("ADMIN");
    const created = await createLocation(admin, newLocation({ timeZone: "Asia/Kathmandu" }), ctx);
    expect((await getPrisma().location.findUniqueOrThrow({ where: { id: created.id } })).timeZone).toBe("Asia/Kathmandu");
  });

  it("is for administrators only: the desk and therapists are refused every location and room change", async () => {
    const p = await createPractice({ timeZone: ZONE, rooms: [{ name: "Room 1", capacity: 1 }] });
    const room = p.location.rooms[0]!;
    for (const who of [await createStaffMember("FRONT_DESK"), await createStaffMember("THERAPIST", p.therapists[0]!.id)]) {
      expect(codeOf(await createLocation(who, newLocation(), ctx).catch((e) => e))).toBe("FORBIDDEN");
      expect(codeOf(await updateLocation(who, details(p, { active: false }), ctx).catch((e) => e))).toBe("FORBIDDEN");
      expect(codeOf(await createRoom(who, { locationId: p.location.id, name: "Gym", capacity: "2" }, ctx).catch((e) => e))).toBe("FORBIDDEN");
      expect(codeOf(await updateRoom(who, { id: room.id, name: "Room 1", capacity: "1", active: false }, ctx).catch((e) => e))).toBe("FORBIDDEN");
    }
    expect(await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id }, include: { rooms: true } })).toMatchObject({ active: true, rooms: [{ active: true }] });
  });
});

describe("updateLocation", () => {
  it("saves new details and audits which fields changed", async () => {
    const p = await createPractice({ timeZone: ZONE });
    const admin = await createStaffMember("ADMIN");
    const result = await updateLocation(admin, details(p, { name: `${p.location.name} East`, phone: "+1 915 555 0111" }), ctx);
    expect(result).toEqual({ status: "saved", id: p.location.id, stranded: [] });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.location.id, action: "settings.location.update" } });
    expect(log.detail).toEqual({
      changed: ["name", "phone"],
      before: { name: p.location.name, phone: null },
      after: { name: `${p.location.name} East`, phone: "+1 915 555 0111" },
    });
  });

  it("lists the upcoming visits before closing a location, and closes it only when confirmed, leaving them booked", async () => {
    const p = await createPractice({ timeZone: ZONE });
    const admin = await createStaffMember("ADMIN");
    const visit = await book(p, "2026-10-27T09:00:00-05:00");
    const before = await auditCount();

    const asked = await updateLocation(admin, details(p, { active: false }), ctx);
    expect(asked).toMatchObject({ status: "needs-confirmation", stranded: [{ id: visit.id, reason: "location-inactive", startsAt: "2026-10-27T09:00:00-05:00" }] });
    expect((await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } })).active).toBe(true);
    expect(await auditCount()).toBe(before);

    const saved = await updateLocation(admin, details(p, { active: false, confirmStranded: [visit.id] }), ctx);
    expect(saved).toMatchObject({ status: "saved", stranded: [{ id: visit.id }] });
    expect((await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } })).active).toBe(false);
    expect(await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } })).toMatchObject({ status: "BOOKED", locationId: p.location.id });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: p.location.id, action: "settings.location.update" } });
    expect(log.detail).toMatchObject({ changed: ["active"], before: { active: true }, after: { active: false }, strandedAppointmentIds: [visit.id] });
  });

  it("asks again on confirm when a visit was booked after the list was shown", async () => {
    const p = await createPractice({ timeZone: ZONE });
    const admin = await createStaffMember("ADMIN");
    const first = await book(p, "2026-10-27T09:00:00-05:00");
    const asked = await updateLocation(admin, details(p, { active: false }), ctx);
    expect(asked.stranded.map((s) => s.id)).toEqual([first.id]);

    const second = await book(p, "2026-10-27T11:00:00-05:00");
    const again = await updateLocation(admin, details(p, { active: false, confirmStranded: [first.id] }), ctx);
    expect(again).toMatchObject({ status: "needs-confirmation" });
    expect(again.stranded.map((s) => s.id)).toEqual([first.id, second.id]);
    expect((await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } })).active).toBe(true);

    expect((await updateLocation(admin, details(p, { active: false, confirmStranded: [first.id, second.id] }), ctx)).status).toBe("saved");
  });

  it("says a new time zone keeps each visit's moment and changes its clock time", async () => {
    const p = await createPractice({ timeZone: ZONE });
    const admin = await createStaffMember("ADMIN");
    const visit = await book(p, "2026-10-27T09:00:00-05:00");
    const asked = await updateLocation(admin, details(p, { timeZone: "America/Denver" }), ctx);
    expect(asked).toEqual({
      status: "needs-confirmation",
      stranded: [expect.objectContaining({ id: visit.id, reason: "zone-change", timeZone: ZONE, newTimeZone: "America/Denver", startsAt: "2026-10-27T09:00:00-05:00" })],
    });
    const unknown = await updateLocation(admin, details(p, { timeZone: "Mars/Olympus" }), ctx).catch((e) => e);
    expect(fieldsOf(unknown)).toEqual({ timeZone: "Choose a time zone from the list, e.g. America/Denver." });

    await updateLocation(admin, details(p, { timeZone: "America/Denver", confirmStranded: [visit.id] }), ctx);
    const row = await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } });
    expect(row.startsAt.toISOString()).toBe("2026-10-27T14:00:00.000Z");
  });
});

describe("home-visit area", () => {
  it("lists upcoming home visits to a postal code being removed, and saves only when confirmed", async () => {
    const p = await createPractice({ timeZone: ZONE, homePostalCodes: ["79912", "79922"] });
    const admin = await createStaffMember("ADMIN");
    const visit = await book(p, "2026-10-27T09:00:00-05:00", { mode: "HOME" });
    // Dropping a code nobody is booked for asks nothing.
    expect((await updateHomeArea(admin, { locationId: p.location.id, postalCodes: "79912", travelMinutes: "30" }, ctx)).status).toBe("saved");

    const asked = await updateHomeArea(admin, { locationId: p.location.id, postalCodes: "79932", travelMinutes: "30" }, ctx);
    expect(asked).toMatchObject({ status: "needs-confirmation", stranded: [{ id: visit.id, reason: "home-area" }] });
    expect((await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } })).homePostalCodes).toEqual(["79912"]);

    const saved = await updateHomeArea(admin, { locationId: p.location.id, postalCodes: "79932", travelMinutes: "30", confirmStranded: [visit.id] }, ctx);
    expect(saved.status).toBe("saved");
    expect((await getPrisma().location.findUniqueOrThrow({ where: { id: p.location.id } })).homePostalCodes).toEqual(["79932"]);
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe("BOOKED");
  });
});

describe("rooms", () => {
  it("adds a room, refusing a capacity under 1 and a name the location already has, and audits it", async () => {
    const p = await createPractice({ timeZone: ZONE, rooms: [{ name: "Room 1", capacity: 1 }] });
    const admin = await createStaffMember("ADMIN");
    const before = await auditCount();
    expect(fieldsOf(await createRoom(admin, { locationId: p.location.id, name: "Gym", capacity: "0" }, ctx).catch((e) => e))).toEqual({
      capacity: "A room holds at least 1 visit at once.",
    });
    expect(fieldsOf(await createRoom(admin, { locationId: p.location.id, name: " room 1 ", capacity: "2" }, ctx).catch((e) => e))).toEqual({
      name: "Another room here already has that name. Choose a different name.",
    });
    expect(await getPrisma().room.count({ where: { locationId: p.location.id } })).toBe(1);
    expect(await auditCount()).toBe(before);

    const gym = await createRoom(admin, { locationId: p.location.id, name: "Gym", capacity: "3" }, ctx);
    expect(await getPrisma().room.findUniqueOrThrow({ where: { id: gym.id } })).toMatchObject({ name: "Gym", capacity: 3, active: true });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: gym.id, action: "settings.room.create" } });
    expect(log.detail).toEqual({ locationId: p.location.id, name: "Gym", capacity: 3 });
  });

  it("lists the visits in a room before closing it, closes it when confirmed, and reopens it", async () => {
    const p = await createPractice({ timeZone: ZONE, rooms: [{ name: "Room 1", capacity: 1 }] });
    const admin = await createStaffMember("ADMIN");
    const room = p.location.rooms[0]!;
    const visit = await book(p, "2026-10-27T09:00:00-05:00");
    expect((await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } })).roomId).toBe(room.id);

    const asked = await updateRoom(admin, { id: room.id, name: "Room 1", capacity: "1", active: false }, ctx);
    expect(asked).toMatchObject({ status: "needs-confirmation", stranded: [{ id: visit.id, reason: "room-inactive" }] });
    expect((await getPrisma().room.findUniqueOrThrow({ where: { id: room.id } })).active).toBe(true);

    const saved = await updateRoom(admin, { id: room.id, name: "Room 1", capacity: "1", active: false, confirmStranded: [visit.id] }, ctx);
    expect(saved.status).toBe("saved");
    expect((await getPrisma().room.findUniqueOrThrow({ where: { id: room.id } })).active).toBe(false);
    expect(await getPrisma().appointment.findUniqueOrThrow({ where: { id: visit.id } })).toMatchObject({ status: "BOOKED", roomId: room.id });
    const log = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: room.id, action: "settings.room.update" } });
    expect(log.detail).toEqual({ locationId: p.location.id, changed: ["active"], before: { active: true }, after: { active: false }, strandedAppointmentIds: [visit.id] });

    expect((await updateRoom(admin, { id: room.id, name: "Treatment 1", capacity: "1", active: true }, ctx)).status).toBe("saved");
    expect(await getPrisma().room.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({ name: "Treatment 1", active: true });
  });

  it("lists the visits booked at once when the capacity would drop below them", async () => {
    const p = await createPractice({ timeZone: ZONE, therapists: 2, rooms: [{ name: "Gym", capacity: 2 }] });
    const admin = await createStaffMember("ADMIN");
    const gym = p.location.rooms[0]!;
    const a = await book(p, "2026-10-27T09:00:00-05:00", { therapist: 0 });
    const b = await book(p, "2026-10-27T09:00:00-05:00", { therapist: 1 });
    const alone = await book(p, "2026-10-27T13:00:00-05:00", { therapist: 0 });

    const asked = await updateRoom(admin, { id: gym.id, name: "Gym", capacity: "1", active: true }, ctx);
    expect(asked.status).toBe("needs-confirmation");
    expect(asked.stranded.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(asked.stranded.map((s) => s.id)).not.toContain(alone.id);
    expect((await getPrisma().room.findUniqueOrThrow({ where: { id: gym.id } })).capacity).toBe(2);
    // Raising it, or renaming it, asks nothing.
    expect((await updateRoom(admin, { id: gym.id, name: "Big gym", capacity: "4", active: true }, ctx)).status).toBe("saved");
  });

  it("counts a visit under way as filling the room, and lists only the one still to come", async () => {
    const p = await createPractice({ timeZone: ZONE, therapists: 2, rooms: [{ name: "Gym", capacity: 2 }] });
    const admin = await createStaffMember("ADMIN");
    const gym = p.location.rooms[0]!;
    const underWay = await book(p, "2026-10-27T09:00:00-05:00", { therapist: 0 });
    const next = await book(p, "2026-10-27T09:30:00-05:00", { therapist: 1 });
    const during = { now: new Date("2026-10-27T14:10:00Z"), ipAddress: null };

    const asked = await updateRoom(admin, { id: gym.id, name: "Gym", capacity: "1", active: true }, during);
    expect(asked.status).toBe("needs-confirmation");
    expect(asked.stranded.map((s) => s.id)).toEqual([next.id]);
    expect(asked.stranded.map((s) => s.id)).not.toContain(underWay.id);
  });
});
