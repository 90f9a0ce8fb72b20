import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { GET as availability } from "../../app/api/availability/route";
import { GET as locations } from "../../app/api/locations/route";
import { createPractice, createStaffMember, patientInput } from "../../test/fixtures";
import { confirmSlotUnderLock } from "../booking/confirm-slot";
import { searchSlots } from "../booking/data";
import { createBooking } from "../booking/mutations";
import { getPrisma } from "../db/client";
import { updateLocation, updateRoom } from "./mutations";

// Online booking reads locations and rooms on every request: closing one
// takes it out of the very next search.

const ZONE = "America/Chicago";

async function askAvailability(query: Record<string, string>) {
  const response = await availability(new Request(`http://localhost:3000/api/availability?${new URLSearchParams(query)}`), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { slots?: { start: string }[]; error?: { code: string } } };
}

async function listedLocationIds() {
  const response = await locations(new Request("http://localhost:3000/api/locations"), { params: Promise.resolve({}) });
  return ((await response.json()) as { locations: { id: string }[] }).locations.map((l) => l.id);
}

function detailsOf(p: Awaited<ReturnType<typeof createPractice>>, active: boolean) {
  const l = p.location;
  return { id: l.id, name: l.name, addressLine1: l.addressLine1, city: l.city, region: l.region, postalCode: l.postalCode, country: l.country, timeZone: l.timeZone, active };
}

describe("closed locations and rooms in online booking", () => {
  it("a closed location drops out of /api/locations and availability at once, and comes back when reopened", async () => {
    const p = await createPractice({ timeZone: ZONE, rooms: [{ name: "Room 1", capacity: 1 }] });
    const admin = await createStaffMember("ADMIN");
    const ctx = { now: new Date(), ipAddress: null };
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).toISODate()!;
    const query = { service: p.service.id, location: p.location.id, mode: "CLINIC", from: day, to: day };
    expect((await askAvailability(query)).body.slots?.length).toBeGreaterThan(0);
    expect(await listedLocationIds()).toContain(p.location.id);

    expect((await updateLocation(admin, detailsOf(p, false), ctx)).status).toBe("saved");
    expect(await listedLocationIds()).not.toContain(p.location.id);
    // 404 for a closed location, or an empty list when no other location keeps the practice open.
    const closed = await askAvailability(query);
    expect(closed.body.slots ?? []).toEqual([]);
    expect([200, 404]).toContain(closed.status);

    await updateLocation(admin, detailsOf(p, true), ctx);
    expect((await askAvailability(query)).body.slots?.length).toBeGreaterThan(0);
  });

  it("a location whose only room is closed offers no clinic visits, online or by a booking sent anyway", async () => {
    const p = await createPractice({ timeZone: ZONE, rooms: [{ name: "Room 1", capacity: 1 }] });
    const admin = await createStaffMember("ADMIN");
    const ctx = { now: new Date(), ipAddress: null };
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).toISODate()!;
    const query = { service: p.service.id, location: p.location.id, mode: "CLINIC", from: day, to: day };
    const open = (await askAvailability(query)).body.slots ?? [];
    expect(open.length).toBeGreaterThan(0);

    const room = p.location.rooms[0]!;
    expect((await updateRoom(admin, { id: room.id, name: room.name, capacity: "1", active: false }, ctx)).status).toBe("saved");
    expect((await askAvailability(query)).body.slots).toEqual([]);
    const refused = await createBooking(
      { service: p.service.id, start: open[0]!.start, mode: "CLINIC", locationId: p.location.id, therapistId: p.therapists[0]!.id, patient: patientInput() },
      ctx,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: expect.stringMatching(/^(SLOT_TAKEN|SLOT_UNAVAILABLE)$/) });

    // Home visits need no room.
    expect((await askAvailability({ ...query, mode: "HOME", postalCode: "79912" })).body.slots?.length).toBeGreaterThan(0);
  });

  it("a booking whose search ran before the location closed is refused as it is written", async () => {
    const p = await createPractice({ timeZone: ZONE });
    const admin = await createStaffMember("ADMIN");
    const now = new Date();
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).toISODate()!;
    // The search sees the location open, as a patient's did a moment before the admin closed it.
    const { slots } = await searchSlots({ service: p.service, mode: "CLINIC", locations: [p.location], from: day, to: day, now });
    const start = slots[0]!.start;
    await updateLocation(admin, detailsOf(p, false), { now, ipAddress: null });

    const write = getPrisma().$transaction((tx) =>
      confirmSlotUnderLock(tx, { therapistId: slots[0]!.therapistId, location: p.location, service: p.service, mode: "CLINIC", start, now }),
    );
    await expect(write).rejects.toMatchObject({ code: "NOT_FOUND", message: "That location does not exist or is closed." });
  });
});
