import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { GET as availability } from "../../app/api/availability/route";
import { createPractice, createStaffMember } from "../../test/fixtures";
import { searchSlots } from "../booking/data";
import { getPrisma } from "../db/client";
import { isoWeekday } from "../scheduling/zone-time";
import { createTimeOff, createWeeklyHours, deleteTimeOff, deleteWeeklyHours, updateHomeArea } from "./mutations";

// Online availability reads the tables on every request: a schedule change
// shows in the next search, with nothing to invalidate.

const ZONE = "America/Chicago";

async function openStarts(p: Awaited<ReturnType<typeof createPractice>>, day: string, now: Date) {
  const { slots } = await searchSlots({ service: p.service, mode: "CLINIC", locations: [p.location], therapistId: p.therapists[0]!.id, from: day, to: day, now });
  return slots.map((s) => new Date(s.start).toISOString());
}

async function askApi(query: Record<string, string>) {
  const response = await availability(new Request(`http://localhost:3000/api/availability?${new URLSearchParams(query)}`), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { slots?: { start: string }[]; error?: { code: string } } };
}

describe("schedule changes and online availability", () => {
  it("time off removes its slots from the very next search, and deleting it brings them back", async () => {
    const now = new Date("2026-10-26T12:00:00Z");
    const ctx = { now, ipAddress: null };
    const p = await createPractice({ timeZone: ZONE, hours: [{ weekdays: [1], startMinute: 480, endMinute: 720, visitModes: ["CLINIC"] }] });
    const desk = await createStaffMember("FRONT_DESK");
    const before = await openStarts(p, "2026-11-02", now);
    expect(before[0]).toBe("2026-11-02T14:00:00.000Z");

    const created = await createTimeOff(
      desk,
      { therapistId: p.therapists[0]!.id, locationId: p.location.id, kind: "BLOCKED", span: "times", startsAt: "2026-11-02T08:00", endsAt: "2026-11-02T10:00" },
      ctx,
    );
    const during = await openStarts(p, "2026-11-02", now);
    expect(during[0]).toBe("2026-11-02T16:00:00.000Z");
    expect(during.length).toBeLessThan(before.length);

    await deleteTimeOff(desk, { id: created.status === "saved" ? created.id : "" }, ctx);
    expect(await openStarts(p, "2026-11-02", now)).toEqual(before);
  });

  it("GET /api/availability offers a new block at once and stops when it is deleted", async () => {
    const p = await createPractice({ timeZone: ZONE, hours: [] });
    const therapistId = p.therapists[0]!.id;
    const admin = await createStaffMember("ADMIN");
    await getPrisma().therapistLocation.findUniqueOrThrow({ where: { therapistId_locationId: { therapistId, locationId: p.location.id } } });
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).toISODate()!;
    const query = { service: p.service.id, location: p.location.id, therapist: therapistId, mode: "CLINIC", from: day, to: day };
    expect((await askApi(query)).body.slots).toEqual([]);

    const ctx = { now: new Date(), ipAddress: null };
    const created = await createWeeklyHours(admin, { therapistId, locationId: p.location.id, weekday: isoWeekday(day), start: "13:00", end: "17:00", visitModes: ["CLINIC"] }, ctx);
    const open = await askApi(query);
    expect(open.status).toBe(200);
    expect(open.body.slots?.[0]?.start).toMatch(new RegExp(`^${day}T13:00:00-0[56]:00$`));

    await deleteWeeklyHours(admin, { id: created.status === "saved" ? created.id : "" }, ctx);
    expect((await askApi(query)).body.slots).toEqual([]);
  });

  it("a postal code added to the home-visit area can book home visits at once", async () => {
    const p = await createPractice({ timeZone: ZONE, homePostalCodes: ["79912"] });
    const desk = await createStaffMember("FRONT_DESK");
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).toISODate()!;
    const query = { service: p.service.id, location: p.location.id, therapist: p.therapists[0]!.id, mode: "HOME", postalCode: "79932", from: day, to: day };
    expect((await askApi(query)).body.error?.code).toBe("OUTSIDE_AREA");

    await updateHomeArea(desk, { locationId: p.location.id, postalCodes: "79912 79932", travelMinutes: 30 }, { now: new Date(), ipAddress: null });
    const open = await askApi(query);
    expect(open.status).toBe(200);
    expect(open.body.slots?.length).toBeGreaterThan(0);
  });
});
